import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anaphora, glossary } from '../../src/core/glossary/load.ts';
import { aliasRows, compileMatcher } from '../../src/core/matcher/compile.ts';
import { createMatcher } from '../../src/core/matcher/create-matcher.ts';

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
