import type { Kind } from '../core/glossary/schema.ts';
import type { Match } from '../core/matcher/types.ts';
import { sentenceAround, tidy } from './sentence.ts';

/** What the CLI needs to know about an entry; the glossary's Entry satisfies it. */
export interface EntryInfo {
  name: string;
  kind: Kind;
  summary?: string;
  meaning?: string;
}
export type LookupEntry = (id: string) => EntryInfo | undefined;

export interface AnnotatedMatch {
  text: string;
  id: string;
  kind: Kind;
  name: string;
  /** Offsets into the collected text of the article (or of the body with --all-text). */
  start: number;
  end: number;
  /** The sentence around the match. */
  context: string;
  anaphor?: true;
}

export interface SummaryRow {
  id: string;
  name: string;
  kind: Kind;
  count: number;
}

export interface Annotation {
  title: string;
  url: string | null;
  isArticle: boolean;
  matches: AnnotatedMatch[];
  summary: SummaryRow[];
}

export interface AnnotationInput {
  title: string;
  url: string | null;
  isArticle: boolean;
  /** The text the matches' offsets point into. */
  text: string;
  matches: readonly Match[];
}

export function buildAnnotation(input: AnnotationInput, lookup: LookupEntry): Annotation {
  const matches = input.matches.map((m): AnnotatedMatch => {
    const annotated: AnnotatedMatch = {
      text: m.text,
      id: m.id,
      kind: m.kind,
      name: lookup(m.id)?.name ?? m.id,
      start: m.start,
      end: m.end,
      context: sentenceAround(input.text, m.start, m.end),
    };
    if (m.anaphor) annotated.anaphor = true;
    return annotated;
  });
  return {
    title: tidy(input.title),
    url: input.url,
    isArticle: input.isArticle,
    matches,
    summary: summarise(matches),
  };
}

/** One row per entry, most mentioned first, then by name so equal counts print in a stable order. */
export function summarise(matches: readonly AnnotatedMatch[]): SummaryRow[] {
  const rows = new Map<string, SummaryRow>();
  for (const m of matches) {
    const row = rows.get(m.id);
    if (row) row.count++;
    else rows.set(m.id, { id: m.id, name: m.name, kind: m.kind, count: 1 });
  }
  return [...rows.values()].sort(
    (a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

export function formatJson(annotation: Annotation): string {
  return JSON.stringify(annotation, null, 2);
}

const KIND_LABELS: Record<Kind, string> = {
  central_bank: 'central bank',
  regulator: 'regulator',
  government_body: 'government body',
  international_body: 'international body',
  rating_agency: 'rating agency',
  law: 'law',
  policy_phrase: 'policy phrase',
};

/** A note a reader can keep: each entity, what it is, and the sentences that mention it. */
export function formatMarkdown(annotation: Annotation, lookup: LookupEntry): string {
  const lines = [`# ${annotation.title || 'Untitled page'}`, ''];
  if (annotation.url) lines.push(`<${annotation.url}>`, '');
  if (!annotation.summary.length) {
    lines.push(annotation.isArticle ? 'No regulators or policy terms found.' : 'Not an article page.');
    return lines.join('\n') + '\n';
  }
  for (const row of annotation.summary) {
    const entry = lookup(row.id);
    const times = row.count === 1 ? 'once' : `${row.count} times`;
    lines.push(`## ${row.name}`, '', `*${KIND_LABELS[row.kind]}, mentioned ${times}*`, '');
    const about = entry?.meaning ?? entry?.summary;
    if (about) lines.push(about, '');
    const sentences = new Set(annotation.matches.filter((m) => m.id === row.id).map((m) => m.context));
    for (const sentence of sentences) lines.push(`> ${sentence}`, '');
  }
  return lines.join('\n');
}
