import * as v from 'valibot';
import { UserTermSchema, type UserTerm } from '../messaging/protocol.ts';

/** The file format for sharing a reader's own terms between profiles. */
const TermsFileSchema = v.strictObject({
  format: v.literal('reglens-terms'),
  version: v.literal(1),
  terms: v.pipe(v.array(v.omit(UserTermSchema, ['id'])), v.maxLength(500)),
});

export function termId(term: string, taken: ReadonlySet<string>): string {
  const base = `user-${term.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'term'}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export const splitAliases = (text: string) => [...new Set(text.split(',').map((alias) => alias.trim()).filter((alias) => alias.length >= 2))];

export function exportTerms(terms: readonly UserTerm[]): string {
  return JSON.stringify({ format: 'reglens-terms', version: 1, terms: terms.map(({ term, aliases, note }) => ({ term, aliases, note })) }, null, 2);
}

/** Imported terms merged into the current ones (same term text replaces); an invalid file changes nothing. */
export function importTerms(current: readonly UserTerm[], text: string): { terms: UserTerm[] } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: 'not-json' };
  }
  const parsed = v.safeParse(TermsFileSchema, data);
  if (!parsed.success) return { error: parsed.issues[0]?.message ?? 'invalid' };
  const byTerm = new Map(current.map((term) => [term.term.toLowerCase(), term]));
  const taken = new Set(current.map((term) => term.id));
  for (const incoming of parsed.output.terms) {
    const existing = byTerm.get(incoming.term.toLowerCase());
    const id = existing?.id ?? termId(incoming.term, taken);
    taken.add(id);
    byTerm.set(incoming.term.toLowerCase(), { id, ...incoming });
  }
  const terms = [...byTerm.values()];
  return terms.length > 500 ? { error: 'too-many' } : { terms };
}
