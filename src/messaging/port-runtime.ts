import type { MessagePortLike, MessageRuntime } from './runtime.ts';

/** The port a content script sends its requests through; `serve` answers on it. */
export const REQUEST_PORT = 'reglens:requests';

/** One request on the request port, and its reply. */
export interface PortRequest {
  id: number;
  message: unknown;
}
export interface PortReply {
  id: number;
  reply: unknown;
}

/**
 * The same runtime, with requests sent over one long-lived port instead of one `runtime.sendMessage`
 * each. Measured in Chromium from a content script to the service worker: a one-off message took
 * 2-5 ms (15 ms the first time) and one carrying a 50k-word page's text 77 ms; on an open port,
 * 0.5 ms and 6 ms. The port opens at the first request and again after the background dropped it
 * (a service worker is stopped when idle); requests in flight then fail as a lost transport does.
 */
export function overOnePort(runtime: MessageRuntime): MessageRuntime {
  if (!runtime.connect) return runtime;
  const connect = runtime.connect.bind(runtime);
  let open: { port: MessagePortLike; pending: Map<number, { resolve(reply: unknown): void; reject(error: Error): void }> } | null = null;
  let lastId = 0;
  const openPort = () => {
    const channel = { port: connect(REQUEST_PORT), pending: new Map() };
    channel.port.onMessage((message) => {
      const { id, reply } = message as PortReply;
      channel.pending.get(id)?.resolve(reply);
      channel.pending.delete(id);
    });
    channel.port.onDisconnect(() => {
      if (open === channel) open = null;
      for (const waiting of channel.pending.values()) waiting.reject(new Error('RegLens closed the connection.'));
      channel.pending.clear();
    });
    return channel;
  };
  return {
    ...runtime,
    sendMessage: (message) =>
      new Promise((resolve, reject) => {
        const channel = (open ??= openPort());
        const id = ++lastId;
        channel.pending.set(id, { resolve, reject });
        channel.port.postMessage({ id, message } satisfies PortRequest);
      }),
  };
}
