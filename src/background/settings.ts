import { DEFAULT_SETTINGS, type Settings } from '../messaging/protocol.ts';
import type { RegLensDb } from '../storage/db.ts';

export async function readSettings(db: RegLensDb): Promise<Settings> {
  const row = await db.settings.get('settings');
  // Rows written by an older version lack newer fields: defaults fill them.
  return { ...DEFAULT_SETTINGS, ...row?.value, categories: { ...DEFAULT_SETTINGS.categories, ...row?.value.categories } };
}

/** Read-modify-write in one transaction, so two tabs muting terms at once both keep their change. */
export function updateSettings(db: RegLensDb, change: (settings: Settings) => Settings): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = change(await readSettings(db));
    await db.settings.put({ key: 'settings', value: next });
    return next;
  });
}

export const addUnique = (list: string[], item: string) => (list.includes(item) ? list : [...list, item]);
