import { describe, expect, it } from 'vitest';
import { request, requestWithRetry } from '../../src/messaging/client.ts';
import type { MessageRuntime } from '../../src/messaging/runtime.ts';

function runtimeThat(send: (attempt: number) => Promise<unknown>, alive = true): MessageRuntime & { attempts: number } {
  const runtime = {
    id: 'reglens',
    extensionOrigin: 'chrome-extension://reglens/',
    attempts: 0,
    liveId: () => (alive ? 'reglens' : undefined),
    sendMessage: () => send(++runtime.attempts),
    onMessage: () => () => {},
  };
  return runtime;
}

describe('requests to the background', () => {
  it('reports an orphaned script as unavailable, not as a lost message', async () => {
    const orphan = runtimeThat(() => Promise.reject(new Error('Extension context invalidated.')));
    expect(await request(orphan, 'settings/get', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const lostId = runtimeThat(() => Promise.reject(new Error('whatever')), false);
    expect(await request(lostId, 'settings/get', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('retries a request whose reply was lost when the background stopped, then succeeds', async () => {
    const flaky = runtimeThat((attempt) =>
      attempt < 3 ? Promise.reject(new Error('The message port closed before a response was received.')) : Promise.resolve({ ok: true, value: { id: 'x' } }),
    );
    const reply = await requestWithRetry(flaky, 'settings/get', {}, { delayMs: 1 });
    expect(reply).toEqual({ ok: true, value: { id: 'x' } });
    expect(flaky.attempts).toBe(3);
  });

  it('does not retry once the script is orphaned', async () => {
    const orphan = runtimeThat(() => Promise.reject(new Error('Extension context invalidated.')));
    await requestWithRetry(orphan, 'settings/get', {}, { delayMs: 1 });
    expect(orphan.attempts).toBe(1);
  });
});
