import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/background/handlers.ts';
import { userTermEntry } from '../../src/background/user-terms.ts';
import { compileMatcher } from '../../src/core/matcher/index.ts';
import type { Highlight } from '../../src/core/highlights/model.ts';
import { DEFAULT_SETTINGS } from '../../src/messaging/protocol.ts';
import type { Sender } from '../../src/messaging/runtime.ts';
import { dispatch } from '../../src/messaging/server.ts';
import { STORAGE_MESSAGES_EN, StorageProblemError, type StorageStatus } from '../../src/messaging/storage-status.ts';
import { RegLensDb } from '../../src/storage/db.ts';
import { createHighlightStore } from '../../src/storage/highlight-store.ts';
import { StorageGuard, classifyStorageError } from '../../src/storage/storage-guard.ts';

const EMPTY_MATCHER = compileMatcher([]);
const runtime = { id: 'reglens-id', extensionOrigin: 'chrome-extension://reglens-id/' };
const pageSender = { id: 'reglens-id', url: 'https://news.example/story', tab: { id: 1, url: 'https://news.example/story' } };
const popupSender = { id: 'reglens-id', url: 'chrome-extension://reglens-id/src/popup/index.html' };

let drafts = 0;
const draft = () => ({
  id: `3b241101-e2bb-4255-8caf-${String(++drafts).padStart(12, '0')}`,
  url: 'https://news.example/story',
  title: 'Story',
  selectors: { quote: { exact: 'risks are controllable', prefix: 'as long as ', suffix: '.' }, position: { start: 10, end: 32 } },
  entities: ['pboc'],
});

const uniqueName = () => `degraded-${Math.random()}`;
const domError = (name: string) => new DOMException(`${name} from the browser`, name);

/** An IndexedDB that refuses to open the way Firefox does in a private window, until `allow()`. */
function privateWindowIndexedDB() {
  const state = { refusing: true, opens: 0 };
  const factory = {
    open(name: string, version?: number) {
      state.opens += 1;
      if (state.refusing) throw domError('InvalidStateError');
      return version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    },
    deleteDatabase: (name: string) => indexedDB.deleteDatabase(name),
    cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b),
    databases: () => indexedDB.databases(),
  };
  return { factory, state, allow: () => void (state.refusing = false) };
}

