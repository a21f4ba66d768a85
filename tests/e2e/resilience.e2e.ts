import { describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { useBrowser } from './harness/suite.ts';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server.ts';
import { annotated } from './harness/probes.ts';
import type { BrowserSession, TestPage } from './harness/session.ts';

const TABS = 20;

const selectOpening = `(() => {
  const text = document.querySelectorAll('article p')[0].firstChild;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 48);
  getSelection().removeAllRanges();
  getSelection().addRange(range);
  return true;
})()`;

/** Asks every tab's content script to save its selection, all at once, as 20 readers' shortcuts would. */
const saveInAllTabs = `(async () => {
  const api = globalThis.browser ?? chrome;
  const tabs = await api.tabs.query({});
  const replies = await Promise.all(tabs.map((tab) => api.tabs.sendMessage(tab.id, { type: 'tab/save-selection', payload: {} }).catch(() => null)));
  return replies.filter((reply) => reply && reply.ok && reply.value.saved).length;
})()`;

const storedHighlights = `new Promise((resolve) => {
  const open = indexedDB.open('reglens');
  open.onsuccess = () => {
    const request = open.result.transaction('highlights').objectStore('highlights').getAll();
    request.onsuccess = () => { resolve(JSON.stringify(request.result.map((h) => h.url).sort())); open.result.close(); };
  };
})`;

/**
 * Holds the highlights store for `ms` from an extension page (a read-write transaction kept busy), so
 * a save that reaches the background waits there, in its own transaction, until then.
 */
const holdHighlights = (ms: number) => `new Promise((resolve) => {
  const open = indexedDB.open('reglens');
  open.onsuccess = () => {
    const store = open.result.transaction('highlights', 'readwrite').objectStore('highlights');
    const until = Date.now() + ${ms};
    const busy = () => { if (Date.now() < until) store.count().onsuccess = busy; else open.result.close(); };
    store.count().onsuccess = () => { resolve(true); busy(); };
  };
})`;

describe.each(BROWSERS)('storage under load and faults in $name', ({ launch }) => {
  let server: FixtureServer;
  let browser: BrowserSession;
  useBrowser(launch, (env) => void ({ server, browser } = env));

  it(`loses nothing when ${TABS} tabs save at once`, async () => {
    const pages: TestPage[] = [];
    for (let i = 0; i < TABS; i++) {
      const page = await browser.newPage();
      await page.goto(server.url(`pages/late-content.html?edition=${i}`));
      await page.until(annotated());
      await page.evaluate(selectOpening);
      pages.push(page);
    }
    const control = await browser.openExtensionPage('src/options/index.html');
    expect(await control.evaluate<number>(saveInAllTabs)).toBe(TABS);
    const urls = JSON.parse(await control.evaluate<string>(storedHighlights)) as string[];
    expect(urls).toHaveLength(TABS);
    expect(new Set(urls).size).toBe(TABS);
    await control.close();
    for (const page of pages) await page.close();
  });

  it('keeps a save made while the background is being stopped', async () => {
    const page = await browser.newPage();
    const url = server.url('pages/saving/original.html?fault=stop');
    await page.goto(url);
    await page.until(annotated());
    await page.evaluate(selectOpening);
    const control = await browser.openExtensionPage('src/options/index.html');
    const before = (JSON.parse(await control.evaluate<string>(storedHighlights)) as string[]).length;
    const starts = await browser.backgroundStarts();
    // The save cannot finish before the store is released, so the stop lands while it is in flight
    // (in the background's transaction, or on its way there on a slow machine).
    await control.evaluate(holdHighlights(2000));
    const saving = control.evaluate<number>(saveInAllTabs);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await browser.stopBackground();
    expect(await saving).toBe(1);
    // The save was finished by a background started again after the stop.
    expect(await browser.backgroundStarts()).toBeGreaterThan(starts);
    await browser.stopBackground();
    const after = JSON.parse(await control.evaluate<string>(storedHighlights)) as string[];
    expect(after.length).toBe(before + 1);
    expect(after).toContain('http://127.0.0.1:' + new URL(url).port + '/news/pboc-fintech-sandbox');
    await control.close();
    await page.close();
  });
});

describe('an extension reload under a running page in chromium', () => {
  it('stops the orphaned content script cleanly and tells the reader to reload', async () => {
    const server = await startFixtureServer();
    const browser = await BROWSERS.find((b) => b.name === 'chromium')!.launch();
    try {
      const page = await browser.newPage();
      await page.goto(server.url('pages/late-content.html'));
      await page.until(annotated());
      const control = await browser.openExtensionPage('src/options/index.html');
      await control.evaluate(`setTimeout(() => chrome.runtime.reload(), 50), true`).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // The next thing the reader does that needs RegLens (hovering a mark) finds it gone.
      const target = await page.evaluate<{ x: number; y: number }>(`(() => {
        const rect = [...CSS.highlights.get('reglens-body')][0].getClientRects()[0];
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      })()`);
      await page.hover(target.x, target.y);
      await page.until(`!CSS.highlights.has('reglens-body') && !!document.querySelector('reglens-ui')`);
      await page.screenshot('orphan-notice');
      expect(page.errors().filter((error) => !/favicon/.test(error))).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
