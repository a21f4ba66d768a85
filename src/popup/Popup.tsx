import { useEffect, useMemo, useState } from 'preact/hooks';
import { entryById } from '../core/glossary/load.ts';
import type { Highlight } from '../core/highlights/model.ts';
import { request, requestTab } from '../messaging/client.ts';
import type { PageRecord } from '../messaging/protocol.ts';
import type { MessageRuntime, TabsApi } from '../messaging/runtime.ts';
import type { HighlightStore } from '../core/highlights/store.ts';
import type { StorageStatusSource } from '../messaging/storage-status.ts';
import { t } from '../ui/i18n.ts';
import { Library } from '../ui/library/index.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { PageList } from '../ui/PageList.tsx';
import { failureText } from '../ui/failure-text.ts';
import { StorageBanner } from '../ui/StorageBanner.tsx';
import { useStorageStatus } from '../ui/use-storage-status.ts';
import { notifyingStore } from './notify-store.ts';
import { ThisPage } from './ThisPage.tsx';

export type View = 'page' | 'library' | 'recent';

export interface PopupProps {
  runtime: MessageRuntime;
  tabs: TabsApi;
  store: HighlightStore;
  /** The popup's own database connection's status (the Library reads through it). */
  storage?: StorageStatusSource;
  /** The tab the popup speaks about: the active tab, or `?tab=<id>` when opened as a page. */
  tabId: number | null;
  initialView?: View;
  onFocused(): void;
  openOptions(): void;
}

const entityName = (id: string) => entryById.get(id)?.name ?? id;

export function Popup({ runtime, tabs, store, storage, tabId, initialView = 'page', onFocused, openOptions }: PopupProps) {
  const [view, setView] = useState<View>(initialView);
  const [pages, setPages] = useState<PageRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const storageStatus = useStorageStatus(runtime, storage);
  const liveStore = useMemo(
    () => notifyingStore(store, () => tabId !== null && void requestTab(tabs, tabId, 'tab/highlights-changed', {})),
    [store, tabId],
  );
  useEffect(() => {
    if (view !== 'recent' || pages) return;
    void request(runtime, 'pages/recent', { limit: 100 }).then((reply) => (reply.ok ? setPages(reply.value) : setError(failureText(reply.error))));
  }, [view]);
  const open = (highlight: Highlight) => void request(runtime, 'highlight/open', { id: highlight.id });

  const tab = (id: View, label: string) => (
    <button role="tab" id={`tab-${id}`} aria-selected={view === id} aria-controls={`panel-${id}`} class="tab" onClick={() => setView(id)}>
      {label}
    </button>
  );
  return (
    <>
      <header class="bar">
        <h1>RegLens</h1>
        <nav role="tablist" aria-label="RegLens" class="tabs">
          {tab('page', t('popup_this_page'))}
          {tab('library', t('popup_library'))}
          {tab('recent', t('popup_recent'))}
        </nav>
        <button class="link-button options-link" onClick={openOptions}>
          {t('popup_open_options')}
        </button>
      </header>
      <StorageBanner status={storageStatus} />
      <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
        {view === 'page' && <ThisPage runtime={runtime} tabs={tabs} tabId={tabId} store={liveStore} onFocused={onFocused} onOpen={open} entityName={entityName} />}
        {view === 'library' && <Library store={liveStore} entityName={entityName} onOpen={open} />}
        {view === 'recent' && (error ? <ErrorNotice message={error} /> : <PageList pages={pages} />)}
      </div>
    </>
  );
}
