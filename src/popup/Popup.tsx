import { useEffect, useState } from 'preact/hooks';
import type { MessageRuntime } from '../messaging/runtime.ts';
import type { PageRecord } from '../messaging/protocol.ts';
import { request } from '../messaging/client.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { PageList } from '../ui/PageList.tsx';

export function Popup({ runtime }: { runtime: MessageRuntime }) {
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
      {error ? <ErrorNotice message={error} /> : <PageList pages={pages} />}
    </>
  );
}
