import { render } from 'preact';
import browser from 'webextension-polyfill';
import { browserRuntime, browserTabs } from '../messaging/browser-runtime.ts';
import { RegLensDb } from '../storage/db.ts';
import { createHighlightStore } from '../storage/highlight-store.ts';
import { StorageGuard } from '../storage/storage-guard.ts';
import { t } from '../ui/i18n.ts';
import { STORAGE_MESSAGE_KEYS } from '../messaging/storage-status.ts';
import { Popup, type View } from './Popup.tsx';

const params = new URLSearchParams(location.search);
const requested = Number(params.get('tab'));
const tabId = Number.isInteger(requested) && requested > 0 ? requested : ((await browserTabs.activeTab())?.id ?? null);
const view = (['page', 'library', 'recent'] as const).find((name) => name === params.get('view'));
// Opened as the toolbar popup: close it so the page and its tooltip come to the front.
const onFocused = () => (requested ? undefined : window.close());
// The Library reads and writes the database itself: its failures carry the same labels as the background's.
const storage = new StorageGuard(new RegLensDb(), { describe: (problem) => t(STORAGE_MESSAGE_KEYS[problem].title) });

render(
  <Popup
    runtime={browserRuntime}
    tabs={browserTabs}
    store={createHighlightStore(storage)}
    storage={storage}
    tabId={tabId}
    initialView={view as View | undefined}
    onFocused={onFocused}
    openOptions={() => void browser.runtime.openOptionsPage()}
  />,
  document.getElementById('app')!,
);
