import { useEffect, useState } from 'preact/hooks';
import type { MessageRuntime } from '../messaging/runtime.ts';
import type { PageRecord } from '../messaging/protocol.ts';
import { request } from '../messaging/client.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { PageList } from '../ui/PageList.tsx';

export function Options({ runtime }: { runtime: MessageRuntime }) {
  const [pages, setPages] = useState<PageRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void request(runtime, 'pages/recent', { limit: 500 }).then((reply) =>
      reply.ok ? setPages(reply.value) : setError(reply.error.message),
    );
  }, [runtime]);
  return (
    <>
      <h1>RegLens options</h1>
      <p class="muted">Everything RegLens keeps stays in this browser profile. Nothing leaves the machine.</p>
      {error ? <ErrorNotice message={error} /> : <PageList pages={pages} />}
    </>
  );
}
