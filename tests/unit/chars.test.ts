import { describe, expect, it } from 'vitest';
import { charClass, classify } from '../../src/core/text/chars.ts';

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
