import { describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { useBrowser } from './harness/suite.ts';
import { click, smallestText, type } from './harness/dom.ts';
import type { FixtureServer } from './harness/fixture-server.ts';
import { annotated, readMarks } from './harness/probes.ts';
import type { BrowserSession } from './harness/session.ts';

const marksWith = (text: string) => `(() => { const m = ${readMarks}; return JSON.stringify(m).includes(${JSON.stringify(text)}) && m; })()`;

describe.each(BROWSERS)('live pages and settings in $name', ({ launch }) => {
  let server: FixtureServer;
  let browser: BrowserSession;
  useBrowser(launch, (env) => void ({ server, browser } = env));

  it('marks the new story after a single-page app navigates with pushState', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('pages/spa.html'));
    await page.until(annotated());
    expect((await page.until<Record<string, string[]>>(marksWith('Federal Reserve'))).body).toContain('Federal Reserve');
    await page.evaluate(`document.querySelector('#next').click()`);
    const marks = await page.until<Record<string, string[]>>(marksWith('Bank of Japan'));
    expect(marks.body).toEqual(expect.arrayContaining(['Bank of Japan', 'Financial Services Agency']));
    expect(marks.body).not.toContain('Federal Reserve');
    await page.close();
  });

  it('applies options at once in open tabs: a category off, a term of the reader\'s own on', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('articles/scmp-pboc-zhejiang-fintech.html'));
    await page.until(annotated());
    expect(((await page.evaluate<Record<string, string[]>>(readMarks)).phrase ?? []).length).toBeGreaterThan(0);

    const options = await browser.openExtensionPage('src/options/index.html');
    await options.waitFor('[data-testid="user-terms"] input[name="term"]');
    await options.evaluate(click('#categories-heading ~ label:nth-of-type(2) input'));
    await options.evaluate(type('[data-testid="user-terms"] input[name="term"]', 'Ant Group'));
    await options.evaluate(type('[data-testid="user-terms"] input[name="aliases"]', 'Ant Financial'));
    await options.evaluate(type('[data-testid="user-terms"] textarea[name="note"]', 'My private note: follow the IPO <img src=x onerror=alert(1)>'));
    await options.evaluate(click('[data-testid="user-terms"] button[type="submit"]'));
    await options.until(`document.querySelector('[data-testid="user-terms"]').textContent.includes('Ant Group')`);
    expect(await options.evaluate<number>(`document.querySelectorAll('[data-testid="user-terms"] img').length`)).toBe(0);
    await options.screenshot('options');
    const smallest = await options.evaluate<{ px: number; element: string }>(smallestText);
    expect(smallest.px, smallest.element).toBeGreaterThanOrEqual(12);

    const marks = await page.until<Record<string, string[]>>(`(() => { const m = ${readMarks}; return m.phrase.some((t) => t === 'Ant Group') && m; })()`);
    // Policy language switched off: only the reader's own term remains in that category.
    expect(new Set(marks.phrase)).toEqual(new Set(['Ant Group']));
    expect(marks.body!.length).toBeGreaterThan(10);
    // The private note never reaches the page, not even the content script's memory of settings.
    expect(await page.evaluate<string>('document.documentElement.outerHTML')).not.toContain('My private note');
    await options.close();
    await page.close();
  });
});
