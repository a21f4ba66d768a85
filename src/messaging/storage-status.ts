/**
 * RegLens's storage can fail in a few ways the reader can act on. Each has a label that crosses the
 * message boundary (a `storage` Failure carries it, `storage/status` reports it), and the extension's
 * pages turn it into plain words. What still works in each is data here, not branches elsewhere.
 */
export const STORAGE_PROBLEMS = {
  /** The database cannot be opened: a private window, Firefox set never to remember history, a broken profile. */
  'cannot-open': { reads: false, writes: false, clearedBy: 'open' },
  /**
   * A newer RegLens build upgraded the database (the reader went back to an older build, or a profile
   * came from a newer one). Dexie 4 opens it anyway; reading is safe, writing rows this build does not
   * fully understand is not.
   */
  'newer-version': { reads: true, writes: false, clearedBy: 'open' },
  /** Our upgrade waits for another RegLens page that keeps an older connection open. */
  'blocked-upgrade': { reads: false, writes: false, clearedBy: 'open' },
  /**
   * The disk (or the browser's share of it) is full: reads work, new rows do not fit. Writes are still
   * tried, since a deletion or another program may free space; the first one that succeeds clears it.
   */
  'quota-full': { reads: true, writes: false, clearedBy: 'write' },
} as const satisfies Record<string, { reads: boolean; writes: boolean; clearedBy: 'open' | 'write' }>;

export type StorageProblem = keyof typeof STORAGE_PROBLEMS;
export const STORAGE_PROBLEM_NAMES = Object.keys(STORAGE_PROBLEMS) as StorageProblem[];

export type StorageStatus = { ok: true } | { ok: false; problem: StorageProblem };
export const STORAGE_OK: StorageStatus = { ok: true };

/** Thrown inside the background and extension pages; the dispatcher turns it into a labelled Failure. */
export class StorageProblemError extends Error {
  override name = 'StorageProblemError';
  constructor(
    readonly problem: StorageProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Live status for extension pages: the guard in src/storage implements it. */
export interface StorageStatusSource {
  status(): StorageStatus;
  subscribe(listener: (status: StorageStatus) => void): () => void;
}

/** The messages.json keys for each problem: a headline, what still works, and the Save control's reason. */
export const STORAGE_MESSAGE_KEYS = {
  'cannot-open': { title: 'storage_cannot_open', works: 'storage_cannot_open_works', save: 'storage_cannot_open_save' },
  'newer-version': { title: 'storage_newer_version', works: 'storage_newer_version_works', save: 'storage_newer_version_save' },
  'blocked-upgrade': { title: 'storage_blocked_upgrade', works: 'storage_blocked_upgrade_works', save: 'storage_blocked_upgrade_save' },
  'quota-full': { title: 'storage_quota_full', works: 'storage_quota_full_works', save: 'storage_quota_full_save' },
} as const satisfies Record<StorageProblem, Record<'title' | 'works' | 'save', string>>;

/**
 * English text, also the source for public/_locales/en (src/ui/i18n-messages.ts spreads it in). It
 * lives here because the background words the Save control's reason: content scripts get a sentence,
 * never a database error.
 */
export const STORAGE_MESSAGES_EN = {
  storage_cannot_open: 'RegLens cannot open its storage in this window.',
  storage_cannot_open_works:
    'This happens in private windows and when the browser is set never to remember history. Annotations still work, with the default settings; highlights can’t be saved or shown until you use RegLens in a normal window.',
  storage_cannot_open_save: 'Not saved: RegLens cannot open its storage here (private window, or history turned off).',
  storage_newer_version: 'Your highlights were stored by a newer version of RegLens.',
  storage_newer_version_works: 'Annotations still work; new highlights, edits and settings can’t be saved until RegLens is updated.',
  storage_newer_version_save: 'Not saved: a newer version of RegLens keeps your highlights. Update RegLens to save here.',
  storage_blocked_upgrade: 'RegLens is waiting for another RegLens page to let go of its storage.',
  storage_blocked_upgrade_works:
    'Annotations still work, with the default settings; highlights can’t be saved or shown until you close or reload other RegLens pages (popup, options).',
  storage_blocked_upgrade_save: 'Not saved: another RegLens page holds its storage. Close other RegLens pages and try again.',
  storage_quota_full: 'There is no room left to save highlights.',
  storage_quota_full_works:
    'Annotations and your saved highlights still work; new highlights and edits can’t be saved until you free some disk space (deleting highlights also helps).',
  storage_quota_full_save: 'Not saved: the disk is full. Free some space and try again.',
} as const;

export type StorageMessageKey = keyof typeof STORAGE_MESSAGES_EN;
