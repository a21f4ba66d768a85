import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Highlight } from '../../src/core/highlights/model.ts';
import { RegLensDb } from '../../src/storage/db.ts';
import { createHighlightStore, exportAll, importHighlights } from '../../src/storage/highlight-store.ts';
import type { HighlightStore } from '../../src/core/highlights/store.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function highlight(n: number, fields: Partial<Highlight> = {}): Highlight {
  return {
    id: uuid(n),
    url: `https://news.example/a${n % 3}`,
    title: `Article ${n % 3}`,
    site: 'news.example',
    created: 1_700_000_000_000 + n * 1000,
    updated: 1_700_000_000_000 + n * 1000,
    color: 'yellow',
    note: `note ${n}`,
    tags: ['t'],
    entities: ['pboc'],
    selectors: { quote: { exact: `quote ${n}`, prefix: '', suffix: '' }, position: { start: n, end: n + 5 } },
    ...fields,
  };
}

const opened: RegLensDb[] = [];
async function setup(rows: Highlight[] = [], now = () => 1_800_000_000_000) {
  const db = new RegLensDb(`highlights-${Math.random()}`);
  opened.push(db);
  if (rows.length > 0) await db.highlights.bulkAdd(rows);
  // Assigning to the UI's interface proves the Dexie store keeps its contract.
  const store: HighlightStore = createHighlightStore(db, now);
  return { db, store };
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('Dexie highlight store', () => {
  it('lists every highlight newest first', async () => {
    const { store } = await setup([highlight(2), highlight(5), highlight(1)]);
    expect((await store.all()).map((h) => h.id)).toEqual([uuid(5), uuid(2), uuid(1)]);
  });

  it('gives the newest few for the first screen', async () => {
    const { store } = await setup([1, 2, 3, 4, 5].map((n) => highlight(n)));
    expect((await store.newest(2)).map((h) => h.id)).toEqual([uuid(5), uuid(4)]);
  });

  it("finds one article's highlights by URL, newest first", async () => {
    const { store } = await setup([1, 2, 3, 4, 5].map((n) => highlight(n)));
    expect((await store.forUrl('https://news.example/a1')).map((h) => h.id)).toEqual([uuid(4), uuid(1)]);
  });

  it('updates note, tags and colour and stamps `updated`', async () => {
    const { store, db } = await setup([highlight(1)]);
    const updated = await store.update(uuid(1), { note: 'new note', tags: [' A ', 'a', 'b'], color: 'blue' });
    expect(updated).toMatchObject({ note: 'new note', tags: ['A', 'b'], color: 'blue', updated: 1_800_000_000_000 });
    expect(await db.highlights.get(uuid(1))).toEqual(updated);
  });

  it('refuses an update beyond the limits and leaves the row alone', async () => {
    const { store, db } = await setup([highlight(1)]);
    await expect(store.update(uuid(1), { note: 'x'.repeat(10_001) })).rejects.toThrow(/note/);
    expect(await db.highlights.get(uuid(1))).toEqual(highlight(1));
  });

  it('rejects an update of a missing highlight', async () => {
    const { store } = await setup();
    await expect(store.update(uuid(9), { note: 'x' })).rejects.toThrow(/No highlight/);
  });

  it('removes and returns the row, and restores it exactly', async () => {
    const original = highlight(1, { tags: ['Policy'], published: '2024-02-05' });
    const { store, db } = await setup([original]);
    const removed = await store.remove(uuid(1));
    expect(removed).toEqual(original);
    expect(await db.highlights.count()).toBe(0);
    expect(await store.remove(uuid(1))).toBeNull();
    await store.restore(removed!);
    expect(await db.highlights.get(uuid(1))).toEqual(original);
  });
});

describe('import', () => {
  it('adds the new highlights and skips ids already stored', async () => {
    const { store, db } = await setup([highlight(1, { note: 'mine' })]);
    expect(await store.import([highlight(1, { note: 'theirs' }), highlight(2), highlight(3)])).toBe(2);
    expect(await db.highlights.count()).toBe(3);
    expect((await db.highlights.get(uuid(1)))!.note).toBe('mine');
  });

  it('writes nothing when one row fails in the transaction', async () => {
    const { db } = await setup([highlight(1)]);
    // The same new id twice: the second add fails inside the transaction, after the first succeeded.
    await expect(importHighlights(db, [highlight(2), highlight(3), highlight(3, { note: 'again' })])).rejects.toThrow();
    expect((await db.highlights.toArray()).map((h) => h.id)).toEqual([uuid(1)]);
  });

  it('writes nothing when one row is invalid', async () => {
    const { db } = await setup();
    const bad = { ...highlight(3), color: 'red' } as unknown as Highlight;
    await expect(importHighlights(db, [highlight(2), bad])).rejects.toThrow(/highlight 1: color/);
    expect(await db.highlights.count()).toBe(0);
  });

  it('exports everything oldest first', async () => {
    const { db } = await setup([highlight(3), highlight(1), highlight(2)]);
    expect((await exportAll(db)).map((h) => h.id)).toEqual([uuid(1), uuid(2), uuid(3)]);
  });
});
