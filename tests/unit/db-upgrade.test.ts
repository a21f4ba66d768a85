import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { RegLensDb } from '../../src/storage/db.ts';

/**
 * Every released schema gets a fixture here: a database written by that version's declaration must
 * open with the current code with every row intact. Version 1 is the first release.
 */
const RELEASED_SCHEMAS: Record<number, Record<string, string>> = {
  1: { pages: '&url, seenAt', settings: '&key', highlights: '&id, url, site, created, updated, *tags, *entities' },
};

const row = (i: number) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  url: `https://news.example/${i}`,
  title: `Story ${i}`,
  site: 'news.example',
  created: i,
  updated: i,
  color: 'yellow',
  note: `note ${i} 风险可控`,
  tags: ['fintech'],
  entities: ['pboc'],
  selectors: { quote: { exact: `quote ${i}`, prefix: '', suffix: '' }, position: { start: i, end: i + 7 } },
});

describe('database upgrades', () => {
  for (const [version, stores] of Object.entries(RELEASED_SCHEMAS)) {
    it(`opens a version ${version} database with every row intact`, async () => {
      const name = `upgrade-${version}-${Math.random()}`;
      const old = new Dexie(name);
      old.version(Number(version)).stores(stores);
      await old.table('highlights').bulkAdd(Array.from({ length: 250 }, (_, i) => row(i)));
      await old.table('pages').add({ url: 'https://news.example/1', title: 'Story', entities: [{ id: 'pboc', count: 2 }], seenAt: 1 });
      await old.table('settings').add({ key: 'settings', value: { categories: { body: true, law: false, phrase: true }, mutedTerms: ['sec'], neverSites: [] } });
      old.close();

      const current = new RegLensDb(name);
      expect(await current.highlights.count()).toBe(250);
      expect(await current.highlights.get(row(7).id)).toEqual(row(7));
      expect(await current.pages.count()).toBe(1);
      expect((await current.settings.get('settings'))?.value.mutedTerms).toEqual(['sec']);
      current.close();
    });
  }
});
