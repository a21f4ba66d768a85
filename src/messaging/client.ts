import type { MessageRuntime, TabsApi } from './runtime.ts';
import type { TabMessageType, TabProtocol } from './tab-protocol.ts';
import type { MessageType, ReplyOf, RequestOf } from './protocol.ts';
import { fail, type Result } from './result.ts';

/** Sends one typed request; any transport failure becomes a Result, never a throw. */
export async function request<T extends MessageType>(
  runtime: MessageRuntime,
  type: T,
  payload: RequestOf<T>,
): Promise<Result<ReplyOf<T>>> {
  try {
    const reply = (await runtime.sendMessage({ type, payload })) as Result<ReplyOf<T>> | undefined;
    return reply ?? fail('transport', 'RegLens did not answer.');
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    if (/context invalidated/i.test(message) || !runtimeAlive(runtime)) {
      return fail('unavailable', 'RegLens was updated or restarted. Reload the page to reconnect.');
    }
    return fail('transport', message);
  }
}

/** Retries an idempotent request while the transport loses it (the background stopped mid-way). */
export function requestWithRetry<T extends MessageType>(
  runtime: MessageRuntime,
  type: T,
  payload: RequestOf<T>,
  options?: RetryOptions,
): Promise<Result<ReplyOf<T>>> {
  return retryLostTransport(() => request(runtime, type, payload), options);
}

interface RetryOptions {
  attempts?: number;
  delayMs?: number;
}

/** Does idempotent work again, after a growing pause, while the transport loses its reply. */
export async function retryLostTransport<T>(send: () => Promise<Result<T>>, { attempts = 3, delayMs = 300 }: RetryOptions = {}): Promise<Result<T>> {
  let reply = await send();
  for (let attempt = 1; attempt < attempts && !reply.ok && reply.error.code === 'transport'; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, delayMs * attempt));
    reply = await send();
  }
  return reply;
}

/** An orphaned content script's runtime has lost its id. */
function runtimeAlive(runtime: MessageRuntime): boolean {
  try {
    return !!runtime.liveId();
  } catch {
    return false;
  }
}

/** Asks a tab's content script; a tab without RegLens (a browser page, a PDF) answers `unavailable`. */
export async function requestTab<T extends TabMessageType>(
  tabs: TabsApi,
  tabId: number,
  type: T,
  payload: TabProtocol[T]['request'],
): Promise<Result<TabProtocol[T]['reply']>> {
  try {
    const reply = (await tabs.sendToTab(tabId, { type, payload })) as Result<TabProtocol[T]['reply']> | undefined;
    return reply ?? fail('unavailable', 'RegLens is not running on this page.');
  } catch {
    return fail('unavailable', 'RegLens cannot run on this page. Reload it, or open a web article.');
  }
}
