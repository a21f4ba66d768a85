import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anaphora, glossary } from '../../src/core/glossary/load.ts';
import { aliasRows, compileMatcher } from '../../src/core/matcher/compile.ts';
import { createMatcher } from '../../src/core/matcher/create-matcher.ts';
import { splitAtBlocks } from '../../src/core/matcher/parts.ts';
import { BLOCK_BREAK } from '../../src/core/matcher/types.ts';

// The word-start scan (trie walks from possible word starts) against the full Aho–Corasick scan it
// replaced, kept as `reference`: same mentions on random texts of aliases, their case variants,
// glued letters, odd spaces, invisible characters, CJK and astral characters.
const compiled = compileMatcher(glossary, anaphora);
const fast = createMatcher(compiled);
const reference = createMatcher(compiled, { reference: true });
const aliases = [...new Set(aliasRows(compiled).map((row) => row[0]))];

const NOISE = [
  ' ', ' ', ' ', '  ', '\n', '\u00a0', '\u202f', '\t', '\u2029', '\u200b', '\u00ad', '\u2060',
  'the', 'second', 'Federation', 'bank', 'of', 'and', 'said', 'x', 'é', 'É', 'ß', 'İ', 'Σ',
  ',', '.', "'", '’', '‘', '"', '“', '”', '-', '–', '—', '(', ')', '$', '%', '2', '19', 'ʼ',
  '的', '和', '银行', '은', '는', 'の', 'は', 'ー', '𠀀', '😀', '\ud800', '\udc00', 'Ω', 'ε', '\u212a', 'ey',
];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...aliases) },
  { weight: 1, arbitrary: fc.constantFrom(...aliases).map((a) => a.toUpperCase()) },
  { weight: 1, arbitrary: fc.constantFrom(...aliases).map((a) => a.toLowerCase()) },
  { weight: 1, arbitrary: fc.constantFrom(...aliases).map((a) => a.charAt(0).toUpperCase() + a.slice(1)) },
  { weight: 1, arbitrary: fc.constantFrom(...aliases).map((a) => a.replace(/ /g, '\u00a0 ').replace(/'/g, '’')) },
  { weight: 1, arbitrary: fc.constantFrom(...aliases).map((a) => a.slice(0, Math.ceil(a.length / 2))) },
  // An invisible character inside a word: the start search must not lose the walk that skips it.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...aliases), fc.nat(), fc.constantFrom('\u00ad', '\u200b', '\u2060'))
      .map(([a, at, invisible]) => a.slice(0, at % (a.length + 1)) + invisible + a.slice(at % (a.length + 1))),
  },
  { weight: 6, arbitrary: fc.constantFrom(...NOISE) },
);

describe('word-start scan', () => {
  it('finds exactly what the full Aho–Corasick scan finds', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), fc.array(fc.boolean(), { maxLength: 60 }), (parts, glue) => {
        const text = parts.map((p, i) => (glue[i] ? p : `${p} `)).join('');
        expect(fast.match(text)).toEqual(reference.match(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps word boundaries across a slice that begins inside a surrogate pair', () => {
    // U+1D400 (a letter) straddles the first slice boundary; "банк россии" glued to it is inside a word.
    for (const pad of [1022, 1023, 1024]) {
      const text = `${'x '.repeat(pad / 2)}${pad % 2 ? 'x' : ''}\u{1d400}банк россии и Банк России`;
      const job = fast.matchIncremental(text);
      while (!job.step(0));
      expect(job.result).toEqual(reference.match(text));
      expect(job.result).toHaveLength(1);
    }
  });

  it('agrees on a long mixed text, sliced', () => {
    const text = aliases.map((a, i) => (i % 3 === 0 ? `${a}’s` : i % 3 === 1 ? `x${a}` : `${a} 的`)).join(' ');
    const job = fast.matchIncremental(text);
    while (!job.step(0));
    expect(job.result).toEqual(reference.match(text));
    expect(job.result!.length).toBeGreaterThan(100);
  });
});

describe('start search', () => {
  // Each 1,024-unit slice searched from its start to the next start; where none came for a long
  // stretch, every slice searched the whole stretch again: 3 million units took minutes, not 50 ms.
  // (The test's time limit is the check: 5 s, a hundred times what a linear scan takes.)
  it('searches a long stretch with no start once, not once per slice', () => {
    for (const stretch of ['x'.repeat(3_000_000), 'x '.repeat(1_500_000), `${'z9'.repeat(1_500_000)} PBOC`]) {
      expect(fast.match(stretch).map((m) => m.text)).toEqual(stretch.endsWith('PBOC') ? ['PBOC'] : []);
    }
  });

  // A knowledge base (or the reader's own terms) with no key starting with an ASCII letter or digit
  // once made an empty alternative that matched everywhere, and the scan never moved on.
  it('ends, and finds the names, when no key starts with an ASCII letter or digit', () => {
    const cjkOnly = compileMatcher(
      [{ id: 'pboc', kind: 'central_bank', name: '中国人民银行', aliases: ['人民银行'], jurisdiction: 'CN', sectors: ['monetary'], summary: 'A test entry, long enough for the schema.' }],
      [],
    );
    const text = 'The PBOC, or 中国人民银行, said on Tuesday; 人民银行 agreed.';
    expect(createMatcher(cjkOnly).match(text).map((m) => m.text)).toEqual(['中国人民银行', '人民银行']);
  });
});

describe('a text matched in parts', () => {
  const inParts = (matcher: typeof fast, parts: string[]) => {
    const job = matcher.matchParts();
    for (const part of parts) job.add(part);
    const finished = job.finish();
    while (!finished.step(0));
    return finished.result;
  };

  it('finds what the whole text finds, wherever it is cut at block breaks', () => {
    // Paragraphs of random fragments (the anaphora and document rules read across them), cut into parts
    // of any size: context, generic references and boundaries must not change at a cut.
    const paragraph = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 300 }), (paragraphs, size) => {
        const text = paragraphs.join(BLOCK_BREAK);
        const parts = splitAtBlocks(text, size);
        expect(parts.join('')).toBe(text);
        for (const part of parts.slice(0, -1)) expect(part.endsWith(BLOCK_BREAK)).toBe(true);
        expect(inParts(fast, parts)).toEqual(fast.match(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('resolves generic references and document rules across parts', () => {
    const text = [
      "The People's Bank of China set the rate.",
      'Later, the central bank said it would act.',
      'The PBOC and the central bank agreed.',
    ].join(BLOCK_BREAK);
    const whole = fast.match(text);
    expect(whole.some((m) => m.anaphor)).toBe(true);
    expect(inParts(fast, splitAtBlocks(text, 10))).toEqual(whole);
    expect(splitAtBlocks(text, 10)).toHaveLength(3);
    expect(inParts(reference, splitAtBlocks(text, 10))).toEqual(whole);
  });
});
