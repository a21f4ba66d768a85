import type { PageRecord } from '../messaging/protocol.ts';

export function PageList({ pages }: { pages: PageRecord[] | null }) {
  if (pages === null) return <p class="muted">Loading…</p>;
  if (pages.length === 0) return <p class="muted">No articles read yet. Open a news article to begin.</p>;
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recently read</h2>
      <ul class="page-list" data-testid="page-list">
        {pages.map((page) => (
          <li key={page.url}>
            <a href={page.url} target="_blank" rel="noreferrer">
              {page.title || page.url}
            </a>
            <span class="muted">
              {' '}
              · {page.entities.length} {page.entities.length === 1 ? 'entity' : 'entities'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
