import type { MessageRuntime } from './runtime.ts';
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
    return reply ?? fail('unavailable', 'RegLens did not answer. Reload the page to reconnect.');
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    return /context invalidated|receiving end does not exist/i.test(message)
      ? fail('unavailable', 'RegLens was updated or restarted. Reload the page to reconnect.')
      : fail('internal', message);
  }
}
