import type { Highlight } from './model.ts';

/**
 * Searching and filtering saved highlights: pure, so the popup's Library, the options page and the
 * bench share one definition of "matches". Lists keep the order they are given (the store hands them
 * out newest first) and grouping puts the article with the newest highlight first.
 */

export interface HighlightQuery {
  /** Words that must all appear in the quote, note, title, tags (or entity names, see createSearch). */
  text?: string;
  /** A knowledge-base id: "everything about the PBOC across all articles". */
  entity?: string;
  /** Compared case-insensitively, as tags are unique case-insensitively (normaliseTags). */
  tag?: string;
  site?: string;
  /** Inclusive bounds on `created`, epoch ms. */
  from?: number;
  to?: number;
}

/**
 * Lowercased, compatibility-decomposed and stripped of combining marks: "Ménard" finds "menard",
 * full-width "ＰＢＯＣ" finds "pboc" (common in CJK input methods). NFKD never merges characters, so
 * a query folds the same way as the text it is looked for in.
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Search words of a query: folded, whitespace-separated, empty ones dropped. */
export function queryTerms(text: string | undefined): string[] {
  if (!text) return [];
  return fold(text)
    .split(/\s+/u)
    .filter((term) => term !== '');
}

export interface HighlightSearch {
  /** The folded text a query's words are looked for in; cached per highlight object. */
  haystack(h: Highlight): string;
  filter(highlights: readonly Highlight[], query: HighlightQuery): Highlight[];
}

/** Separates fields so a word cannot match across the end of one and the start of the next. */
const FIELD_BREAK = '\u0000';

/**
 * A search with its own cache of folded text. Highlights are immutable values (an edit replaces the
 * object), so a WeakMap keyed by object never serves stale text and frees itself with the list.
 * `entityName` lets "central bank" find highlights that name the entity only by its abbreviation.
 */
export function createSearch(options: { entityName?: (id: string) => string } = {}): HighlightSearch {
  const cache = new WeakMap<Highlight, string>();
  const haystack = (h: Highlight): string => {
    let text = cache.get(h);
    if (text === undefined) {
      const fields = [h.selectors.quote.exact, h.note, h.title, ...h.tags];
      if (options.entityName) for (const id of h.entities) fields.push(options.entityName(id));
      text = fold(fields.join(FIELD_BREAK));
      cache.set(h, text);
    }
    return text;
  };
  return {
    haystack,
    filter(highlights, query) {
      const terms = queryTerms(query.text);
      const tag = query.tag === undefined || query.tag === '' ? undefined : query.tag.toLowerCase();
      const { entity, site, from, to } = query;
      return highlights.filter(
        (h) =>
          (entity === undefined || entity === '' || h.entities.includes(entity)) &&
          (site === undefined || site === '' || h.site === site) &&
          (from === undefined || h.created >= from) &&
          (to === undefined || h.created <= to) &&
          (tag === undefined || h.tags.some((t) => t.toLowerCase() === tag)) &&
          (terms.length === 0 || terms.every((term) => haystack(h).includes(term))),
      );
    },
  };
}

/** One-off filtering; keep a createSearch() around instead when the same list is searched repeatedly. */
export function filterHighlights(highlights: readonly Highlight[], query: HighlightQuery): Highlight[] {
  return createSearch().filter(highlights, query);
}

export function isEmptyQuery(query: HighlightQuery): boolean {
  return queryTerms(query.text).length === 0 && !query.entity && !query.tag && !query.site && query.from === undefined && query.to === undefined;
}

export interface ArticleGroup {
  url: string;
  title: string;
  site: string;
  published: string | undefined;
  /** `created` of the group's newest highlight. */
  newest: number;
  /** Newest first. */
  highlights: Highlight[];
}

const newestFirst = (a: Highlight, b: Highlight) => b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Highlights by article URL; the article with the most recent highlight first, each newest first. */
export function groupByArticle(highlights: readonly Highlight[]): ArticleGroup[] {
  const groups = new Map<string, ArticleGroup>();
  for (const h of highlights) {
    let group = groups.get(h.url);
    if (!group) {
      group = { url: h.url, title: h.title, site: h.site, published: h.published, newest: h.created, highlights: [] };
      groups.set(h.url, group);
    }
    group.highlights.push(h);
    if (h.created > group.newest) {
      // The newest save of a page carries its latest title.
      group.newest = h.created;
      group.title = h.title;
      group.published = h.published ?? group.published;
    }
  }
  const list = [...groups.values()];
  for (const group of list) group.highlights.sort(newestFirst);
  return list.sort((a, b) => b.newest - a.newest || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

export interface Facet {
  value: string;
  count: number;
}

export interface Facets {
  entities: Facet[];
  tags: Facet[];
  sites: Facet[];
}

function counted(counts: Map<string, Facet>): Facet[] {
  return [...counts.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** The entities, tags and sites present, most used first: what the filter menus offer. */
export function facetsOf(highlights: readonly Highlight[]): Facets {
  const entities = new Map<string, Facet>();
  const tags = new Map<string, Facet>();
  const sites = new Map<string, Facet>();
  const bump = (map: Map<string, Facet>, key: string, value: string) => {
    const facet = map.get(key);
    if (facet) facet.count++;
    else map.set(key, { value, count: 1 });
  };
  for (const h of highlights) {
    for (const id of h.entities) bump(entities, id, id);
    // Tags are one tag case-insensitively; the first spelling met names it.
    for (const tag of h.tags) bump(tags, tag.toLowerCase(), tag);
    bump(sites, h.site, h.site);
  }
  return { entities: counted(entities), tags: counted(tags), sites: counted(sites) };
}

/** Where `h` belongs in a newest-first list (for putting back an undone deletion). */
export function insertNewestFirst(list: readonly Highlight[], h: Highlight): Highlight[] {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (newestFirst(list[mid]!, h) < 0) low = mid + 1;
    else high = mid;
  }
  return [...list.slice(0, low), h, ...list.slice(low)];
}