/** A disk that fills up: every write after `allowed` more writes fails as the browser reports it. */
function fillableDisk(db: RegLensDb) {
  const disk = { full: false, allowed: 0 };
  db.use({
    stack: 'dbcore',
    name: 'fillable-disk',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(request) {
            if (disk.full && disk.allowed-- <= 0) return Promise.reject(domError('QuotaExceededError'));
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return disk;
}

/** A clock the test moves, so back-off is checked without waiting. */
function clock() {
  const time = { now: 1_000_000 };
  return { now: () => time.now, advance: (ms: number) => void (time.now += ms) };
}

const call = (handlers: ReturnType<typeof createHandlers>, type: string, payload: unknown, sender: Sender = pageSender) =>
  dispatch({ type, payload }, sender, runtime, handlers);

describe('storage problem classification', () => {
  it.each([
    ['a browser quota error', domError('QuotaExceededError'), 'quota-full'],
    ["Dexie's abort around a quota error", new Dexie.AbortError('Transaction aborted', domError('QuotaExceededError')), 'quota-full'],
    ["Gecko's old quota name", domError('NS_ERROR_DOM_QUOTA_REACHED'), 'quota-full'],
    ['a private window refusing IndexedDB', domError('InvalidStateError'), 'cannot-open'],
    ['a failed open reported again on the next request', new Dexie.DatabaseClosedError(new Dexie.OpenFailedError(domError('UnknownError'))), 'cannot-open'],
    ['no IndexedDB at all', new Dexie.MissingAPIError('indexedDB API missing'), 'cannot-open'],
    ['a database stored by a newer build', new Dexie.DatabaseClosedError(domError('VersionError')), 'newer-version'],
  ] as const)('labels %s', (_, error, label) => {
    expect(classifyStorageError(error)).toBe(label);
  });

  it.each([
    ['a missing highlight', new Error('No highlight with id x.')],
    ['an invalid row', new Dexie.ConstraintError('Key already exists')],
    ['not an error at all', 'oops'],
  ])('leaves %s to the caller', (_, error) => {
    expect(classifyStorageError(error)).toBeNull();
  });
});

describe('a database that cannot open (private window)', () => {
  it('still annotates with the default settings and answers saves with the labelled reason', async () => {
    const idb = privateWindowIndexedDB();
    const db = new RegLensDb(uniqueName(), { indexedDB: idb.factory });
    const handlers = createHandlers({ db, compiledMatcher: EMPTY_MATCHER, entryById: new Map() });

    expect(await call(handlers, 'settings/get', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    const matched = createHandlers({ db, compiledMatcher: compileMatcher([userTermEntry({ id: 'user-risks', term: 'controllable risks', aliases: [], note: '' })]), entryById: new Map() });
    expect(await call(matched, 'text/match', { job: 1, part: 0, text: 'Keep risks controllable: controllable risks.', last: true })).toEqual({
      ok: true,
      value: { entries: [['user-risks', 'policy_phrase']], spans: [25, 43, 0, 0] },
    });
    expect(await call(handlers, 'highlight/create', draft())).toEqual({
      ok: false,
      error: { code: 'storage', problem: 'cannot-open', message: STORAGE_MESSAGES_EN.storage_cannot_open_save },
    });
    expect(await call(handlers, 'pages/recent', { limit: 5 }, popupSender)).toMatchObject({ ok: false, error: { code: 'storage', problem: 'cannot-open' } });
    expect(await call(handlers, 'storage/status', {}, popupSender)).toEqual({ ok: true, value: { ok: false, problem: 'cannot-open' } });
  });

  it('tries to open again only after a back-off, and recovers when the browser allows it', async () => {
    const idb = privateWindowIndexedDB();
    const time = clock();
    const db = new RegLensDb(uniqueName(), { indexedDB: idb.factory });
    const guard = new StorageGuard(db, { now: time.now, backoffMs: 1000 });
    const handlers = createHandlers({ db, guard, compiledMatcher: EMPTY_MATCHER, entryById: new Map() });

    expect(await call(handlers, 'highlight/create', draft())).toMatchObject({ ok: false, error: { problem: 'cannot-open' } });
    const opensAfterFailure = idb.state.opens;
    // Within the back-off the answer comes at once, without asking the browser again.
    expect(await call(handlers, 'highlight/create', draft())).toMatchObject({ ok: false, error: { problem: 'cannot-open' } });
    expect(idb.state.opens).toBe(opensAfterFailure);

    idb.allow();
    time.advance(1001);
    const saved = draft();
    expect(await call(handlers, 'highlight/create', saved)).toEqual({ ok: true, value: { id: saved.id } });
    expect(guard.status()).toEqual({ ok: true });
    expect(await db.highlights.count()).toBe(1);
    db.close();
  });

  it('waits longer after each failure, up to the limit', async () => {
    const idb = privateWindowIndexedDB();
    const time = clock();
    const db = new RegLensDb(uniqueName(), { indexedDB: idb.factory });
    const guard = new StorageGuard(db, { now: time.now, backoffMs: 1000, maxBackoffMs: 3000 });
    const attempt = async () => {
      const before = idb.state.opens;
      await guard.read((store) => store.highlights.count()).catch(() => undefined);
      return idb.state.opens > before;
    };
    expect(await attempt()).toBe(true);
    time.advance(1001);
    expect(await attempt()).toBe(true); // second failure: next wait 2 s
    time.advance(1500);
    expect(await attempt()).toBe(false);
    time.advance(600);
    expect(await attempt()).toBe(true); // third failure: capped at 3 s
    time.advance(3001);
    expect(await attempt()).toBe(true);
  });
});

describe('a database a newer RegLens build upgraded', () => {
  async function upgradedByNewerBuild(name: string) {
    const current = new RegLensDb(name);
    await current.highlights.add({
      id: 'kept',
      url: 'https://news.example/story',
      title: 'Story',
      site: 'news.example',
      created: 1,
      updated: 1,
      color: 'green',
      note: 'mine',
      tags: [],
      entities: [],
      selectors: draft().selectors,
    } satisfies Highlight);
    await current.settings.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, mutedTerms: ['sec'] } });
    current.close();
    // As a newer build would leave it: same stores, a much higher version number.
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name, 1000);
      open.onsuccess = () => (open.result.close(), resolve());
      open.onerror = () => reject(open.error);
    });
  }

  it('reads what it can and refuses writes with the labelled reason, writing nothing', async () => {
    const name = uniqueName();
    await upgradedByNewerBuild(name);
    const db = new RegLensDb(name);
    const handlers = createHandlers({ db, compiledMatcher: EMPTY_MATCHER, entryById: new Map() });

    expect(await call(handlers, 'highlights/for-page', { url: 'https://news.example/story' })).toMatchObject({ ok: true, value: [{ id: 'kept' }] });
    expect(await call(handlers, 'settings/read', {}, popupSender)).toMatchObject({ ok: true, value: { mutedTerms: ['sec'] } });
    expect(await call(handlers, 'highlight/create', draft())).toEqual({
      ok: false,
      error: { code: 'storage', problem: 'newer-version', message: STORAGE_MESSAGES_EN.storage_newer_version_save },
    });
    expect(await call(handlers, 'settings/mute-term', { id: 'fed' })).toMatchObject({ ok: false, error: { problem: 'newer-version' } });
    expect(await db.highlights.count()).toBe(1);
    expect((await db.settings.get('settings'))?.value.mutedTerms).toEqual(['sec']);
    expect(await call(handlers, 'storage/status', {}, popupSender)).toEqual({ ok: true, value: { ok: false, problem: 'newer-version' } });
    db.close();
  });

  it('reaches the popup library as the same label, and tells the page about it', async () => {
    const name = uniqueName();
    await upgradedByNewerBuild(name);
    const guard = new StorageGuard(new RegLensDb(name), { describe: (problem) => `label:${problem}` });
    const seen: StorageStatus[] = [];
    guard.subscribe((status) => seen.push(status));
    const store = createHighlightStore(guard);

    expect((await store.all()).map((h) => h.id)).toEqual(['kept']);
    expect(seen).toEqual([{ ok: false, problem: 'newer-version' }]);
    const edit = store.update('kept', { note: 'changed' });
    await expect(edit).rejects.toBeInstanceOf(StorageProblemError);
    await expect(edit).rejects.toThrow('label:newer-version');
    expect((await store.all())[0]?.note).toBe('mine');
    guard.db.close();
  });
});

