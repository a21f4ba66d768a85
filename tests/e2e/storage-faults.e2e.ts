import { describe, expect, it } from 'vitest';
import { selectInParagraph } from './harness/dom.ts';
import { BROWSERS } from './harness/browsers.ts';
import { sendTabMessage, tabIdOf } from './harness/extension.ts';
import type { FixtureServer } from './harness/fixture-server.ts';
import { annotated } from './harness/probes.ts';
import { poll, type BrowserSession, type TestPage } from './harness/session.ts';
import { useBrowser } from './harness/suite.ts';

/** Selects the start of the second paragraph and returns where the selection ends on screen. */
const selectPassage = selectInParagraph(1, 60);

/** As a newer RegLens build leaves the database: same stores, a much higher version, then closed. */
const upgradeAsNewerBuild = `new Promise((resolve, reject) => {
  const open = indexedDB.open('reglens', 1000);
  open.onsuccess = () => { open.result.close(); resolve(open.result.version); };
  open.onerror = () => reject(String(open.error));
})`;

/**
 * An older RegLens page that keeps its connection and ignores requests to close it: any upgrade of
 * the database waits for it. The connection stays in `globalThis.olderPage` until `letGo`.
 */
const holdAsOlderPage = `(async () => {
  // The background (woken by this very page) may create the current database between a delete and
  // this open: then the open fails with a VersionError, and the database is deleted and tried again.
  for (let attempt = 0; ; attempt++) {
    const held = await new Promise((resolve, reject) => {
      const open = indexedDB.open('reglens', 5);
      open.onsuccess = () => { globalThis.olderPage = open.result; open.result.onversionchange = () => {}; resolve(true); };
      open.onerror = () => (open.error.name === 'VersionError' && attempt < 20 ? resolve(false) : reject(String(open.error)));
    });
    if (held) return true;
    await new Promise((resolve) => { const request = indexedDB.deleteDatabase('reglens'); request.onsuccess = request.onerror = resolve; });
  }
})()`;
const letGo = `(globalThis.olderPage.close(), true)`;

const deleteDatabase = `new Promise((resolve, reject) => {
  const request = indexedDB.deleteDatabase('reglens');
  request.onsuccess = () => resolve(true);
  request.onerror = () => reject(String(request.error));
})`;

const storedHighlightCount = `new Promise((resolve) => {
  const open = indexedDB.open('reglens');
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('highlights')) return (db.close(), resolve(0));
    const request = db.transaction('highlights').objectStore('highlights').count();
    request.onsuccess = () => { resolve(request.result); db.close(); };
  };
})`;

const bannerProblem = `document.querySelector('[data-testid="storage-banner"]')?.dataset.problem ?? ''`;
const bannerText = `document.querySelector('[data-testid="storage-banner"]')?.textContent ?? ''`;
const clickTab = (id: string) => `(document.getElementById('tab-${id}').click(), true)`;

type SaveReply = { ok: boolean; value: { saved: boolean; reason?: string; problem?: string } };

