import { describe as group, expect, it } from 'vitest';
import { describe } from '../../src/core/anchoring/describe.ts';
import { anchor } from '../../src/core/anchoring/anchor.ts';
import { anchorAll } from '../../src/core/anchoring/anchor-all.ts';
import { longArticle } from '../fixtures/long-article.ts';

const ARTICLE = [
  'Beijing, March 5. The People\'s Bank of China said on Tuesday that it would cut the reserve requirement ratio by 50 basis points, ',
  'releasing about one trillion yuan of long-term liquidity. The central bank also pledged to keep risks controllable while supporting ',
  'the real economy. Analysts said the move was widely expected after the National Financial Regulatory Administration tightened ',
  'rules on property lending last month. "Macroprudential tools will be used more actively," a PBOC deputy governor told reporters.',
].join('');

function select(text: string, quote: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`fixture lacks ${quote}`);
  return describe(text, at, at + quote.length);
}

group('describe', () => {
  it('keeps the quote with 32 characters of context on each side', () => {
    const selectors = select(ARTICLE, 'cut the reserve requirement ratio');
    expect(selectors.quote).toEqual({
      exact: 'cut the reserve requirement ratio',
      prefix: 'a said on Tuesday that it would ',
      suffix: ' by 50 basis points, releasing a',
    });
    expect(selectors.quote.prefix.length).toBeLessThanOrEqual(32);
    expect(ARTICLE.slice(selectors.position.start, selectors.position.end)).toBe(selectors.quote.exact);
  });

  it('never cuts an emoji in half at the edge of the context', () => {
    const text = `${'😀'.repeat(20)}QUOTE${'😀'.repeat(20)}`;
    const { quote } = describe(text, 40, 45);
    expect(quote.prefix).toBe('😀'.repeat(16));
    expect(quote.suffix).toBe('😀'.repeat(16));
  });

  it('refuses an empty or out-of-range selection', () => {
    expect(() => describe('abc', 1, 1)).toThrow(RangeError);
    expect(() => describe('abc', 2, 9)).toThrow(RangeError);
  });
});

group('anchor', () => {
  it('finds an unchanged quote at its saved position', () => {
    const selectors = select(ARTICLE, 'central bank also pledged');
    expect(anchor(ARTICLE, selectors)).toEqual({ ...selectors.position, method: 'position' });
  });

  it('finds a quote that moved because text was added above it', () => {
    const selectors = select(ARTICLE, 'keep risks controllable');
    const edited = `UPDATED with analyst comment. ${ARTICLE}`;
    const found = anchor(edited, selectors);
    expect(found?.method).toBe('exact');
    expect(edited.slice(found!.start, found!.end)).toBe('keep risks controllable');
  });

  it('still finds a quote after a word in it and a word next to it were changed', () => {
    const selectors = select(ARTICLE, 'releasing about one trillion yuan of long-term liquidity');
    const edited = ARTICLE.replace('about one trillion', 'roughly one trillion').replace('The central bank', 'The PBOC');
    const found = anchor(edited, selectors);
    expect(found?.method).toBe('fuzzy');
    expect(edited.slice(found!.start, found!.end)).toBe('releasing roughly one trillion yuan of long-term liquidity');
  });

  it('finds an edited long quote by its head and tail', () => {
    const quote = 'Analysts said the move was widely expected after the National Financial Regulatory Administration tightened rules';
    const selectors = select(ARTICLE, quote);
    const edited = `A new first paragraph. ${ARTICLE.replace('widely expected', 'broadly anticipated')}`;
    const found = anchor(edited, selectors);
    expect(found?.method).toBe('fuzzy');
    expect(edited.slice(found!.start, found!.end)).toBe(quote.replace('widely expected', 'broadly anticipated'));
  });

  it('finds a long quote edited near its end, where its last 32 characters no longer match', () => {
    // The saving E2E fixture (tests/fixtures/pages/saving/): "rather than" became "instead of".
    const before = 'Officials stressed that the programme is meant to support the real economy rather than speculation, and that firms taking part must share data with the central bank every month.';
    const after = 'Officials stressed that the programme is meant to support the real economy instead of speculation, and that firms taking part must share their data with the central bank each month.';
    const quote = 'Officials stressed that the programme is meant to support the real economy rather than speculation';
    const found = anchor(after, select(before, quote));
    expect(after.slice(found!.start, found!.end)).toBe(quote.replace('rather than', 'instead of'));
  });

  it('returns null, without throwing, when the passage was removed', () => {
    const selectors = select(ARTICLE, 'Macroprudential tools will be used more actively');
    const edited = ARTICLE.replace('"Macroprudential tools will be used more actively," a', 'A');
    expect(anchor(edited, selectors)).toBeNull();
    expect(anchor('', selectors)).toBeNull();
  });

  it('returns null for a long quote whose middle was removed', () => {
    const quote = 'The central bank also pledged to keep risks controllable while supporting the real economy.';
    const selectors = select(ARTICLE, quote);
    expect(anchor(ARTICLE.replace('to keep risks controllable while supporting', 'to support'), selectors)).toBeNull();
  });

  it('uses the prefix and suffix to choose among repeated quotes', () => {
    const text = 'The Fed held rates. Markets rallied. In Europe, the ECB cut. Later the Fed held rates. Bonds fell.';
    const second = select(text, 'Fed held rates', 1);
    const edited = `Breaking: ${text.replace('Later the Fed', 'Later on, the Fed')}`;
    const found = anchor(edited, second);
    expect(found?.method).toBe('exact');
    expect(found!.start).toBe(edited.lastIndexOf('Fed held rates'));
  });

  it('prefers the occurrence whose context agrees over the one now at the saved position', () => {
    const text = 'alpha SEC fined the bank. beta SEC fined the bank. gamma';
    const selectors = select(text, 'SEC fined the bank', 1);
    // 25 characters added above put the first occurrence exactly where the second one was saved.
    const edited = `${' '.repeat(25)}${text}`;
    expect(edited.indexOf('SEC fined the bank')).toBe(selectors.position.start);
    const found = anchor(edited, selectors);
    expect(found).toMatchObject({ method: 'exact', start: edited.lastIndexOf('SEC fined the bank') });
  });

  it('never places a quote outside the text when a learned shift points before its start', () => {
    const selectors = { quote: { exact: 'PBOC', prefix: '', suffix: '' }, position: { start: 2, end: 6 } };
    expect(anchor('PBOC', selectors, { shift: -10 })).toEqual({ start: 0, end: 4, method: 'exact' });
  });

  it('ignores a stale position hint beyond the end of the text', () => {
    const selectors = { quote: { exact: 'PBOC', prefix: '', suffix: '' }, position: { start: 99_999, end: 100_003 } };
    expect(anchor(ARTICLE, selectors)).toMatchObject({ method: 'exact', start: ARTICLE.indexOf('PBOC') });
  });
});

