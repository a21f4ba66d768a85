import { factsOf } from '../core/glossary/facts.ts';
import type { Entry } from '../core/glossary/schema.ts';
import type { CompiledMatcher } from '../core/matcher/index.ts';
import type { Handlers } from '../messaging/server.ts';
import { DEFAULT_SETTINGS, type Settings } from '../messaging/protocol.ts';
import { StorageProblemError } from '../messaging/storage-status.ts';
import type { RegLensDb } from '../storage/db.ts';
import { StorageGuard } from '../storage/storage-guard.ts';
import { addUnique, readSettings, updateSettings } from './settings.ts';
import { highlightFromDraft, placementsFor } from './highlights.ts';
import { pageMatching } from './page-matching.ts';
import { pageSettings, userTermEntry } from './user-terms.ts';

export interface HandlerDeps {
  /** The compiled matcher for the reader's current settings (their own terms included). */
  matcherFor?: (settings: Settings) => CompiledMatcher;
  /** Opens a highlight's article in a tab and reveals the passage (needs the tabs API). */
  openHighlight?: (url: string, id: string) => Promise<boolean>;
  db: RegLensDb;
  /** Every database use goes through it (degraded mode); by default a guard with English reasons. */
  guard?: StorageGuard;
  compiledMatcher: CompiledMatcher;
  entryById: ReadonlyMap<string, Entry>;
  /** Tells every tab to re-read settings, so a change shows at once in open tabs. */
  broadcastSettingsChanged?: (settings: Settings) => void;
  now?: () => number;
  /** Compile the matcher's code as the background starts (see pageMatching's warmUp). */
  warmUp?: boolean;
}

export function createHandlers({
  db,
  guard = new StorageGuard(db),
  compiledMatcher,
  entryById,
  broadcastSettingsChanged = () => {},
  openHighlight = async () => false,
  matcherFor = () => compiledMatcher,
  now = Date.now,
  warmUp = false,
}: HandlerDeps): Handlers {
  // The settings are read once and kept until `update` (their only writer) changes them: every page
  // asks for them as it starts, and pages are matched with the reader's own terms, so neither waits
  // on the database. Not kept after a failed read: the database may come back.
  let stored: Promise<Settings> | null = null;
  let matchedWith: Promise<CompiledMatcher> | null = null;
  const changed = (settings: Settings) => {
    stored = Promise.resolve(settings);
    matchedWith = null;
    broadcastSettingsChanged(settings);
    return settings;
  };
  const storedSettings = () =>
    (stored ??= guard.read(readSettings)).catch((error: unknown) => {
      stored = null;
      throw error;
    });
  // Annotation must not depend on the database: when it cannot be read, pages get the defaults and
  // the bundled knowledge base. Writes still fail, with the problem's label.
  const orDefaults = (error: unknown): Settings => {
    if (error instanceof StorageProblemError) return DEFAULT_SETTINGS;
    throw error;
  };
  const settingsInEffect = () => storedSettings().catch(orDefaults);
  const matchText = pageMatching();
  // After the message that woke the background has started (it waits on the database meanwhile).
  if (warmUp) setTimeout(() => matchText.warmUp(compiledMatcher), 0);
  const matcherInEffect = (): Promise<CompiledMatcher> =>
    (matchedWith ??= storedSettings().then(matcherFor)).catch((error: unknown) => {
      matchedWith = null;
      return matcherFor(orDefaults(error));
    });
  const update = (change: (settings: Settings) => Settings) => guard.write((store) => updateSettings(store, change)).then(changed);
  return {
    'page/seen': (page) => guard.write(async (store) => (await store.pages.put({ ...page, seenAt: now() }), { stored: true as const })),
    'pages/recent': ({ limit }) => guard.read((store) => store.pages.orderBy('seenAt').reverse().limit(limit).toArray()),
    'text/match': (request, sender) => matchText(request, `${sender.tab?.id ?? -1} ${sender.url ?? ''}`, matcherInEffect),
    async 'glossary/facts'({ ids }) {
      const userTerms = ids.some((id) => id.startsWith('user-')) ? (await settingsInEffect()).userTerms : [];
      return ids.flatMap((id) => {
        const userTerm = userTerms.find((term) => term.id === id);
        const entry = userTerm ? userTermEntry(userTerm) : entryById.get(id);
        return entry ? [factsOf(entry, entryById)] : [];
      });
    },
    'settings/get': async () => pageSettings(await settingsInEffect()),
    'settings/read': () => settingsInEffect(),
    async 'settings/mute-term'({ id }) {
      return pageSettings(await update((s) => ({ ...s, mutedTerms: addUnique(s.mutedTerms, id) })));
    },
    async 'settings/never-on-site'({ host }, sender) {
      const tabHost = new URL(sender.tab?.url ?? sender.url ?? 'about:blank').host;
      if (tabHost !== host) throw new Error('A page may only switch RegLens off for its own site.');
      return pageSettings(await update((s) => ({ ...s, neverSites: addUnique(s.neverSites, host) })));
    },
    async 'highlight/create'(draft) {
      const color = draft.color ?? (await settingsInEffect()).defaultColor;
      const highlight = highlightFromDraft({ ...draft, color }, now());
      // A retried save (its first reply was lost) finds its own row and succeeds again. One
      // transaction: a full disk aborts it whole, so nothing is left half-written.
      await guard.write((store) =>
        store.transaction('rw', store.highlights, async () => {
          const existing = await store.highlights.get(highlight.id);
          if (existing && existing.url !== highlight.url) throw new Error('That highlight id is taken.');
          if (!existing) await store.highlights.add(highlight);
        }),
      );
      return { id: highlight.id };
    },
    'highlights/for-page': ({ url, canonical }) => guard.read((store) => placementsFor(store, url, canonical)),
    async 'highlight/open'({ id }) {
      const highlight = await guard.read((store) => store.highlights.get(id));
      return { opened: highlight ? await openHighlight(highlight.url, id) : false };
    },
    'settings/update': (settings) => update(() => settings),
    'storage/status': () => guard.check(),
  };
}
