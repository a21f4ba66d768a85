import { describe, expect, it } from 'vitest';
import { selectInParagraph } from './harness/dom.ts';
import { BROWSERS } from './harness/browsers.ts';
import { useBrowser } from './harness/suite.ts';
import { sendTabMessage, tabIdOf } from './harness/extension.ts';
import type { FixtureServer } from './harness/fixture-server.ts';
import { annotated, readMarks } from './harness/probes.ts';
import type { BrowserSession, TestPage } from './harness/session.ts';

const QUOTE = 'Officials stressed that the programme is meant to support the real economy rather than speculation';

/** Selects the quote in the second paragraph as a reader would, and returns where it ends on screen. */
const selectQuote = selectInParagraph(1, QUOTE.length);

const savedMarks = (page: TestPage) =>
  page.until<string[]>(`(() => { const m = ${readMarks}['saved-yellow']; return m && m.length && m; })()`, { timeout: 10_000 });

describe.each(BROWSERS)('saved highlights in $name', ({ launch }) => {
  let server: FixtureServer;
  let browser: BrowserSession;
  useBrowser(launch, (env) => void ({ server, browser } = env));

  it('saves a selection from the Save control and draws it again on reload, after edits, or reports it missing', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('pages/saving/original.html'));
    await page.until(annotated());
    const end = await page.evaluate<{ right: number; top: number }>(selectQuote);
    // The control sits just above the selection's end (closed shadow root: reach it by position).
    await page.until(`new Promise((r) => setTimeout(() => r(true), 600))`);
    await page.screenshot('save-control');
    expect(await page.evaluate(`document.elementFromPoint(${end.right - 30}, ${end.top - 18})?.localName`)).toBe('reglens-ui');
    await page.clickAt(end.right - 30, end.top - 18);
    expect(await savedMarks(page)).toEqual([QUOTE]);

    await page.goto(server.url('pages/saving/original.html'));
    expect(await savedMarks(page)).toEqual([QUOTE]);

    await page.goto(server.url('pages/saving/edited.html'));
    const edited = await savedMarks(page);
    expect(edited[0]).toContain('instead of speculation');

    const url = server.url('pages/saving/removed.html');
    await page.goto(url);
    await page.until(annotated());
    const tabId = await tabIdOf(browser, url);
    const status = await pollStatus(browser, tabId);
    expect(status.missing).toHaveLength(1);
    expect(status.placed).toHaveLength(0);
    await page.close();
  });

  it('saves the selection from the keyboard command or context menu path', async () => {
    const page = await browser.newPage();
    const url = server.url('pages/late-content.html');
    await page.goto(url);
    await page.until(annotated());
    await page.evaluate(`(() => {
      const text = document.querySelectorAll('article p')[2].firstChild;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 40);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    })()`);
    const tabId = await tabIdOf(browser, url);
    const reply = (await sendTabMessage(browser, tabId, { type: 'tab/save-selection', payload: {} })) as { ok: boolean; value: { saved: boolean } };
    expect(reply.value.saved).toBe(true);
    expect((await savedMarks(page))[0]).toBe('Traders in Hong Kong watched the Hong Ko');
    await page.close();
  });
});

async function pollStatus(browser: BrowserSession, tabId: number): Promise<{ placed: string[]; missing: string[] }> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const reply = (await sendTabMessage(browser, tabId, { type: 'tab/highlight-status', payload: {} })) as {
      value: { placed: string[]; missing: string[] };
    };
    if (reply.value.placed.length + reply.value.missing.length > 0) return reply.value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the page never reported its saved highlights');
}
