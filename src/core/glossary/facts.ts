import type { Entry, Kind } from './schema.ts';

/** Another entry as a tooltip names it: enough to say "replaced by NFRA (2023)". */
export interface EntryRef {
  id: string;
  name: string;
  established?: number;
  dissolved?: number;
}

/** What a tooltip shows: public knowledge-base facts only, with references resolved to names. */
export interface EntryFacts {
  id: string;
  kind: Kind;
  name: string;
  /** Native names, first per language, each text once: [["zh-Hans", "中国人民银行"], ...]. */
  native: Array<[lang: string, text: string]>;
  jurisdiction: string;
  summary: string;
  meaning?: string;
  established?: number;
  dissolved?: number;
  since?: number;
  url?: string;
  parent?: EntryRef;
  predecessors: EntryRef[];
  successors: EntryRef[];
  usedBy: EntryRef[];
}

const aliasText = (alias: string | { text: string }) => (typeof alias === 'string' ? alias : alias.text);

/**
 * The first native name per language, each text once: many Chinese names are written alike in both
 * scripts (香港金融管理局), and a name shown twice reads as a mistake. A text shared by variants of one
 * language is tagged with that language ("zh"); shared across languages, it keeps the first one's tag,
 * since the language picks the glyphs (Japanese and Chinese draw some characters differently).
 */
function nativeNames(entry: Entry): Array<[lang: string, text: string]> {
  const langsByText = new Map<string, string[]>();
  for (const [lang, names] of Object.entries(entry.native ?? {})) {
    if (!names[0]) continue;
    const text = aliasText(names[0]);
    langsByText.set(text, [...(langsByText.get(text) ?? []), lang]);
  }
  const languageOf = (tag: string) => tag.split('-')[0]!;
  return [...langsByText].map(([text, [first, ...rest]]) => {
    const language = languageOf(first!);
    return [rest.length > 0 && rest.every((tag) => languageOf(tag) === language) ? language : first!, text];
  });
}

export function factsOf(entry: Entry, byId: ReadonlyMap<string, Entry>): EntryFacts {
  const ref = (id: string): EntryRef[] => {
    const other = byId.get(id);
    return other ? [{ id, name: other.name, established: other.established, dissolved: other.dissolved }] : [];
  };
  return {
    id: entry.id,
    kind: entry.kind,
    name: entry.name,
    native: nativeNames(entry),
    jurisdiction: entry.jurisdiction,
    summary: entry.summary,
    meaning: entry.meaning,
    established: entry.established,
    dissolved: entry.dissolved,
    since: entry.since,
    url: entry.url,
    parent: entry.parent ? ref(entry.parent)[0] : undefined,
    predecessors: (entry.predecessors ?? []).flatMap(ref),
    successors: (entry.successors ?? []).flatMap(ref),
    usedBy: (entry.usedBy ?? []).flatMap(ref),
  };
}

export const KIND_LABELS: Record<Kind, string> = {
  central_bank: 'Central bank',
  regulator: 'Regulator',
  government_body: 'Government body',
  international_body: 'International body',
  rating_agency: 'Rating agency',
  law: 'Law',
  policy_phrase: 'Policy language',
};

/** Mark categories a reader can switch on and off. */
export type Category = 'body' | 'law' | 'phrase';
export const categoryOf = (kind: Kind): Category => (kind === 'law' ? 'law' : kind === 'policy_phrase' ? 'phrase' : 'body');
