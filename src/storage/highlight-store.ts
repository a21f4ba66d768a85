import * as v from 'valibot';
import { HighlightSchema, normaliseTags, type Highlight } from '../core/highlights/model.ts';
import type { HighlightStore } from '../core/highlights/store.ts';
import type { RegLensDb } from './db.ts';
import { StorageGuard } from './storage-guard.ts';

/**
 * Saved highlights in Dexie, behind the HighlightStore interface the popup and options pages use.
 * Every read-modify-write runs in one transaction, so an edit in the popup and one from the page's
 * tooltip (via the background) cannot overwrite each other half way.
 */

/** The Dexie implementation of the store the popup and options pages use (src/core/highlights/store.ts). */
export type DexieHighlightStore = HighlightStore;

export class HighlightValidationError extends Error {
  override name = 'HighlightValidationError';
}

function validated(candidate: unknown, label: string): Highlight {
  const parsed = v.safeParse(HighlightSchema, candidate);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const path = v.getDotPath(issue);
  throw new HighlightValidationError(`${label}: ${path ? `${path}: ` : ''}${issue.message}`);
}

/**
 * Adds the highlights whose ids are new, in one transaction: a row that fails (invalid, or an id
 * repeated within `highlights`) aborts the transaction and nothing is written. Ids already stored are
 * skipped, not overwritten: an import never changes what the reader has.
 */
export async function importHighlights(db: RegLensDb, highlights: readonly Highlight[]): Promise<number> {
  // Validate before opening the transaction: an import comes from a file, and the UI is one caller.
  const rows = highlights.map((h, index) => validated(h, `highlight ${index}`));
  return db.transaction('rw', db.highlights, async () => {
    const existing = await db.highlights.bulkGet(rows.map((h) => h.id));
    const fresh = rows.filter((_, index) => existing[index] === undefined);
    if (fresh.length > 0) await db.highlights.bulkAdd(fresh);
    return fresh.length;
  });
}

/** Every highlight, oldest first: the order an export file reads best in. */
export function exportAll(db: RegLensDb): Promise<Highlight[]> {
  return db.highlights.orderBy('created').toArray();
}

/**
 * Every call goes through the guard, so a database that cannot open or a full disk reaches the
 * Library as a labelled StorageProblemError with a sentence for the reader. Pass the page's guard to
 * share its status (the banner); a bare database gets a guard of its own.
 */
export function createHighlightStore(source: RegLensDb | StorageGuard, now: () => number = Date.now): DexieHighlightStore {
  const guard = source instanceof StorageGuard ? source : new StorageGuard(source);
  const read = guard.read.bind(guard);
  const write = guard.write.bind(guard);
  return {
    all: () => read((db) => db.highlights.orderBy('created').reverse().toArray()),

    newest: (limit) => read((db) => db.highlights.orderBy('created').reverse().limit(Math.max(0, Math.floor(limit))).toArray()),

    forUrl: (url) =>
      read(async (db) => {
        const rows = await db.highlights.where('url').equals(url).toArray();
        return rows.sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
      }),

    update: (id, changes) =>
      write((db) =>
        db.transaction('rw', db.highlights, async () => {
          const current = await db.highlights.get(id);
          if (!current) throw new Error(`No highlight with id ${id}.`);
          const next = validated(
            {
              ...current,
              ...(changes.note === undefined ? {} : { note: changes.note }),
              ...(changes.tags === undefined ? {} : { tags: normaliseTags(changes.tags) }),
              ...(changes.color === undefined ? {} : { color: changes.color }),
              updated: Math.max(now(), current.created),
            },
            'update',
          );
          await db.highlights.put(next);
          return next;
        }),
      ),

    remove: (id) =>
      write((db) =>
        db.transaction('rw', db.highlights, async () => {
          const current = await db.highlights.get(id);
          if (!current) return null;
          await db.highlights.delete(id);
          return current;
        }),
      ),

    async restore(highlight) {
      // Put back exactly what remove() returned, timestamps included: check it, but store the
      // caller's object rather than the schema's normalised copy.
      validated(highlight, 'restore');
      await write((db) => db.highlights.put(highlight));
    },

    import: (highlights) => write((db) => importHighlights(db, highlights)),
  };
}
