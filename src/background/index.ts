import browser from 'webextension-polyfill';
import compiledMatcher from 'virtual:reglens-matcher';
import { entryById } from '../core/glossary/load.ts';
import { browserRuntime } from '../messaging/browser-runtime.ts';
import { serve } from '../messaging/server.ts';
import { RegLensDb } from './db.ts';
import { createHandlers } from './handlers.ts';
import { registerCommands } from './commands.ts';

// Listeners are registered synchronously at start-up: a Chrome service worker or Firefox event page
// woken by a message must find its listener before the first turn of the event loop ends.
serve(
  browserRuntime,
  createHandlers({
    db: new RegLensDb(),
    compiledMatcher,
    entryById,
    broadcastSettingsChanged: () => void broadcast({ type: 'tab/settings-changed', payload: {} }),
  }),
);
registerCommands();

async function broadcast(message: unknown): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  }
}
