import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphCounter } from '../../src/core/matcher/paragraphs.ts';
import { isIgnorable, isSpace } from '../../src/core/text/chars.ts';

/** The definition, unit by unit: breaks that close a block with something visible in it, before `offset`. */
function paragraphOf(text: string, offset: number): number {
  let paragraph = 0;
  let blank = true;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2029) {
      if (!blank) paragraph++;
      blank = true;
    } else if (blank && !isSpace(c) && !isIgnorable(c)) blank = false;
  }
  return paragraph;
}

describe('paragraphCounter', () => {
  it('numbers offsets asked in increasing order as the unit-by-unit definition does', () => {
    const unit = fc.constantFrom('\u2029', '\u2029', ' ', '\n', '\u00a0', '\u00ad', '\u200b', 'a', 'B', '的', '.');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 80 }), fc.array(fc.nat(), { maxLength: 20 }), (units, picks) => {
        const text = units.join('');
        const offsets = picks.map((n) => n % (text.length + 1)).sort((a, b) => a - b);
        const counter = paragraphCounter(text);
        expect(offsets.map((offset) => counter(offset))).toEqual(offsets.map((offset) => paragraphOf(text, offset)));
      }),
      { numRuns: 2000 },
    );
  });
});
