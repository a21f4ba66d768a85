import { describe, expect, it } from 'vitest';
import { request, requestWithRetry } from '../../src/messaging/client.ts';
import { overOnePort, REQUEST_PORT } from '../../src/messaging/port-runtime.ts';
import { DEFAULT_SETTINGS } from '../../src/messaging/protocol.ts';
import type { MessagePortLike, MessageRuntime, Sender } from '../../src/messaging/runtime.ts';
import { serve, type Handlers } from '../../src/messaging/server.ts';

const ID = 'reglens-id';
const pageSender: Sender = { id: ID, url: 'https://news.example/a', tab: { id: 3, url: 'https://news.example/a' } };

/** Two ends of a runtime.Port, delivering asynchronously as the browser does. */
function portPair(name: string, sender: Sender): [MessagePortLike, MessagePortLike] {
  const listeners = [new Set<(m: unknown) => void>(), new Set<(m: unknown) => void>()];
  const onDisconnect = [new Set<() => void>(), new Set<() => void>()];
  let connected = true;
  const end = (side: 0 | 1): MessagePortLike => ({
    name,
    ...(side === 1 ? { sender } : {}),
    postMessage(message) {
      if (!connected) throw new Error('Attempting to use a disconnected port object');
      const copy = JSON.parse(JSON.stringify(message)) as unknown;
      setTimeout(() => listeners[1 - side]!.forEach((listener) => listener(copy)));
    },
    onMessage: (listener) => void listeners[side]!.add(listener),
    onDisconnect: (listener) => void onDisconnect[side]!.add(listener),
    disconnect() {
      connected = false;
      setTimeout(() => onDisconnect[1 - side]!.forEach((listener) => listener()));
    },
  });
  return [end(0), end(1)];
}

/** A content script's runtime and a background serving it, joined by ports. */
function joined(handlers: Partial<Handlers>, sender = pageSender) {
  let accept: ((port: MessagePortLike) => void) | undefined;
  const opened: MessagePortLike[] = [];
  const background: MessageRuntime = {
    id: ID,
    extensionOrigin: `chrome-extension://${ID}/`,
    liveId: () => ID,
    sendMessage: async () => undefined,
    onMessage: () => () => {},
    onConnect: (listener) => ((accept = listener), () => (accept = undefined)),
  };
  serve(background, handlers as Handlers);
  const page: MessageRuntime = {
    ...background,
    sendMessage: () => Promise.reject(new Error('not over the port')),
    connect(name) {
      const [mine, theirs] = portPair(name, sender);
      opened.push(theirs);
      accept?.(theirs);
      return mine;
    },
  };
  return { runtime: overOnePort(page), opened };
}

describe('requests over one port', () => {
  it('answers each request on one port, by id, with the same checks as a message', async () => {
    let slow: () => void = () => {};
    const { runtime, opened } = joined({
      'settings/get': () => new Promise((resolve) => (slow = () => resolve(DEFAULT_SETTINGS))),
      'text/match': async ({ text }) => ({ entries: [], spans: [text.length] }),
    });
    const first = request(runtime, 'settings/get', {});
    const second = await request(runtime, 'text/match', { job: 1, part: 0, text: 'The PBOC', last: true });
    expect(second).toEqual({ ok: true, value: { entries: [], spans: [8] } });
    slow();
    expect(await first).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(opened.map((port) => port.name)).toEqual([REQUEST_PORT]);
    // An extension-only message is refused on the port as it is by message.
    expect(await request(runtime, 'settings/read', {})).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('refuses a port opened by something that is not RegLens in a web page', async () => {
    const { runtime } = joined({ 'text/match': async () => ({ entries: [], spans: [] }) }, { id: 'other-extension', tab: { id: 1, url: 'https://x.example/' } });
    expect(await request(runtime, 'text/match', { job: 1, part: 0, text: 'x', last: true })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('fails requests in flight when the background drops the port, and opens a new one for the next', async () => {
    let hang = true;
    const { runtime, opened } = joined({
      'settings/get': () => (hang ? new Promise(() => {}) : Promise.resolve(DEFAULT_SETTINGS)),
    });
    const lost = request(runtime, 'settings/get', {});
    await new Promise((resolve) => setTimeout(resolve, 5));
    opened[0]!.disconnect(); // the service worker was stopped
    expect(await lost).toMatchObject({ ok: false, error: { code: 'transport' } });
    hang = false;
    expect(await requestWithRetry(runtime, 'settings/get', {}, { delayMs: 1 })).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(opened).toHaveLength(2);
  });
});
