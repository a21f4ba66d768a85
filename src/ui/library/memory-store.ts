import { HighlightSchema, normaliseTags, type Highlight } from '../../core/highlights/model.ts';
import * as v from 'valibot';
import type { HighlightStore } from '../../core/highlights/store.ts';

/**
 * A HighlightStore over an array: for component tests, the bench, and previews without IndexedDB.
 * It keeps the Dexie store's contract (newest first, validated updates, all-or-nothing import).
 */
export class MemoryHighlightStore implements HighlightStore {
  private rows = new Map<string, Highlight>();

  constructor(
    initial: Iterable<Highlight> = [],
    private readonly now: () => number = Date.now,
  ) {
    for (const h of initial) this.rows.set(h.id, h);
  }

  private sorted(): Highlight[] {
    return [...this.rows.values()].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  async all() {
    return this.sorted();
  }

  async newest(limit: number) {
    return this.sorted().slice(0, Math.max(0, limit));
  }

  async forUrl(url: string) {
    return this.sorted().filter((h) => h.url === url);
  }

  async update(id: string, changes: Parameters<HighlightStore['update']>[1]) {
    const current = this.rows.get(id);
    if (!current) throw new Error(`No highlight with id ${id}.`);
    const next = v.parse(HighlightSchema, {
      ...current,
      ...(changes.note === undefined ? {} : { note: changes.note }),
      ...(changes.tags === undefined ? {} : { tags: normaliseTags(changes.tags) }),
      ...(changes.color === undefined ? {} : { color: changes.color }),
      updated: Math.max(this.now(), current.created),
    });
    this.rows.set(id, next);
    return next;
  }

  async remove(id: string) {
    const current = this.rows.get(id) ?? null;
    this.rows.delete(id);
    return current;
  }

  async restore(highlight: Highlight) {
    this.rows.set(highlight.id, highlight);
  }

  async import(highlights: readonly Highlight[]) {
    const fresh: Highlight[] = [];
    const ids = new Set<string>();
    for (const h of highlights) {
      const row = v.parse(HighlightSchema, h);
      if (ids.has(row.id)) throw new Error(`Highlight ${row.id} appears twice.`);
      ids.add(row.id);
      if (!this.rows.has(row.id)) fresh.push(row);
    }
    for (const h of fresh) this.rows.set(h.id, h);
    return fresh.length;
  }

  get size() {
    return this.rows.size;
  }
}
