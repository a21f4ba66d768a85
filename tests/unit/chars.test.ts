import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK_CODE, VISIBLE_UNIT, charClass, classify, isIgnorable, isSpace, proseUnits, proseWeight } from '../../src/core/text/chars.ts';

describe('charClass', () => {
  it('agrees with its Unicode property definition on every code point its shortcuts cover, and beyond', () => {
    const disagreements: string[] = [];
    for (let c = 0; c < 0x30000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (charClass(c) !== classify(c)) disagreements.push(c.toString(16));
    }
    expect(disagreements).toEqual([]);
  });
});

describe('VISIBLE_UNIT', () => {
  it('is every unit but spaces, invisible characters and the block break', () => {
    const visible = new RegExp(VISIBLE_UNIT.source);
    const disagreements: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const expected = !isSpace(c) && !isIgnorable(c) && c !== BLOCK_BREAK_CODE;
      if (visible.test(String.fromCharCode(c)) !== expected) disagreements.push(c.toString(16));
    }
    expect(disagreements).toEqual([]);
  });
});

describe('proseWeight', () => {
  it('weighs a Chinese or Japanese character as 3 Latin ones, a Hangul syllable as 2, anything else as 1', () => {
    const weights = (text: string) => [...text].map((c) => proseWeight(c.charCodeAt(0)));
    expect(weights('央行ひカ㐀')).toEqual([3, 3, 3, 3, 3]);
    expect(weights('한은')).toEqual([2, 2]);
    expect(weights('Fed é。，·')).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(proseWeight('😀'.charCodeAt(0))).toBe(1);
  });
});

describe('proseUnits', () => {
  it('sums the weights of a text, whether or not it holds any unit that weighs more than 1', () => {
    const sum = (text: string) => [...text].reduce((n, c) => n + (c.length === 2 ? 2 : proseWeight(c.charCodeAt(0))), 0);
    for (const text of ['', 'The Fed held rates.', 'Café « déjà » — 😀', '央行周五开展逆回购操作。', '한은 기준금리 동결', '日銀 and the Fed', '\ue000\uff01\uffdc']) {
      expect(proseUnits(text), text).toBe(sum(text));
    }
  });
});
