import Dexie, { type EntityTable } from 'dexie';
import type { PageRecord } from '../messaging/protocol.ts';

/**
 * The reader's data lives here, in the extension's origin. Content scripts never open it: their
 * IndexedDB would be the web page's.
 */
export class RegLensDb extends Dexie {
  pages!: EntityTable<PageRecord, 'url'>;

  constructor(name = 'reglens') {
    super(name);
    this.version(1).stores({ pages: '&url, seenAt' });
  }
}
