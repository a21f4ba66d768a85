import { describe, expect, it } from 'vitest';
import { MAX_MATCH_TEXT } from '../../src/messaging/limits.ts';
import { DEFAULT_SETTINGS, protocol, type MessageType } from '../../src/messaging/protocol.ts';
import { classifySender, dispatch, serve, type Handlers } from '../../src/messaging/server.ts';

const runtime = { id: 'reglens-id', extensionOrigin: 'chrome-extension://reglens-id/' };
const pageSender = { id: 'reglens-id', url: 'https://news.example/a', tab: { id: 3, url: 'https://news.example/a' } };
const popupSender = { id: 'reglens-id', url: 'chrome-extension://reglens-id/src/popup/index.html' };
const calls: string[] = [];
const handlers: Handlers = {
  async 'page/seen'(page) {
    calls.push(page.url);
    return { stored: true };
  },
  async 'pages/recent'() {
    return [];
  },
  'glossary/facts': async () => [],
  'text/match': async ({ text }) => ({ entries: [], spans: [text.length] }),
  'settings/get': async () => DEFAULT_SETTINGS,
  'settings/read': async () => DEFAULT_SETTINGS,
  'settings/mute-term': async () => DEFAULT_SETTINGS,
  'settings/never-on-site': async () => DEFAULT_SETTINGS,
  'settings/update': async () => DEFAULT_SETTINGS,
  'highlight/create': async () => ({ id: 'x' }),
  'highlights/for-page': async () => [],
  'highlight/open': async () => ({ opened: false }),
  'storage/status': async () => ({ ok: true }),
};
const seen = { url: 'https://news.example/a', title: 'A', entities: [{ id: 'pboc', count: 2 }] };