describe('an upgrade blocked by another RegLens page', () => {
  it('answers with the label instead of hanging, and opens once the other page lets go', async () => {
    const name = uniqueName();
    // An older page keeps its connection and ignores the request to close it.
    const older = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open(name, 5);
      open.onsuccess = () => resolve(open.result);
    });
    older.onversionchange = () => undefined;
    const time = clock();
    const db = new RegLensDb(name);
    const guard = new StorageGuard(db, { now: time.now, blockedGraceMs: 50 });
    const handlers = createHandlers({ db, guard, compiledMatcher: EMPTY_MATCHER, entryById: new Map() });

    expect(await call(handlers, 'highlight/create', draft())).toMatchObject({ ok: false, error: { code: 'storage', problem: 'blocked-upgrade' } });
    expect(await call(handlers, 'settings/get', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(guard.status()).toEqual({ ok: false, problem: 'blocked-upgrade' });

    older.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    time.advance(60_000);
    const saved = draft();
    expect(await call(handlers, 'highlight/create', saved)).toEqual({ ok: true, value: { id: saved.id } });
    expect(guard.status()).toEqual({ ok: true });
    db.close();
  });
});

describe('a full disk', () => {
  it('answers a save with the labelled reason, keeps nothing, still reads, and saves again once there is room', async () => {
    const db = new RegLensDb(uniqueName());
    const disk = fillableDisk(db);
    const guard = new StorageGuard(db);
    const handlers = createHandlers({ db, guard, compiledMatcher: EMPTY_MATCHER, entryById: new Map() });
    const first = draft();
    expect(await call(handlers, 'highlight/create', first)).toMatchObject({ ok: true });

    disk.full = true;
    expect(await call(handlers, 'highlight/create', draft())).toEqual({
      ok: false,
      error: { code: 'storage', problem: 'quota-full', message: STORAGE_MESSAGES_EN.storage_quota_full_save },
    });
    expect(guard.status()).toEqual({ ok: false, problem: 'quota-full' });
    expect(await call(handlers, 'highlights/for-page', { url: first.url })).toMatchObject({ ok: true, value: [{ id: first.id }] });
    expect(await db.highlights.count()).toBe(1);

    disk.full = false;
    expect(await call(handlers, 'highlight/create', draft())).toMatchObject({ ok: true });
    expect(guard.status()).toEqual({ ok: true });
    db.close();
  });

  it('rolls back a transaction the disk filled half way', async () => {
    const db = new RegLensDb(uniqueName());
    const disk = fillableDisk(db);
    const guard = new StorageGuard(db);
    const store = createHighlightStore(guard);
    const rows = [1, 2, 3].map((n) => ({
      id: `9c2e7b1a-0d4f-4a6b-8c3d-00000000000${n}`,
      url: `https://news.example/${n}`,
      title: `Story ${n}`,
      site: 'news.example',
      created: n,
      updated: n,
      color: 'yellow' as const,
      note: '',
      tags: [],
      entities: [],
      selectors: draft().selectors,
    }));
    await store.import([rows[0]!]);
    disk.full = true;
    disk.allowed = 1;
    // The first put fits, the second does not: the transaction is aborted whole.
    const twoWrites = guard.write((base) =>
      base.transaction('rw', base.highlights, async () => {
        await base.highlights.put(rows[1]!);
        await base.highlights.put(rows[2]!);
      }),
    );
    await expect(twoWrites).rejects.toMatchObject({ name: 'StorageProblemError', problem: 'quota-full' });
    expect((await store.all()).map((h) => h.id)).toEqual([rows[0]!.id]);
    disk.allowed = 0;
    await expect(store.import(rows.slice(1))).rejects.toMatchObject({ problem: 'quota-full' });
    expect(await db.highlights.count()).toBe(1);
    db.close();
  });
});
