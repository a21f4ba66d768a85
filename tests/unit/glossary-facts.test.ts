// What a tooltip is given for an entry (factsOf): names resolved, nothing said twice.
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../src/core/glossary/facts.ts';
import { entryById } from '../../src/core/glossary/load.ts';
import type { Entry } from '../../src/core/glossary/schema.ts';

const facts = (id: string) => factsOf(entryById.get(id)!, entryById);
const entryWith = (native: Entry['native']): Entry => ({ ...entryById.get('pboc')!, id: 'test-entry', native });

describe('factsOf: native names', () => {
  it('gives each script its own name when they differ', () => {
    expect(facts('pboc').native).toEqual([
      ['zh-Hans', '中国人民银行'],
      ['zh-Hant', '中國人民銀行'],
    ]);
  });

  it('shows a name written alike in simplified and traditional Chinese once, tagged as Chinese', () => {
    expect(facts('hkma').native).toEqual([['zh', '香港金融管理局']]);
    expect(facts('common-prosperity').native).toEqual([['zh', '共同富裕']]);
  });

  it('keeps the first language of a name shared across languages (its glyphs differ by language)', () => {
    expect(factsOf(entryWith({ ja: ['金融庁'], 'zh-Hant': ['金融庁'], 'zh-Hans': ['金融厅'] }), entryById).native).toEqual([
      ['ja', '金融庁'],
      ['zh-Hans', '金融厅'],
    ]);
  });

  it('never shows the same native name twice anywhere in the knowledge base', () => {
    for (const id of entryById.keys()) {
      const texts = facts(id).native.map(([, text]) => text);
      expect(new Set(texts).size, id).toBe(texts.length);
    }
  });
});