describe('message dispatch', () => {
  it('answers a valid page message from a content script', async () => {
    expect(await dispatch({ type: 'page/seen', payload: seen }, pageSender, runtime, handlers)).toEqual({
      ok: true,
      value: { stored: true },
    });
  });

  it('refuses an extension-only message from a content script', async () => {
    const reply = await dispatch({ type: 'pages/recent', payload: { limit: 5 } }, pageSender, runtime, handlers);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('refuses messages from another extension', async () => {
    const reply = await dispatch({ type: 'page/seen', payload: seen }, { ...pageSender, id: 'other' }, runtime, handlers);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('rejects unknown types, extra fields and wrong field types before any handler runs', async () => {
    calls.length = 0;
    const unknown = await dispatch({ type: 'db/drop', payload: {} }, popupSender, runtime, handlers);
    const extra = await dispatch({ type: 'page/seen', payload: { ...seen, admin: true } }, pageSender, runtime, handlers);
    const wrong = await dispatch({ type: 'page/seen', payload: { ...seen, entities: 'all' } }, pageSender, runtime, handlers);
    expect([unknown, extra, wrong].map((r) => !r.ok && r.error.code)).toEqual([
      'unknown-type',
      'invalid-message',
      'invalid-message',
    ]);
    expect(calls).toEqual([]);
  });

  it('rejects oversized payloads', async () => {
    const reply = await dispatch(
      { type: 'page/seen', payload: { ...seen, title: 'x'.repeat(300_000) } },
      pageSender,
      runtime,
      handlers,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    // Size is counted before any schema runs, in strings, arrays and objects alike.
    const entities = Array.from({ length: 40_000 }, (_, i) => ({ id: `entity-${i}`, count: i }));
    for (const payload of [{ ...seen, entities }, { ...seen, entities: Array.from({ length: 40_000 }, () => [1, 2, 3]) }]) {
      expect(await dispatch({ type: 'page/seen', payload }, pageSender, runtime, handlers)).toMatchObject({
        ok: false,
        error: { code: 'invalid-message', message: 'page/seen is too large' },
      });
    }
  });

  it("takes a long page's text to match, up to its own limit, and only from pages", async () => {
    const long = 'The PBOC said so. '.repeat(50_000); // 900,000 units: far over the general limit
    expect(await dispatch({ type: 'text/match', payload: { job: 1, part: 0, text: long, last: true } }, pageSender, runtime, handlers)).toEqual({
      ok: true,
      value: { entries: [], spans: [long.length] },
    });
    const tooLong = 'x'.repeat(MAX_MATCH_TEXT + 1);
    expect(await dispatch({ type: 'text/match', payload: { job: 1, part: 0, text: tooLong, last: true } }, pageSender, runtime, handlers)).toMatchObject({
      ok: false,
      error: { code: 'invalid-message' },
    });
    expect(await dispatch({ type: 'text/match', payload: { job: 1, part: 0, text: 'PBOC', last: true } }, popupSender, runtime, handlers)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('turns a handler failure into a Result instead of a thrown error', async () => {
    const failing = { ...handlers, 'page/seen': async () => Promise.reject(new Error('disk on fire')) };
    expect(await dispatch({ type: 'page/seen', payload: seen }, pageSender, runtime, failing)).toMatchObject({
      ok: false,
      error: { message: 'disk on fire' },
    });
  });

  it('tells pages, extension pages and strangers apart', () => {
    expect(classifySender(pageSender, runtime)).toBe('page');
    expect(classifySender(popupSender, runtime)).toBe('extension');
    expect(classifySender({ id: 'reglens-id', url: 'https://evil.example/' }, runtime)).toBeNull();
  });
});

describe('what a content script can never ask for', () => {
  /** Every handler counts its calls: a refused message must not reach one. */
  const ran: string[] = [];
  const spied = Object.fromEntries(
    Object.entries(handlers).map(([type, handler]) => [
      type,
      (payload: unknown, sender: unknown) => {
        ran.push(type);
        return (handler as (p: unknown, s: unknown) => Promise<unknown>)(payload, sender);
      },
    ]),
  ) as unknown as Handlers;
  const extensionOnly = (Object.keys(protocol) as MessageType[]).filter((type) => protocol[type].from === 'extension');

  it('refuses every extension-only message (settings, history, opening tabs) before any handler runs', async () => {
    expect(extensionOnly).toEqual(expect.arrayContaining(['settings/read', 'settings/update', 'pages/recent', 'highlight/open']));
    ran.length = 0;
    const payloads: Partial<Record<MessageType, unknown>> = {
      'settings/read': {},
      'settings/update': { ...DEFAULT_SETTINGS, neverSites: ['news.example'] },
      'pages/recent': { limit: 5 },
      'highlight/open': { id: 'x' },
    };
    for (const type of extensionOnly) {
      const reply = await dispatch({ type, payload: payloads[type] ?? {} }, pageSender, runtime, spied);
      expect(reply, type).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(ran).toEqual([]);
  });

  it('has no export, import or delete-all message: extension pages read their own database', async () => {
    ran.length = 0;
    for (const type of ['highlights/export', 'highlights/import', 'highlights/delete-all', 'db/delete', 'settings/reset', '__proto__', 'constructor']) {
      const reply = await dispatch({ type, payload: {} }, pageSender, runtime, spied);
      expect(reply, type).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    }
    expect(ran).toEqual([]);
  });

  it('cannot pass as an extension page by the URL of the frame it runs in', async () => {
    const framed = { id: 'reglens-id', url: 'chrome-extension://reglens-id/src/options/index.html', tab: { id: 3, url: 'https://evil.example/' } };
    expect(classifySender(framed, runtime)).toBe('page');
    const reply = await dispatch({ type: 'settings/update', payload: DEFAULT_SETTINGS }, framed, runtime, spied);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('answers nothing to a script in a tab that is not a web page', async () => {
    const blank = { id: 'reglens-id', url: 'about:blank', tab: { id: 4, url: 'about:blank' } };
    expect(classifySender(blank, runtime)).toBeNull();
    expect(await dispatch({ type: 'settings/get', payload: {} }, blank, runtime, spied)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('still lets a RegLens page opened in a tab change settings', async () => {
    const popupInTab = { id: 'reglens-id', url: 'chrome-extension://reglens-id/src/popup/index.html', tab: { id: 5, url: 'chrome-extension://reglens-id/src/popup/index.html' } };
    expect(await dispatch({ type: 'settings/update', payload: DEFAULT_SETTINGS }, popupInTab, runtime, spied)).toMatchObject({ ok: true });
  });

  it('reports a full disk as a storage failure the reader can be told about', async () => {
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const full = { ...handlers, 'page/seen': async () => Promise.reject(quota) };
    expect(await dispatch({ type: 'page/seen', payload: seen }, pageSender, runtime, full)).toMatchObject({
      ok: false,
      error: { code: 'storage', message: 'The quota has been exceeded.' },
    });
  });

  it('returns nothing synchronously for messages that are not RegLens requests, leaving them to others', () => {
    let listener: ((message: unknown, sender: object) => unknown) | undefined;
    serve({ ...runtime, liveId: () => runtime.id, sendMessage: async () => undefined, onMessage: (l) => ((listener = l), () => {}) }, handlers);
    expect(listener!('ping', pageSender)).toBeUndefined();
    expect(listener!({ kind: 'other-extension-protocol' }, pageSender)).toBeUndefined();
    expect(listener!({ type: 'page/seen', payload: seen }, pageSender)).toBeInstanceOf(Promise);
  });
});
