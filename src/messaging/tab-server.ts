import type { MessageRuntime, Sender } from './runtime.ts';
import { fail, ok, type Result } from './result.ts';
import { TAB_MESSAGE_TYPES, type TabMessageType, type TabProtocol } from './tab-protocol.ts';

export type TabHandlers = {
  [T in TabMessageType]: (payload: TabProtocol[T]['request']) => Promise<TabProtocol[T]['reply']> | TabProtocol[T]['reply'];
};

/** Hand-written checks: valibot stays out of the content script, which every page loads. */
const validPayload: Record<TabMessageType, (payload: any) => boolean> = {
  'tab/summary': isEmptyObject,
  'tab/annotate': isEmptyObject,
  'tab/settings-changed': isEmptyObject,
  'tab/save-selection': isEmptyObject,
  'tab/highlights-changed': isEmptyObject,
  'tab/highlight-status': isEmptyObject,
  'tab/reveal': (p) => isPlainObject(p) && Object.keys(p).length === 1 && typeof p.id === 'string' && p.id.length <= 64,
  'tab/focus': (p) => isPlainObject(p) && Object.keys(p).length === 1 && typeof p.id === 'string' && /^[a-z0-9-]{1,80}$/.test(p.id),
  'tab/step': (p) => isPlainObject(p) && Object.keys(p).length === 1 && (p.direction === 1 || p.direction === -1),
};

/** The content script's side: answers RegLens's pages and background only, never another tab. */
export function serveTab(runtime: MessageRuntime, handlers: TabHandlers): () => void {
  return runtime.onMessage((message, sender) => {
    if (!isPlainObject(message) || typeof message.type !== 'string') return undefined;
    if (!(TAB_MESSAGE_TYPES as readonly string[]).includes(message.type)) return undefined;
    return answer(message.type as TabMessageType, message.payload, sender, runtime, handlers);
  });
}

export async function answer(
  type: TabMessageType,
  payload: unknown,
  sender: Sender,
  runtime: Pick<MessageRuntime, 'id' | 'extensionOrigin'>,
  handlers: TabHandlers,
): Promise<Result<unknown>> {
  // RegLens pages opened in a tab carry `tab` too; content scripts of other pages never carry our origin.
  const fromRegLens = sender.id === runtime.id && (!sender.tab || (sender.url ?? '').startsWith(runtime.extensionOrigin));
  if (!fromRegLens) return fail('forbidden-sender', `${type} is not accepted from this sender`);
  if (!validPayload[type](payload)) return fail('invalid-message', `${type}: invalid payload`);
  try {
    return ok(await (handlers[type] as (payload: unknown) => unknown)(payload));
  } catch (error) {
    return fail('internal', String((error as Error)?.message ?? error));
  }
}

function isPlainObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function isEmptyObject(value: unknown): boolean {
  return isPlainObject(value) && Object.keys(value).length === 0;
}
