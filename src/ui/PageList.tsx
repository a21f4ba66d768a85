import type { PageRecord } from '../messaging/protocol.ts';
import { t } from './i18n.ts';

export function PageList({ pages }: { pages: PageRecord[] | null }) {
  if (pages === null) return <p class="muted">{t('popup_reading_page')}</p>;
  if (pages.length === 0) return <p class="muted">{t('popup_recent_empty')}</p>;
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('popup_recent')}</h2>
      <ul class="page-list" data-testid="page-list">
        {pages.map((page) => (
          <li key={page.url}>
            <a href={page.url} target="_blank" rel="noreferrer">
              {page.title || page.url}
            </a>
            <span class="muted"> · {t('popup_entities_count', page.entities.length)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
