import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { useBrowser } from './harness/suite.ts';
import { captureDownloads, chooseFile, click, count, scrollbarBrightness, selectInParagraph, smallestText, type } from './harness/dom.ts';
import { sendTabMessage, tabIdOf } from './harness/extension.ts';
import type { FixtureServer } from './harness/fixture-server.ts';
import { annotated } from './harness/probes.ts';
import type { BrowserSession, TestPage } from './harness/session.ts';

/** Selects `length` characters at the start of the n-th article paragraph and saves them as a reader would. */
async function saveFrom(browser: BrowserSession, server: FixtureServer, fixture: string, paragraph: number, length: number) {
  const page = await browser.newPage();
  const url = server.url(fixture);
  await page.goto(url);
  await page.until(annotated());
  await page.evaluate(selectInParagraph(paragraph, length));
  const reply = (await sendTabMessage(browser, await tabIdOf(browser, url), { type: 'tab/save-selection', payload: {} })) as {
    value: { saved: boolean };
  };
  expect(reply.value.saved).toBe(true);
  await page.close();
}

const items = (library: TestPage, n: number) => library.until(`${count('.lib-item')} === ${n} && document.querySelector('[aria-busy="true"]') === null`);

describe.each(BROWSERS)('the popup library in $name', ({ launch }) => {
  let server: FixtureServer;
  let browser: BrowserSession;
  let exported = '';
  useBrowser(launch, async (env) => {
    ({ server, browser } = env);
    await saveFrom(browser, server, 'pages/saving/original.html', 0, 62); // mentions the People's Bank of China
    await saveFrom(browser, server, 'pages/late-content.html', 3, 58); // mentions the Basel Committee
  });

  it('lists, searches, filters by entity, edits a note and tags, and deletes with undo', async () => {
    const library = await browser.openExtensionPage('src/popup/index.html?view=library');
    await items(library, 2);
    await library.screenshot('library-light');
    // Text that inherits its size (quotes, search, filters) must not shrink to the browser's default.
    const smallest = await library.evaluate<{ px: number; element: string }>(smallestText);
    expect(smallest.px, smallest.element).toBeGreaterThanOrEqual(12);

    await library.evaluate(type('.lib-search', 'Basel'));
    await items(library, 1);
    await library.evaluate(type('.lib-search', ''));
    await items(library, 2);

    // The virtual list settles row heights over a frame or two after a search: wait for the chip.
    const pbocChip = `.lib-chip-entity[aria-label*="People's Bank of China"]`;
    await library.until(`!!document.querySelector(${JSON.stringify(pbocChip)})`);
    await library.evaluate(click(pbocChip));
    await items(library, 1);
    expect(await library.text('.lib-item')).toContain("The People's Bank of China said on Tuesday");

    await library.evaluate(click('.lib-item .lib-actions .lib-button'));
    await library.waitFor('.lib-editor textarea');
    await library.evaluate(type('.lib-editor textarea', 'Sandbox = controlled opening; compare with the 2020 crackdown.'));
    await library.evaluate(type('.lib-editor input[id$="-tags"]', 'fintech, Zhejiang'));
    await library.evaluate(click('.lib-editor button[type="submit"]'));
    await library.until(`document.querySelector('.lib-note')?.textContent.includes('controlled opening')`);
    expect(await library.text('.lib-item .lib-chips')).toContain('Zhejiang');

    await library.evaluate(click('.lib-item .lib-button-danger'));
    await items(library, 0);
    // The row leaves at once; the Undo offer follows when the store has answered.
    await library.waitFor('.lib-toast-undo');
    await library.evaluate(click('.lib-toast-undo'));
    await items(library, 1);
    expect(await library.text('.lib-note')).toContain('controlled opening');
    await library.close();
  });

  it('opens the article at the highlight from the library', async () => {
    const library = await browser.openExtensionPage('src/popup/index.html?view=library');
    await items(library, 2);
    await library.evaluate(click(`.lib-item .lib-quote`));
    const article = await browser.pageAt(server.url('pages/late-content.html'));
    const focus = await article.until<string[]>(`(() => { const f = CSS.highlights.get('reglens-focus'); return f && f.size && [...f].map((r) => r.toString()); })()`);
    expect(focus[0]).toMatch(/^Elsewhere, the Basel Committee/);
    await article.close();
    await library.close();
  });

  it('exports Markdown, CSV, JSON and W3C JSON-LD with the saved content', async () => {
    const library = await browser.openExtensionPage('src/popup/index.html?view=library');
    await items(library, 2);
    await library.evaluate(captureDownloads);
    for (const format of ['markdown', 'csv', 'json', 'jsonld']) {
      await library.evaluate(click(`.lib-export-buttons [data-format="${format}"]`));
      await library.until(`window.__downloads.length >= ${['markdown', 'csv', 'json', 'jsonld'].indexOf(format) + 1}`);
    }
    const [markdown, csv, json, jsonld] = await library.evaluate<string[]>('window.__downloads');
    expect(markdown).toMatch(/^---\n/);
    expect(markdown).toContain('controlled opening');
    expect(csv!.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    expect(csv!.split('\r\n')[0]).toContain('quote');
    const file = JSON.parse(json!);
    expect(file).toMatchObject({ format: 'reglens', version: 1 });
    expect(file.highlights).toHaveLength(2);
    expect(file.highlights.find((h: { note: string }) => h.note.includes('controlled opening')).tags).toEqual(['fintech', 'Zhejiang']);
    const annotations = JSON.parse(jsonld!);
    expect(annotations['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(JSON.stringify(annotations)).toContain('TextQuoteSelector');
    exported = json!;
    await library.close();
  });

  it('restores every highlight exactly in a fresh profile from the JSON export', async () => {
    // The fresh profile also shows the popup in dark mode, for the screenshots.
    const fresh = await launch({ colorScheme: 'dark' });
    try {
      const library = await fresh.openExtensionPage('src/popup/index.html?view=library');
      await library.until(`document.querySelector('[aria-busy="true"]') === null`);
      await library.evaluate(chooseFile('.lib-import input[type="file"]', 'reglens.json', exported));
      await library.until(`document.querySelector('.lib-import-summary')?.textContent.includes('2')`);
      await library.evaluate(click('.lib-import .lib-editor-actions .primary'));
      await items(library, 2);
      const screenshot = await library.screenshot('library-dark');
      // A light scrollbar in a dark list glares (Firefox drew one whatever color-scheme said).
      expect(await library.evaluate<number | null>(scrollbarBrightness('.lib-list', readFileSync(screenshot).toString('base64')))).toBeLessThan(0.5);
      await library.evaluate(captureDownloads);
      await library.evaluate(click('.lib-export-buttons [data-format="json"]'));
      const [again] = await library.until<string[]>(`window.__downloads.length && window.__downloads`);
      const strip = (text: string) => JSON.parse(text).highlights.sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id));
      expect(strip(again!)).toEqual(strip(exported));
    } finally {
      await fresh.close();
    }
  });
});
