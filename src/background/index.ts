import browser from 'webextension-polyfill';
import compiledMatcher from 'virtual:reglens-matcher';
import { anaphora, entryById, glossary } from '../core/glossary/load.ts';
import { browserRuntime, browserSiteLists } from '../messaging/browser-runtime.ts';
import { serve } from '../messaging/server.ts';
import { STORAGE_MESSAGE_KEYS, STORAGE_MESSAGES_EN } from '../messaging/storage-status.ts';
import { RegLensDb } from '../storage/db.ts';
import { StorageGuard } from '../storage/storage-guard.ts';
import { createHandlers } from './handlers.ts';
import { registerCommands } from './commands.ts';
import { registerMenus } from './menus.ts';
import { openHighlight } from './open-highlight.ts';
import { matcherSource } from './user-terms.ts';

// Listeners are registered synchronously at start-up: a Chrome service worker or Firefox event page
// woken by a message must find its listener before the first turn of the event loop ends.
const db = new RegLensDb();
// The reason a save failed reaches the page's Save control as a sentence in the reader's language.
const guard = new StorageGuard(db, {
  describe: (problem) => {
    const key = STORAGE_MESSAGE_KEYS[problem].save;
    return browser.i18n.getMessage(key) || STORAGE_MESSAGES_EN[key];
  },
});
serve(
  browserRuntime,
  createHandlers({
    db,
    guard,
    compiledMatcher,
    matcherFor: matcherSource(glossary, anaphora, compiledMatcher),
    openHighlight,
    entryById,
    warmUp: true,
    broadcastSettingsChanged: (settings) => {
      void browserSiteLists.write({ alwaysSites: settings.alwaysSites, neverSites: settings.neverSites });
      void broadcast({ type: 'tab/settings-changed', payload: {} });
    },
  }),
);
registerCommands();
registerMenus();
// Ask the browser not to evict the reader's notes under storage pressure.
void navigator.storage?.persist?.().catch(() => false);

async function broadcast(message: unknown): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  }
}
