import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../src/core/highlights/model.ts';
import { createSearch, facetsOf, filterHighlights, fold, groupByArticle, insertNewestFirst, isEmptyQuery, queryTerms } from '../../src/core/highlights/query.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const DAY = 86_400_000;

function highlight(n: number, fields: Partial<Highlight> & { quote?: string } = {}): Highlight {
  const { quote = `Quote ${n}`, ...rest } = fields;
  return {
    id: uuid(n),
    url: `https://news.example/a${n}`,
    title: `Article ${n}`,
    site: 'news.example',
    created: 1_700_000_000_000 + n * DAY,
    updated: 1_700_000_000_000 + n * DAY,
    color: 'yellow',
    note: '',
    tags: [],
    entities: [],
    selectors: { quote: { exact: quote, prefix: '', suffix: '' }, position: { start: 0, end: quote.length } },
    ...rest,
  };
}

const pboc = highlight(3, { quote: 'The PBOC cut the reserve requirement ratio', entities: ['pboc'], tags: ['RRR', 'liquidity'], url: 'https://www.reuters.com/pboc', site: 'www.reuters.com', title: 'China central bank eases' });
const fed = highlight(2, { quote: 'The Fed held rates steady', entities: ['fed'], note: 'Watch the dot plot', url: 'https://www.ft.com/fed', site: 'www.ft.com', title: 'Fed on hold' });
const ecb = highlight(1, { quote: 'Le président de la Banque centrale européenne a parlé', entities: ['ecb'], tags: ['Europe'], title: 'Société Générale et la BCE' });
const pbocAgain = highlight(4, { quote: '中国人民银行宣布降准', entities: ['pboc'], url: 'https://www.reuters.com/pboc', site: 'www.reuters.com', title: 'China central bank eases (updated)' });
const all = [pbocAgain, pboc, fed, ecb];

describe('text search', () => {
  it('folds case, diacritics and full-width forms', () => {
    expect(fold('Société ＰＢＯＣ')).toBe('societe pboc');
    expect(queryTerms('  Fed   RATES ')).toEqual(['fed', 'rates']);
  });

  it('finds a word in the quote, the note, the title or a tag', () => {
    expect(filterHighlights(all, { text: 'reserve' })).toEqual([pboc]);
    expect(filterHighlights(all, { text: 'dot plot' })).toEqual([fed]);
    expect(filterHighlights(all, { text: 'eases' })).toEqual([pbocAgain, pboc]);
    expect(filterHighlights(all, { text: 'liquidity' })).toEqual([pboc]);
  });

  it('ignores accents in either direction', () => {
    expect(filterHighlights(all, { text: 'societe' })).toEqual([ecb]);
    expect(filterHighlights(all, { text: 'PRÉSIDENT europeenne' })).toEqual([ecb]);
  });

  it('finds Chinese text without spaces between words', () => {
    expect(filterHighlights(all, { text: '降准' })).toEqual([pbocAgain]);
  });

  it('needs every word of the query', () => {
    expect(filterHighlights(all, { text: 'fed steady' })).toEqual([fed]);
    expect(filterHighlights(all, { text: 'fed reserve' })).toEqual([]);
  });

  it('does not match across the end of one field and the start of the next', () => {
    const h = highlight(9, { quote: 'ab', note: 'cd' });
    expect(filterHighlights([h], { text: 'abcd' })).toEqual([]);
  });

  it('finds a highlight by the name of an entity it mentions only by abbreviation', () => {
    const search = createSearch({ entityName: (id) => (id === 'pboc' ? "People's Bank of China" : id) });
    expect(search.filter(all, { text: "people's bank" })).toEqual([pbocAgain, pboc]);
    expect(filterHighlights(all, { text: "people's bank" })).toEqual([]);
  });

  it('treats a blank query as no query', () => {
    expect(filterHighlights(all, { text: '   ' })).toEqual(all);
    expect(isEmptyQuery({ text: ' ' })).toBe(true);
    expect(isEmptyQuery({ site: 'x' })).toBe(false);
  });
});

describe('filters', () => {
  it('keeps everything about one entity across all articles', () => {
    expect(filterHighlights(all, { entity: 'pboc' })).toEqual([pbocAgain, pboc]);
  });

  it('matches a tag case-insensitively', () => {
    expect(filterHighlights(all, { tag: 'rrr' })).toEqual([pboc]);
  });

  it('keeps one site', () => {
    expect(filterHighlights(all, { site: 'www.ft.com' })).toEqual([fed]);
  });

  it('keeps a date range, both ends included', () => {
    expect(filterHighlights(all, { from: fed.created, to: pboc.created })).toEqual([pboc, fed]);
    expect(filterHighlights(all, { from: pbocAgain.created + 1 })).toEqual([]);
  });

  it('combines filters with search', () => {
    expect(filterHighlights(all, { entity: 'pboc', text: '人民银行' })).toEqual([pbocAgain]);
  });
});

describe('grouping', () => {
  it('groups by article, the article with the newest highlight first', () => {
    const groups = groupByArticle([ecb, fed, pboc, pbocAgain]);
    expect(groups.map((g) => g.url)).toEqual(['https://www.reuters.com/pboc', 'https://www.ft.com/fed', ecb.url]);
    expect(groups[0]!.highlights).toEqual([pbocAgain, pboc]);
  });

  it("names an article by its newest highlight's title", () => {
    expect(groupByArticle([pboc, pbocAgain])[0]!.title).toBe('China central bank eases (updated)');
  });
});

describe('facets', () => {
  it('counts entities, tags (case-insensitively) and sites, most used first', () => {
    const facets = facetsOf([...all, highlight(5, { tags: ['rrr'] })]);
    expect(facets.entities).toEqual([
      { value: 'pboc', count: 2 },
      { value: 'ecb', count: 1 },
      { value: 'fed', count: 1 },
    ]);
    expect(facets.tags[0]).toEqual({ value: 'RRR', count: 2 });
    expect(facets.sites.map((s) => s.value)).toEqual(['news.example', 'www.reuters.com', 'www.ft.com']);
  });
});

describe('insertNewestFirst', () => {
  it('puts an undone deletion back where it was', () => {
    expect(insertNewestFirst([pbocAgain, fed, ecb], pboc)).toEqual(all);
    expect(insertNewestFirst([], pboc)).toEqual([pboc]);
    expect(insertNewestFirst([pbocAgain, pboc, fed], ecb)).toEqual(all);
  });
});
