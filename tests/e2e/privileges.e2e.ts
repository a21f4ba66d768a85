import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/messaging/protocol.ts';
import { BROWSERS } from './harness/browsers.ts';
import { sendTabMessage, tabIdOf } from './harness/extension.ts';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server.ts';
import { annotated, readMarks } from './harness/probes.ts';
import { pageErrors, type BrowserSession, type TestPage } from './harness/session.ts';

/**
 * Who may make RegLens do what, in the real browsers. A web page has no channel to RegLens at all:
 * the content script listens to no window messages and the manifest has no externally_connectable.
 * RegLens's own pages reach the background, which still validates every message before it acts.
 */

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const ARTICLE = 'pages/late-content.html';

describe.each(BROWSERS)('messages and privileges in $name', ({ name, launch }) => {
  let server: FixtureServer;
  let browser: BrowserSession;
  /** An extension page kept open: RegLens's own origin, from which extension-only messages are allowed. */
  let extension: TestPage;
  const ask = (message: object) => extension.evaluate<Reply>(`(globalThis.browser ?? chrome).runtime.sendMessage(${JSON.stringify(message)})`);
  const readSettings = async () => {
    const reply = await ask({ type: 'settings/read', payload: {} });
    expect(reply.ok).toBe(true);
    return (reply as { value: unknown }).value;
  };

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launch();
    extension = await browser.openExtensionPage('src/options/index.html');
  });
  afterAll(async () => {
    await extension?.close();
    await browser?.close();
    await server?.close();
  });

  it('ignores RegLens-shaped window messages posted by the page', async () => {
    const before = await readSettings();
    expect(before).toEqual(DEFAULT_SETTINGS);
    const page = await browser.newPage();
    const url = server.url(ARTICLE);
    await page.goto(url);
    await page.until(annotated());
    const marksBefore = await page.evaluate(readMarks);
    // A selection exists, so a save request that got through would have something to save.
    await page.evaluate(`(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelectorAll('article p')[0]);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    })()`);
    const host = new URL(url).host;
    const forged = [
      { type: 'settings/update', payload: { ...DEFAULT_SETTINGS, neverSites: [host], categories: { body: false, law: false, phrase: false } } },
      { type: 'settings/never-on-site', payload: { host } },
      { type: 'settings/mute-term', payload: { id: 'fed' } },
      { type: 'tab/save-selection', payload: {} },
      { type: 'tab/annotate', payload: {} },
      { type: 'highlight/create', payload: { url, title: 'forged', selectors: [], entities: [] } },
    ];
    await page.evaluate(`(() => {
      for (const message of ${JSON.stringify(forged)}) {
        window.postMessage(message, '*');
        window.postMessage(JSON.stringify(message), '*');
        document.dispatchEvent(new CustomEvent(message.type, { detail: message }));
      }
    })()`);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    expect(await readSettings()).toEqual(before);
    expect(await page.evaluate(readMarks)).toEqual(marksBefore); // nothing muted, saved or switched off
    const status = await sendTabMessage(browser, await tabIdOf(browser, url), { type: 'tab/highlight-status', payload: {} });
    expect(status).toEqual({ ok: true, value: { placed: [], missing: [] } });
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('gives web pages no runtime channel to RegLens (no externally_connectable)', async () => {
    const id = await extension.evaluate<string>('(globalThis.browser ?? chrome).runtime.id');
    const page = await browser.newPage();
    await page.goto(server.url(ARTICLE));
    const outcome = await page.evaluate<string>(`(async () => {
      const runtime = globalThis.chrome?.runtime ?? globalThis.browser?.runtime;
      if (!runtime?.sendMessage) return 'no runtime API in the page';
      try {
        const reply = await new Promise((resolve, reject) => {
          try {
            const pending = runtime.sendMessage(${JSON.stringify(id)}, { type: 'settings/read', payload: {} }, (value) => resolve(value));
            pending?.then?.(resolve, reject);
          } catch (error) {
            reject(error);
          }
          setTimeout(() => resolve(undefined), 2000);
        });
        return reply === undefined ? 'no answer' : 'answered: ' + JSON.stringify(reply);
      } catch (error) {
        return 'refused: ' + error.message;
      }
    })()`);
    console.log(`${name}: a page calling runtime.sendMessage(${id}) -> ${outcome}`);
    expect(outcome).not.toMatch(/^answered/);
    await page.close();
  });

  it('refuses forged, unknown and oversized messages from an extension page', async () => {
    const before = await readSettings();
    const forged = await ask({ type: 'settings/update', payload: { evil: true } });
    expect(forged).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    const smuggled = await ask({ type: 'settings/update', payload: { ...DEFAULT_SETTINGS, evil: true } });
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    const unknown = await ask({ type: 'db/drop-everything', payload: {} });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    // Valid by schema (3,000 well-formed ids) but over the 256 KiB limit: refused before parsing.
    const oversized = await ask({ type: 'settings/update', payload: { ...DEFAULT_SETTINGS, mutedTerms: Array.from({ length: 3000 }, (_, i) => `term-${i}-${'x'.repeat(70)}`) } });
    expect(oversized).toMatchObject({ ok: false, error: { code: 'invalid-message', message: expect.stringContaining('too large') } });
    const inherited = await ask({ type: 'toString', payload: {} });
    expect(inherited).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    expect(await readSettings()).toEqual(before);
  });
});
