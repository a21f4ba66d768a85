import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { annotateDocument } from '../../src/cli/annotate-document.ts';
import { loadKnowledgeBase } from '../../src/cli/knowledge-base.ts';
import { categoryOf } from '../../src/core/glossary/facts.ts';
import { BROWSERS } from './harness/browsers.ts';
import { useBrowser } from './harness/suite.ts';
import { sendTabMessage, tabIdOf } from './harness/extension.ts';
import type { FixtureServer } from './harness/fixture-server.ts';
import { annotated, rangeCentre, readMarks, tooltipHostPresent } from './harness/probes.ts';
import type { BrowserSession } from './harness/session.ts';

const ARTICLE = 'articles/scmp-pboc-zhejiang-fintech.html';
const knowledgeBase = loadKnowledgeBase();

/** What the command-line annotator finds on the same file, as mark texts per category. */
function cliMarks(fixture: string): Record<string, string[]> {
  const { document } = parseHTML(readFileSync(`tests/fixtures/${fixture}`, 'utf8'));
  const { matches } = annotateDocument(document as unknown as Document, knowledgeBase.matcher, knowledgeBase.lookup);
  const marks: Record<string, string[]> = { body: [], law: [], phrase: [] };
  for (const match of matches) marks[categoryOf(match.kind)]!.push(match.text);
  return marks;
}

describe.each(BROWSERS)('annotation in $name', ({ name, launch }) => {
  let server: FixtureServer;
  let browser: BrowserSession;
  useBrowser(launch, (env) => void ({ server, browser } = env));

  it('marks the article exactly as the command-line annotator does', async () => {
    const page = await browser.newPage();
    await page.goto(server.url(ARTICLE));
    await page.until(annotated());
    const marks = await page.evaluate<Record<string, string[]>>(readMarks);
    const expected = cliMarks(ARTICLE);
    expect(expected.body!.length).toBeGreaterThan(10);
    for (const category of ['body', 'law', 'phrase']) expect(marks[category] ?? [], category).toEqual(expected[category]);
    await page.screenshot('article-marks');
    await page.close();
  });

  it('opens the tooltip on hover with the entry facts, and keeps page nodes and layout unchanged', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('pages/late-content.html'));
    await page.until(annotated());
    const before = await page.evaluate<{ html: string; boxes: string[] }>('window.__before');
    const target = await page.evaluate<{ x: number; y: number; text: string }>(rangeCentre('body', 0));
    expect(target.text).toBe('Federal Reserve');
    await page.hover(target.x, target.y);
    await page.until(tooltipHostPresent, { timeout: 5000 });
    await page.until(`new Promise((r) => setTimeout(() => r(true), 400))`);
    await page.screenshot('tooltip-hover');
    // Marks and the closed tooltip host add nothing to the page's own content or layout.
    const after = await page.evaluate<{ html: string; boxes: string[] }>(`({
      html: document.body.innerHTML.replace(/<p id="late">.*<\\/p>/, ''),
      boxes: [...document.querySelectorAll('p:not(#late), h1')].map((el) => JSON.stringify(el.getBoundingClientRect())),
    })`);
    expect(after.html).toBe(before.html);
    expect(after.boxes).toEqual(before.boxes);
    await page.close();
  });

  it('annotates content that arrives after the first pass', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('pages/late-content.html'));
    await page.until(annotated());
    const marks = await page.until<Record<string, string[]>>(
      `(() => { const m = ${readMarks}; return m.body.includes('Financial Conduct Authority') && m; })()`,
    );
    expect(marks.body).toEqual(expect.arrayContaining(['Securities and Exchange Commission', 'Financial Conduct Authority', 'Federal Reserve']));
    await page.close();
  });

  it('annotates a batch of new items with one round trip to the background and one repaint', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('pages/feed.html'));
    await page.until(annotated());
    const count = (name: string) => `performance.getEntriesByName('${name}').length`;
    const before = await page.evaluate<number[]>(`[${count('reglens:match')}, ${count('reglens:paint')}]`);
    const marks = await page.until<Record<string, string[]>>(
      `(() => { const m = ${readMarks}; return m.body.includes('China Securities Regulatory Commission') && m; })()`,
    );
    expect(marks.body).toEqual(
      expect.arrayContaining(['Securities and Exchange Commission', 'Financial Conduct Authority', 'Bank of Japan', 'Commodity Futures Trading Commission']),
    );
    // The twelve items arrived in one batch: one text for the background, one repaint.
    expect(await page.evaluate<number[]>(`[${count('reglens:match')}, ${count('reglens:paint')}]`)).toEqual([before[0]! + 1, before[1]! + 1]);
    await page.close();
  });

  it('steps to the next mention by command and explains it in a focused tooltip', async () => {
    const page = await browser.newPage();
    const url = server.url(ARTICLE);
    await page.goto(url);
    await page.until(annotated());
    const tabId = await tabIdOf(browser, url);
    const reply = await sendTabMessage(browser, tabId, { type: 'tab/step', payload: { direction: 1 } });
    expect(reply).toEqual({ ok: true, value: { found: true } });
    const focus = await page.until<string[]>(`(() => { const f = ${readMarks}.focus; return f && f.length && f; })()`);
    expect(focus).toEqual(['PBOC']);
    await page.until(tooltipHostPresent);
    await page.screenshot('tooltip-keyboard');
    await page.press('Escape');
    await page.until(`!(${tooltipHostPresent})`);
    await page.close();
  });

  it('lists the page entities in the popup and shows the chosen one in the page', async () => {
    const page = await browser.newPage();
    const url = server.url(ARTICLE);
    await page.goto(url);
    await page.until(annotated());
    const tabId = await tabIdOf(browser, url);
    const popup = await browser.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await popup.waitFor('[data-entity="sasac"]');
    const text = await popup.text('[data-testid="this-page"]');
    expect(text).toContain('State-owned Assets Supervision and Administration Commission');
    expect(text).toContain('Central bank');
    await popup.screenshot('popup-this-page');
    await popup.click('[data-entity="sasac"]');
    const focus = await page.until<string[]>(`(() => { const f = ${readMarks}.focus; return f && f.length && f; })()`);
    expect(focus[0]).toMatch(/State-owned Assets|SASAC/);
    await popup.close();
    await page.close();
  });

  it('leaves a page that is not an article untouched', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('pages/not-an-article.html'));
    await page.until(`performance.getEntriesByName('reglens:detect').length > 0`);
    await page.until(`new Promise((r) => setTimeout(() => r(true), 500))`);
    const state = await page.evaluate<{ marks: number; same: boolean; measures: string[] }>(`({
      marks: [...CSS.highlights.keys()].filter((name) => name.startsWith('reglens-')).length,
      same: document.body.innerHTML === window.__before.html,
      measures: performance.getEntriesByType('measure').map((m) => m.name).filter((n) => n.startsWith('reglens:')),
    })`);
    expect(state).toEqual({ marks: 0, same: true, measures: ['reglens:detect'] });
    void name;
    await page.close();
  });
});
