import * as v from 'valibot';
import { REQUEST_PORT, type PortReply, type PortRequest } from './port-runtime.ts';
import type { MessageRuntime, Sender } from './runtime.ts';
import { MAX_MESSAGE_BYTES } from './limits.ts';
import { protocol, type MessageType, type ReplyOf, type RequestOf } from './protocol.ts';
import { fail, ok, type Result } from './result.ts';
import { StorageProblemError } from './storage-status.ts';

export type Handlers = {
  [T in MessageType]: (payload: RequestOf<T>, sender: Sender) => Promise<ReplyOf<T>>;
};

type SenderKind = 'page' | 'extension';

/** Who is asking: RegLens's own pages, a content script in a web page, or nobody we answer. */
export function classifySender(sender: Sender, runtime: Pick<MessageRuntime, 'id' | 'extensionOrigin'>): SenderKind | null {
  if (sender.id !== runtime.id) return null;
  const from = sender.url ?? '';
  if (sender.tab && /^https?:/.test(sender.tab.url ?? from)) return 'page';
  if (from.startsWith(runtime.extensionOrigin)) return 'extension';
  return null;
}

/**
 * Validates envelope, size, payload and sender before a handler runs. Anything that is not a RegLens
 * message gets `undefined` back synchronously, so other listeners keep their chance to answer.
 */
export function serve(runtime: MessageRuntime, handlers: Handlers): () => void {
  const stopMessages = runtime.onMessage((message, sender) => {
    if (!isEnvelope(message)) return undefined;
    return dispatch(message, sender, runtime, handlers);
  });
  // Content scripts send their requests over a port (see port-runtime.ts): the same checks, with the
  // sender the browser recorded when the port was opened.
  const stopPorts = runtime.onConnect?.((port) => {
    if (port.name !== REQUEST_PORT) return;
    port.onMessage((request) => {
      const { id, message } = (request ?? {}) as Partial<PortRequest>;
      if (typeof id !== 'number' || !isEnvelope(message)) return;
      void dispatch(message, port.sender ?? {}, runtime, handlers).then((reply) => {
        try {
          port.postMessage({ id, reply } satisfies PortReply);
        } catch {
          // The page went away meanwhile.
        }
      });
    });
  });
  return () => {
    stopMessages();
    stopPorts?.();
  };
}

export async function dispatch(
  message: { type: string; payload?: unknown },
  sender: Sender,
  runtime: Pick<MessageRuntime, 'id' | 'extensionOrigin'>,
  handlers: Handlers,
): Promise<Result<unknown>> {
  if (!Object.hasOwn(protocol, message.type)) return fail('unknown-type', `Unknown message ${message.type}`);
  const type = message.type as MessageType;
  const spec = protocol[type];
  const kind = classifySender(sender, runtime);
  if (kind === null || (spec.from !== 'any' && spec.from !== kind)) {
    return fail('forbidden-sender', `${type} is not accepted from this sender`);
  }
  if (largerThan(message.payload, (spec as { maxBytes?: number }).maxBytes ?? MAX_MESSAGE_BYTES)) return fail('invalid-message', `${type} is too large`);
  const parsed = v.safeParse(spec.request, message.payload);
  if (!parsed.success) return fail('invalid-message', `${type}: ${parsed.issues[0]?.message ?? 'invalid'}`);
  try {
    const handler = handlers[type] as (payload: unknown, sender: Sender) => Promise<unknown>;
    return ok(await handler(parsed.output, sender));
  } catch (error) {
    if (error instanceof StorageProblemError) return fail('storage', error.message, error.problem);
    const name = (error as Error)?.name ?? '';
    const code = /Quota|Database|Dexie|Idb|Open|Abort/i.test(name) ? 'storage' : 'internal';
    return fail(code, String((error as Error)?.message ?? error));
  }
}

function isEnvelope(message: unknown): message is { type: string; payload?: unknown } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

/**
 * Whether a payload takes more than `limit` bytes (two per string unit, eight per number), counted
 * without serialising it: JSON.stringify of a long page's text alone took milliseconds. Stops counting
 * as soon as it is over.
 */
function largerThan(value: unknown, limit: number): boolean {
  let size = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') size += 2 * item.length + 4;
    else if (Array.isArray(item)) {
      for (let i = 0; i < item.length && size <= limit; i++, size += 2) pending.push(item[i]);
    } else if (item !== null && typeof item === 'object') {
      for (const key in item) {
        size += 2 * key.length + 6;
        if (size > limit) break;
        pending.push((item as Record<string, unknown>)[key]);
      }
    } else size += 8;
    if (size > limit) return true;
  }
  return false;
}
