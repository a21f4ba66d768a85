import type { Kind } from '../glossary/schema.ts';
import type { Match } from './types.ts';

/**
 * Matches as they travel from the background to a page: four numbers per match and one row per entry
 * named, instead of thousands of objects (a 200k-word page has ~4,000 matches) to serialise twice.
 * The matched text is not sent back: the page has it, at the same offsets.
 */
export interface PackedMatches {
  entries: Array<[id: string, kind: Kind]>;
  /** Per match: start, end, index into `entries`, 1 for a generic reference ("the central bank") else 0. */
  spans: number[];
}

export function packMatches(matches: readonly Match[]): PackedMatches {
  const entries: PackedMatches['entries'] = [];
  const indexOf = new Map<string, number>();
  const spans: number[] = [];
  for (const { start, end, id, kind, anaphor } of matches) {
    let index = indexOf.get(id);
    if (index === undefined) {
      indexOf.set(id, (index = entries.length));
      entries.push([id, kind]);
    }
    spans.push(start, end, index, anaphor ? 1 : 0);
  }
  return { entries, spans };
}

/** The matches of `text` again; `text` is the string that was matched. */
export function unpackMatches({ entries, spans }: PackedMatches, text: string): Match[] {
  const matches: Match[] = [];
  for (let i = 0; i < spans.length; i += 4) {
    const start = spans[i]!;
    const end = spans[i + 1]!;
    const [id, kind] = entries[spans[i + 2]!]!;
    const match: Match = { start, end, text: text.slice(start, end), id, kind };
    if (spans[i + 3] === 1) match.anaphor = true;
    matches.push(match);
  }
  return matches;
}
