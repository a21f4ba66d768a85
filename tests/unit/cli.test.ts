import { describe, expect, it } from 'vitest';
import type { Kind } from '../../src/core/glossary/schema.ts';
import { BLOCK_BREAK, type Match, type Matcher } from '../../src/core/matcher/types.ts';
import { annotateHtml } from '../../src/cli/annotate-document.ts';
import { parseArgs, run } from '../../src/cli/annotate.ts';
import { buildAnnotation, formatJson, formatMarkdown, type EntryInfo } from '../../src/cli/format.ts';
import { sentenceAround } from '../../src/cli/sentence.ts';

/** A matcher that knows three literal names, so these tests do not depend on the knowledge base. */
const ENTRIES: Record<string, EntryInfo & { surface: string[] }> = {
  sec: { name: 'Securities and Exchange Commission', kind: 'regulator', summary: 'US securities regulator.', surface: ['SEC'] },
  fed: { name: 'Federal Reserve', kind: 'central_bank', summary: 'US central bank.', surface: ['Federal Reserve', 'Fed'] },
  finra: { name: 'FINRA', kind: 'regulator', surface: ['FINRA'] },
};
const lookup = (id: string): EntryInfo | undefined => ENTRIES[id];
const stubMatcher: Matcher = {
  match(text) {
    const found: Match[] = [];
    for (const [id, entry] of Object.entries(ENTRIES)) {
      for (const surface of entry.surface) {
        for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
          const before = text[at - 1] ?? ' ';
          const after = text[at + surface.length] ?? ' ';
          if (/\w/.test(before) || /\w/.test(after)) continue;
          if (found.some((m) => at < m.end && m.start < at + surface.length)) continue;
          found.push({ start: at, end: at + surface.length, text: surface, id, kind: entry.kind as Kind });
        }
      }
    }
    return found.sort((a, b) => a.start - b.start);
  },
};

const PROSE =
  'Market participants said the decision would shape how brokers price complex products for years to come, ' +
  'and several firms were already reviewing their disclosures to clients.';
const ARTICLE = `<!DOCTYPE html><html><head>
  <title>Site | SEC story</title>
  <meta property="og:type" content="article"><meta property="og:title" content="SEC fines broker">
  <link rel="canonical" href="https://news.example/sec-fines-broker">
</head><body>
  <nav><a href="/sec">SEC</a> <a href="/fed">Fed</a></nav>
  <div class="promo-strip">Why the Federal Reserve matters</div>
  <p class="site-intro">Today: FINRA week</p>
  <article><h1>SEC fines broker</h1>
    <p>The SEC fined a broker on Monday. FINRA said it agreed. ${PROSE}</p>
    <p>Mr. Smith, a former Fed economist, said the U.S. SEC was right. ${PROSE}</p>
    <p>FINRA will review the case. ${PROSE}</p>
  </article>
  <aside>Related: SEC and the Fed</aside>
</body></html>`;

describe('annotateHtml', () => {
  it('reports matches from the article body only, in document order, with title and canonical url', () => {
    const a = annotateHtml(ARTICLE, stubMatcher, lookup);
    expect(a.title).toBe('SEC fines broker');
    expect(a.url).toBe('https://news.example/sec-fines-broker');
    expect(a.isArticle).toBe(true);
    expect(a.matches.map((m) => `${m.text}:${m.id}`)).toEqual(['SEC:sec', 'SEC:sec', 'FINRA:finra', 'Fed:fed', 'SEC:sec', 'FINRA:finra']);
  });

  it('gives offsets into the collected text and the sentence around each match', () => {
    const a = annotateHtml(ARTICLE, stubMatcher, lookup);
    const fed = a.matches.find((m) => m.id === 'fed')!;
    expect(fed.end - fed.start).toBe(3);
    expect(fed.context).toBe('Mr. Smith, a former Fed economist, said the U.S. SEC was right.');
    expect(a.matches[0]!.context).toBe('SEC fines broker');
  });

  it('summarises by count, then by name', () => {
    const a = annotateHtml(ARTICLE, stubMatcher, lookup);
    expect(a.summary).toEqual([
      { id: 'sec', name: 'Securities and Exchange Commission', kind: 'regulator', count: 3 },
      { id: 'finra', name: 'FINRA', kind: 'regulator', count: 2 },
      { id: 'fed', name: 'Federal Reserve', kind: 'central_bank', count: 1 },
    ]);
  });

  it('reads the whole page with allText, still skipping navigation, promos and asides', () => {
    const a = annotateHtml(ARTICLE, stubMatcher, lookup, { allText: true });
    expect(a.matches.map((m) => m.text)).toEqual(['FINRA', 'SEC', 'SEC', 'FINRA', 'Fed', 'SEC', 'FINRA']);
  });

  it('annotates nothing on a page that is not an article unless allText is set', () => {
    const page = `<html><body><ul><li><a href="/1">SEC fines broker</a></li><li><a href="/2">Fed holds</a></li></ul></body></html>`;
    expect(annotateHtml(page, stubMatcher, lookup).matches).toEqual([]);
    expect(annotateHtml(page, stubMatcher, lookup, { allText: true }).matches).toHaveLength(2);
  });

  it('falls back to og:url and the <title> when there is no canonical link or og:title', () => {
    const page = `<html><head><title>Plain</title><meta property="og:url" content="https://x.example/a"></head><body></body></html>`;
    const a = annotateHtml(page, stubMatcher, lookup);
    expect([a.title, a.url]).toEqual(['Plain', 'https://x.example/a']);
  });
});

