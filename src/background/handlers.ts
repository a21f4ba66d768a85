import { factsOf } from '../core/glossary/facts.ts';
import type { Entry } from '../core/glossary/schema.ts';
import type { CompiledMatcher } from '../core/matcher/index.ts';
import type { Handlers } from '../messaging/server.ts';
import type { RegLensDb } from '../storage/db.ts';
import { addUnique, readSettings, updateSettings } from './settings.ts';
import { highlightFromDraft, placementsFor } from './highlights.ts';
import { pageSettings, userTermEntry } from './user-terms.ts';
import type { Settings } from '../messaging/protocol.ts';

export interface HandlerDeps {
  /** The compiled matcher for the reader's current settings (their own terms included). */
  matcherFor?: (settings: Settings) => CompiledMatcher;
  /** Opens a highlight's article in a tab and reveals the passage (needs the tabs API). */
  openHighlight?: (url: string, id: string) => Promise<boolean>;
  db: RegLensDb;
  compiledMatcher: CompiledMatcher;
  entryById: ReadonlyMap<string, Entry>;
  /** Tells every tab to re-read settings, so a change shows at once in open pages. */
  broadcastSettingsChanged?: (settings: Settings) => void;
  now?: () => number;
}

export function createHandlers({
  db,
  compiledMatcher,
  entryById,
  broadcastSettingsChanged = () => {},
  openHighlight = async () => false,
  matcherFor = () => compiledMatcher,
  now = Date.now,
}: HandlerDeps): Handlers {
  const changed = (settings: Settings) => {
    broadcastSettingsChanged(settings);
    return settings;
  };
  return {
    async 'page/seen'(page) {
      await db.pages.put({ ...page, seenAt: now() });
      return { stored: true };
    },
    async 'pages/recent'({ limit }) {
      return db.pages.orderBy('seenAt').reverse().limit(limit).toArray();
    },
    'matcher/compiled': async () => matcherFor(await readSettings(db)),
    async 'glossary/facts'({ ids }) {
      const userTerms = ids.some((id) => id.startsWith('user-')) ? (await readSettings(db)).userTerms : [];
      return ids.flatMap((id) => {
        const userTerm = userTerms.find((term) => term.id === id);
        const entry = userTerm ? userTermEntry(userTerm) : entryById.get(id);
        return entry ? [factsOf(entry, entryById)] : [];
      });
    },
    'settings/get': async () => pageSettings(await readSettings(db)),
    'settings/read': () => readSettings(db),
    async 'settings/mute-term'({ id }) {
      return pageSettings(changed(await updateSettings(db, (s) => ({ ...s, mutedTerms: addUnique(s.mutedTerms, id) }))));
    },
    async 'settings/never-on-site'({ host }, sender) {
      const tabHost = new URL(sender.tab?.url ?? sender.url ?? 'about:blank').host;
      if (tabHost !== host) throw new Error('A page may only switch RegLens off for its own site.');
      return pageSettings(changed(await updateSettings(db, (s) => ({ ...s, neverSites: addUnique(s.neverSites, host) }))));
    },
    async 'highlight/create'(draft) {
      const highlight = highlightFromDraft({ ...draft, color: draft.color ?? (await readSettings(db)).defaultColor }, now());
      // A retried save (its first reply was lost) finds its own row and succeeds again.
      await db.transaction('rw', db.highlights, async () => {
        const existing = await db.highlights.get(highlight.id);
        if (existing && existing.url !== highlight.url) throw new Error('That highlight id is taken.');
        if (!existing) await db.highlights.add(highlight);
      });
      return { id: highlight.id };
    },
    'highlights/for-page': ({ url, canonical }) => placementsFor(db, url, canonical),
    async 'highlight/open'({ id }) {
      const highlight = await db.highlights.get(id);
      return { opened: highlight ? await openHighlight(highlight.url, id) : false };
    },
    async 'settings/update'(settings) {
      return changed(await updateSettings(db, () => settings));
    },
  };
}
