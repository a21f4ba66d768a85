import { describe, expect, it } from 'vitest';
import { selectInParagraph } from './harness/dom.ts';
import { BROWSERS } from './harness/browsers.ts';
import { useBrowser } from './harness/suite.ts';
import type { FixtureServer } from './harness/fixture-server.ts';
import { annotated, rangeCentre } from './harness/probes.ts';
import { pageErrors, type BrowserSession, type TestPage } from './harness/session.ts';

const TABS = 20;

const selectOpening = selectInParagraph(0, 48);

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

  it('matches what a page adds after the browser stopped the background, and the next article', async () => {
    // Pages send their text over a port to the background; stopping the background closes it, and
    // the next text must find a new one (and a matcher built again) rather than wait on the old one.
    const page = await browser.newPage();
    await page.goto(server.url('pages/round-trip.html'));
    await page.until(annotated());
    const starts = await browser.backgroundStarts();
    await browser.stopBackground();
    await page.evaluate(`(() => {
      const p = document.createElement('p');
      p.id = 'after-pause';
      p.textContent = 'Later, the Hong Kong Monetary Authority said it would keep the peg.';
      document.querySelector('article').append(p);
      return true;
    })()`);
    await page.until(`[...(CSS.highlights.get('reglens-body') ?? [])].some((range) => range.startContainer.parentElement?.id === 'after-pause')`);
    expect(await browser.backgroundStarts()).toBeGreaterThan(starts);
    await browser.stopBackground();
    const next = await browser.newPage();
    await next.goto(server.url('pages/late-content.html?after-pause'));
    await next.until(annotated());
    expect(await next.evaluate<number>(`CSS.highlights.get('reglens-body')?.size ?? 0`)).toBeGreaterThan(3);
    expect(pageErrors(page)).toEqual([]);
    await next.close();
    await page.close();
  });
});

const reglensUi = `document.querySelectorAll('reglens-ui').length`;
const annotations = `performance.getEntriesByName('reglens:annotate').length`;

describe.each(BROWSERS)('an extension reload under a running page in $name', ({ name, launch }) => {
  let server: FixtureServer;
  let browser: BrowserSession;
  useBrowser(launch, (env) => void ({ server, browser } = env));

  // Chromium keeps the old content script running, orphaned; Firefox unloads it (its sandbox is cut
  // off, so none of its listeners or timers run again) and injects the new version into open tabs.
  const outcome =
    name === 'chromium'
      ? 'stops the orphaned content script cleanly and tells the reader to reload'
      : 'the new content script takes over and clears what the unloaded one left on the page';
  it(outcome, async () => {
    const page = await browser.newPage();
    await page.goto(server.url('pages/late-content.html'));
    await page.until(annotated());
    // A tooltip is open when RegLens goes away.
    const first = await page.evaluate<{ x: number; y: number }>(rangeCentre('body', 0));
    await page.hover(first.x, first.y);
    await page.until(`${reglensUi} === 1 && CSS.highlights.get('reglens-focus')?.size === 1`);
    expect(await page.evaluate(annotations)).toBe(1);
    const control = await browser.openExtensionPage('src/options/index.html');
    await control.evaluate(`setTimeout(() => (globalThis.browser ?? chrome).runtime.reload(), 50), true`).catch(() => undefined);

    if (name === 'chromium') {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // The next thing that needs RegLens finds it gone: the page's late paragraph (its text goes to the
      // background to be matched) or, if that has not come yet, the reader hovering a mark. The tooltip
      // and every mark go, and one notice says why.
      const next = await page.evaluate<{ x: number; y: number } | null>(`CSS.highlights.has('reglens-phrase') ? ${rangeCentre('phrase', 0)} : null`);
      if (next) await page.hover(next.x, next.y); // another entry
      await page.until(`!CSS.highlights.has('reglens-body') && !CSS.highlights.has('reglens-focus') && ${reglensUi} === 1`);
      await page.screenshot('orphan-notice');
    } else {
      await page.until(`${annotations} === 2`);
      // Nothing of the old script's is left: its tooltip could never be closed, its focus mark never moved.
      await page.until(`${reglensUi} === 0 && !CSS.highlights.has('reglens-focus')`, { timeout: 3000 });
      expect(await page.evaluate(`CSS.highlights.get('reglens-body')?.size ?? 0`)).toBeGreaterThan(0);
      // The new script answers the reader: one tooltip, which closes.
      const next = await page.evaluate<{ x: number; y: number }>(rangeCentre('phrase', 0));
      await page.hover(next.x, next.y);
      await page.until(`${reglensUi} === 1 && CSS.highlights.get('reglens-focus')?.size === 1`);
      await page.screenshot('reload-takeover');
      await page.press('Escape');
      await page.until(`!CSS.highlights.get('reglens-focus')?.size`, { timeout: 3000 });
      expect(await page.evaluate(reglensUi)).toBeLessThanOrEqual(1);
    }
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
