import Dexie, { type EntityTable } from 'dexie';
import type { PageRecord, Settings } from '../messaging/protocol.ts';

interface SettingsRow {
  key: 'settings';
  value: Settings;
}

/**
 * The reader's data lives here, in the extension's origin. Content scripts never open it: their
 * IndexedDB would be the web page's.
 */
export class RegLensDb extends Dexie {
  pages!: EntityTable<PageRecord, 'url'>;
  settings!: EntityTable<SettingsRow, 'key'>;

  constructor(name = 'reglens') {
    super(name);
    this.version(1).stores({ pages: '&url, seenAt', settings: '&key' });
  }
}
