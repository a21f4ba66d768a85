import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anaphora, glossary } from '../../src/core/glossary/load.ts';
import { compileMatcher } from '../../src/core/matcher/compile.ts';
import { Blocks, passesRule, toWordRule } from '../../src/core/matcher/context-rules.ts';

// passesRule's first look (words of the rule missing from the block) must never change its answer.
const compiled = compileMatcher(glossary, anaphora);
const rules = compiled.rules.map(toWordRule);
const ruleWords = [...new Set(rules.flatMap((r) => [...r.avoidNear, ...r.requireNear, ...r.notBefore, ...r.notAfter].flatMap((p) => p)))];

const NOISE = [' ', ' ', '  ', '\u2029', '\u00a0', '\u00ad', '\u200b', ',', '.', "'", '’', '-', '–', 'Σ', 'ΣΑΣ', 'İ', 'the', 'said', 'x', '的'];
const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ruleWords) },
  { weight: 1, arbitrary: fc.constantFrom(...ruleWords).map((w) => w.toUpperCase()) },
  { weight: 1, arbitrary: fc.constantFrom(...ruleWords).map((w) => `${w.slice(0, 1)}\u00ad${w.slice(1)}`) },
  { weight: 4, arbitrary: fc.constantFrom(...NOISE) },
);

describe('context rules', () => {
  it('decide the same with and without the per-block first look', () => {
    fc.assert(
      fc.property(
        fc.array(fragment, { minLength: 1, maxLength: 80 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 10 }),
        (parts, spans) => {
          const text = parts.join(' ');
          const lower = text.toLowerCase();
          // As the matcher makes it: from its lower-cased text where offsets allow, else block by block.
          const blocks = new Blocks(text, lower.length === text.length ? lower : undefined);
          // In document order, as the matcher asks, so the kept block is reused.
          const candidates = spans
            .map(([at, length, rule, named]) => ({ start: at % text.length, length, rule: rules[rule % rules.length]!, named }))
            .sort((a, b) => a.start - b.start);
          for (const { start, length, rule, named } of candidates) {
            const end = Math.min(text.length, start + length);
            expect(passesRule(text, start, end, rule, named, blocks)).toBe(passesRule(text, start, end, rule, named));
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
