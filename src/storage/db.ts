import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Highlight } from '../core/highlights/model.ts';
import type { PageRecord, Settings } from '../messaging/protocol.ts';

interface SettingsRow {
  key: 'settings';
  value: Settings;
}

/**
 * The reader's data lives here, in the extension's origin: the background and RegLens's own pages
 * open it; content scripts never do (their IndexedDB would be the web page's), and lint forbids it.
 * Every released schema stays declared: Dexie upgrades old databases step by step.
 */
export class RegLensDb extends Dexie {
  pages!: EntityTable<PageRecord, 'url'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  highlights!: EntityTable<Highlight, 'id'>;

  /** `options` lets tests hand Dexie an IndexedDB that fails the way a private window's does. */
  constructor(name = 'reglens', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      pages: '&url, seenAt',
      settings: '&key',
      highlights: '&id, url, site, created, updated, *tags, *entities',
    });
  }
}