describe('sentenceAround', () => {
  it('stops at block breaks and full stops but not at abbreviations, initials or decimals', () => {
    const text = `Intro.${BLOCK_BREAK}Rates rose 3.5 per cent. Jerome H. Powell of the U.S. Fed spoke. Next one.`;
    const at = text.indexOf('Fed');
    expect(sentenceAround(text, at, at + 3)).toBe('Jerome H. Powell of the U.S. Fed spoke.');
  });

  it('keeps closing quotes with their sentence and leaves opening quotes alone', () => {
    const text = `He said "the Fed is late." "SEC rules," she said, "are clear."`;
    const at = text.indexOf('SEC');
    expect(sentenceAround(text, at, at + 3)).toBe('"SEC rules," she said, "are clear."');
    const fed = text.indexOf('Fed');
    expect(sentenceAround(text, fed, fed + 3)).toBe('He said "the Fed is late."');
  });

  it('splits Chinese text at its own full stops', () => {
    const text = '央行表示支持创新。证监会也表示支持。';
    expect(sentenceAround(text, 9, 12)).toBe('证监会也表示支持。');
  });

  it('collapses whitespace and drops invisible characters', () => {
    const text = 'The  Fed\u00ADeral\n Re\u200Bserve said so.';
    expect(sentenceAround(text, 5, 13)).toBe('The Federal Reserve said so.');
  });
});

describe('formatting', () => {
  const annotation = buildAnnotation(
    {
      title: '  SEC \n fines broker ',
      url: null,
      isArticle: true,
      text: 'The SEC acted. The SEC spoke. The Fed waited.',
      matches: [
        { start: 4, end: 7, text: 'SEC', id: 'sec', kind: 'regulator' },
        { start: 19, end: 22, text: 'SEC', id: 'sec', kind: 'regulator' },
        { start: 34, end: 37, text: 'Fed', id: 'fed', kind: 'central_bank', anaphor: true },
      ],
    },
    lookup,
  );

  it('prints one JSON object with the documented fields', () => {
    const parsed = JSON.parse(formatJson(annotation));
    expect(Object.keys(parsed)).toEqual(['title', 'url', 'isArticle', 'matches', 'summary']);
    expect(parsed.title).toBe('SEC fines broker');
    expect(parsed.matches[0]).toEqual({
      text: 'SEC', id: 'sec', kind: 'regulator', name: 'Securities and Exchange Commission', start: 4, end: 7, context: 'The SEC acted.',
    });
    expect(parsed.matches[2].anaphor).toBe(true);
  });

  it('writes a markdown note with each entity, its summary and the sentences naming it', () => {
    const md = formatMarkdown(annotation, lookup);
    expect(md).toContain('# SEC fines broker');
    expect(md).toContain('## Securities and Exchange Commission\n\n*regulator, mentioned 2 times*\n\nUS securities regulator.');
    expect(md).toContain('> The SEC acted.\n\n> The SEC spoke.');
    expect(md).toContain('*central bank, mentioned once*');
    expect(md.indexOf('Securities and Exchange')).toBeLessThan(md.indexOf('Federal Reserve'));
  });

  it('says so when nothing was found', () => {
    const empty = buildAnnotation({ title: 'Home', url: null, isArticle: false, text: '', matches: [] }, lookup);
    expect(formatMarkdown(empty, lookup)).toContain('Not an article page.');
  });
});

describe('command line', () => {
  it('parses a file, the format and the all-text flag', () => {
    expect(parseArgs(['page.html', '--format', 'md', '--all-text'])).toEqual({
      input: 'page.html', format: 'md', allText: true, dumpGlossary: false,
    });
    expect(parseArgs(['-', '--format=json'])).toMatchObject({ input: '-', format: 'json' });
    expect(parseArgs(['--dump-glossary'])).toMatchObject({ dumpGlossary: true });
  });

  it('returns a usage message for bad arguments', () => {
    expect(parseArgs([])).toMatch(/usage/);
    expect(parseArgs(['a.html', '--format', 'xml'])).toMatch(/json or md/);
    expect(parseArgs(['a.html', 'b.html'])).toMatch(/one input/);
    expect(parseArgs(['a.html', '--colour'])).toMatch(/unknown option/);
  });

  it('dumps the knowledge base as a JSON array of entries', () => {
    const dump = JSON.parse(run({ format: 'json', allText: false, dumpGlossary: true }, () => '')) as { id: string }[];
    expect(Array.isArray(dump)).toBe(true);
    expect(dump.some((e) => e.id === 'sec')).toBe(true);
  });

  it('annotates HTML read through the given reader with the real knowledge base', () => {
    const out = run({ input: 'x.html', format: 'json', allText: false, dumpGlossary: false }, () => ARTICLE);
    expect(JSON.parse(out).matches.some((m: { id: string }) => m.id === 'sec')).toBe(true);
  });
});
