import { useEffect, useState } from 'preact/hooks';
import type { MessageRuntime, TabsApi } from '../messaging/runtime.ts';
import type { PageRecord } from '../messaging/protocol.ts';
import { request } from '../messaging/client.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { PageList } from '../ui/PageList.tsx';
import { ThisPage } from './ThisPage.tsx';

export interface PopupProps {
  runtime: MessageRuntime;
  tabs: TabsApi;
  /** The tab the popup speaks about: the active tab, or `?tab=<id>` when opened as a page. */
  tabId: number | null;
  onFocused(): void;
}

export function Popup({ runtime, tabs, tabId, onFocused }: PopupProps) {
  const [pages, setPages] = useState<PageRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void request(runtime, 'pages/recent', { limit: 50 }).then((reply) =>
      reply.ok ? setPages(reply.value) : setError(reply.error.message),
    );
  }, [runtime]);
  return (
    <>
      <header class="bar">
        <h1>RegLens</h1>
      </header>
      <ThisPage runtime={runtime} tabs={tabs} tabId={tabId} onFocused={onFocused} />
      {error ? <ErrorNotice message={error} /> : <PageList pages={pages} />}
    </>
  );
}