describe.each(BROWSERS)('storage faults in $name', ({ launch }) => {
  let server: FixtureServer;
  let browser: BrowserSession;
  useBrowser(launch, (env) => void ({ server, browser } = env));

  async function openArticle(path: string): Promise<{ page: TestPage; url: string; tabId: number }> {
    const page = await browser.newPage();
    const url = server.url(path);
    await page.goto(url);
    await page.until(annotated());
    return { page, url, tabId: await tabIdOf(browser, url) };
  }

  async function saveFromPage(page: TestPage, tabId: number): Promise<SaveReply['value']> {
    await page.evaluate(selectPassage);
    const reply = (await sendTabMessage(browser, tabId, { type: 'tab/save-selection', payload: {} })) as SaveReply;
    expect(reply.ok).toBe(true);
    return reply.value;
  }

  /** The popup as a tab about `tabId`, once its banner shows `problem` ('' for none). */
  async function popupShowing(tabId: number, problem: string, view = 'page'): Promise<TestPage> {
    const popup = await browser.openExtensionPage(`src/popup/index.html?tab=${tabId}&view=${view}`);
    await poll(async () => (await popup.evaluate<string>(bannerProblem)) === problem && (await popup.evaluate<string>(`document.querySelector('h1')?.textContent ?? ''`)));
    return popup;
  }

  it('labels a database a newer RegLens build upgraded: banner, Save reason, annotation still works', async () => {
    const article = await openArticle('pages/saving/original.html');
    expect((await saveFromPage(article.page, article.tabId)).saved).toBe(true);

    const control = await browser.openExtensionPage('src/options/index.html');
    expect(await control.evaluate<number>(upgradeAsNewerBuild)).toBe(1000);
    // Chromium can stop the service worker, as the browser does when idle: it starts again with a
    // fresh connection. Elsewhere Dexie closed its connection on `versionchange` and opens again on
    // the next request; either way Dexie 4 opens the newer database as it is, and RegLens sees the version.
    await browser.stopBackground?.();

    const popup = await popupShowing(article.tabId, 'newer-version');
    expect(await popup.evaluate<string>(bannerText)).toMatch(/newer version of RegLens.*Annotations still work/);
    expect(await popup.evaluate<string>(`document.querySelector('[data-testid="storage-banner"]').getAttribute('role')`)).toBe('alert');
    await popup.screenshot(`storage-banner-this-page`);
    await popup.evaluate(clickTab('library'));
    await poll(async () => (await popup.evaluate<string>(bannerProblem)) === 'newer-version' && popup.evaluate<boolean>(`!!document.querySelector('.library')`));
    // Reading still works: the highlight saved before the upgrade is listed.
    await poll(() => popup.evaluate<boolean>(`document.querySelectorAll('.lib-item').length === 1`));
    await popup.screenshot(`storage-banner-library`);

    // A save from the page: the Save control shows the labelled reason, and nothing is written.
    const end = await article.page.evaluate<{ right: number; top: number }>(selectPassage);
    await article.page.until(`new Promise((r) => setTimeout(() => r(true), 600))`);
    await article.page.clickAt(end.right - 30, end.top - 18);
    await article.page.until(`new Promise((r) => setTimeout(() => r(true), 400))`);
    await article.page.screenshot(`storage-save-refused`);
    const refused = await saveFromPage(article.page, article.tabId);
    expect(refused).toMatchObject({ saved: false, problem: 'newer-version' });
    expect(refused.reason).toMatch(/^Not saved: a newer version of RegLens/);
    expect(await control.evaluate<number>(storedHighlightCount)).toBe(1);

    // Annotation of another article still works.
    const other = await openArticle('pages/late-content.html');
    expect(await other.page.evaluate<number>(`CSS.highlights.get('reglens-body')?.size ?? 0`)).toBeGreaterThan(0);

    const options = await browser.openExtensionPage('src/options/index.html');
    await poll(async () => (await options.evaluate<string>(bannerProblem)) === 'newer-version');
    await options.screenshot(`storage-banner-options`);

    // The newer build's database goes away (the reader cleared it): RegLens opens a fresh one and saves again.
    await popup.close();
    expect(await control.evaluate<boolean>(deleteDatabase)).toBe(true);
    const recovered = await popupShowing(article.tabId, '');
    expect((await saveFromPage(article.page, article.tabId)).saved).toBe(true);
    for (const page of [recovered, options, control, other.page, article.page]) await page.close();
  });

  it('labels an upgrade blocked by an older RegLens page, keeps annotating with defaults, and recovers when it lets go', async () => {
    const control = await browser.openExtensionPage('src/options/index.html');
    expect(await control.evaluate<boolean>(deleteDatabase)).toBe(true);
    expect(await control.evaluate<boolean>(holdAsOlderPage)).toBe(true);

    const article = await openArticle('pages/saving/original.html');
    expect(await article.page.evaluate<number>(`CSS.highlights.get('reglens-body')?.size ?? 0`)).toBeGreaterThan(0);
    const refused = await saveFromPage(article.page, article.tabId);
    expect(refused).toMatchObject({ saved: false, problem: 'blocked-upgrade' });
    expect(refused.reason).toMatch(/^Not saved: another RegLens page holds its storage/);

    const popup = await popupShowing(article.tabId, 'blocked-upgrade');
    expect(await popup.evaluate<string>(bannerText)).toMatch(/waiting for another RegLens page.*Annotations still work/);
    await popup.screenshot(`storage-banner-blocked`);
    await popup.close();

    await control.evaluate(letGo);
    // The waiting upgrade completes at once; the background tries again after its back-off.
    await poll(async () => (await saveFromPage(article.page, article.tabId)).saved, 20_000);
    const recovered = await popupShowing(article.tabId, '');
    for (const page of [recovered, control, article.page]) await page.close();
  });
});
