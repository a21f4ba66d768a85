import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { HighlightSchema, LIMITS } from '../../src/core/highlights/model.ts';

const valid = {
  id: '0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f',
  url: 'https://www.reuters.com/markets/pboc-cuts-rrr/',
  title: 'PBOC cuts reserve requirement ratio',
  site: 'www.reuters.com',
  published: '2024-02-05',
  created: 1_707_100_000_000,
  updated: 1_707_100_000_000,
  color: 'yellow',
  note: '',
  tags: ['rrr'],
  entities: ['pboc'],
  selectors: {
    quote: { exact: 'cut the reserve requirement ratio', prefix: 'said it would ', suffix: ' by 50 basis points' },
    position: { start: 120, end: 153 },
  },
};
const check = (patch: object) => v.safeParse(HighlightSchema, { ...valid, ...patch });

describe('Highlight schema', () => {
  it('accepts a complete highlight as it is', () => {
    expect(v.parse(HighlightSchema, valid)).toEqual(valid);
  });

  it('accepts a highlight without a published date', () => {
    const { published: _published, ...rest } = valid;
    expect(v.safeParse(HighlightSchema, rest).success).toBe(true);
  });

  it('trims tags and drops case-insensitive duplicates, keeping the first spelling', () => {
    expect(v.parse(HighlightSchema, { ...valid, tags: [' Basel III ', 'basel iii', 'RRR', '  ', 'rrr'] }).tags).toEqual(['Basel III', 'RRR']);
  });

  it('saves the URL normalised', () => {
    expect(v.parse(HighlightSchema, { ...valid, url: 'https://WWW.reuters.com/a?utm_source=x#p2' }).url).toBe('https://www.reuters.com/a');
  });

  it.each([
    ['an id that is not a UUID v4', { id: '0b7e5a4c-3f1d-1e2a-9c8b-1a2b3c4d5e6f' }],
    ['a javascript: URL', { url: 'javascript:alert(1)' }],
    ['a colour outside the palette', { color: 'red' }],
    ['a note over 10,000 characters', { note: 'x'.repeat(LIMITS.note + 1) }],
    ['a tag over 64 characters', { tags: ['x'.repeat(65)] }],
    ['more than 32 tags', { tags: Array.from({ length: 33 }, (_, i) => `t${i}`) }],
    ['an entity that is not a knowledge-base id', { entities: ['PBOC!'] }],
    ['a published value that is not a date', { published: 'last Tuesday' }],
    ['an update before creation', { updated: valid.created - 1 }],
    ['a fractional timestamp', { created: 1.5 }],
    ['an empty quote', { selectors: { ...valid.selectors, quote: { exact: '', prefix: '', suffix: '' } } }],
    ['a position ending before it starts', { selectors: { ...valid.selectors, position: { start: 9, end: 3 } } }],
    ['an unknown field', { extra: true }],
    ['a string where a number belongs', { created: '1707100000000' }],
  ])('rejects %s', (_name, patch) => {
    expect(check(patch).success).toBe(false);
  });
});