group('anchorAll', () => {
  const page = longArticle();
  const highlights = Array.from({ length: 200 }, (_, i) => {
    const start = page.indexOf(' ', Math.floor((i + 0.5) * (page.length / 200))) + 1;
    return { selectors: describe(page, start, page.indexOf(' ', start + 40)) };
  });
  // An edit near the top shifts everything; every 10th quote also has a word changed inside it.
  let edited = `Editor's note: this article was updated. ${page}`;
  const changed = new Set<number>();
  for (let i = 0; i < 200; i += 10) {
    const { exact } = highlights[i]!.selectors.quote;
    const replaced = exact.replace(/\b\w+\b/, 'REVISED');
    edited = edited.replace(exact, replaced);
    changed.add(i);
  }

  it('places 200 highlights on an edited 50,000-word page, each where its text now is', async () => {
    const results = await anchorAll(edited, highlights);
    results.forEach((found, i) => {
      expect(found, `highlight ${i}`).not.toBeNull();
      expect(found!.method).toBe(changed.has(i) ? 'fuzzy' : 'exact');
    });
  });

  it('returns null, without throwing, for passages removed from a 50,000-word page', () => {
    const removed = [
      'Quantitative tightening began in June, the governor said',
      'A'.repeat(20) + ' The commission published a 300-page consultation on climate disclosure for listed insurers, ' + 'B'.repeat(20),
    ].map((exact) => ({ quote: { exact, prefix: 'said the bank. ', suffix: ' Shares fell.' }, position: { start: 150_000, end: 150_000 + exact.length } }));
    for (const selectors of removed) expect(anchor(edited, selectors)).toBeNull();
  });

  it('yields to the host between slices and returns results in input order', async () => {
    let yields = 0;
    let clock = 0;
    const results = await anchorAll(ARTICLE, [select(ARTICLE, 'PBOC'), select(ARTICLE, 'Beijing')].map((selectors) => ({ selectors })), {
      sliceMs: 1,
      now: () => (clock += 1),
      yieldToHost: async () => void yields++,
    });
    expect(yields).toBeGreaterThan(0);
    expect(results.map((r) => r && ARTICLE.slice(r.start, r.end))).toEqual(['PBOC', 'Beijing']);
  });
});
