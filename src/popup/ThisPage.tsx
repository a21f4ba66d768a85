import { useEffect, useMemo, useState } from 'preact/hooks';
import { KINDS } from '../core/glossary/schema.ts';
import type { Highlight } from '../core/highlights/model.ts';
import { normaliseUrl } from '../core/highlights/url.ts';
import { requestTab } from '../messaging/client.ts';
import type { MessageRuntime, TabsApi } from '../messaging/runtime.ts';
import type { HighlightStatus, TabSummary } from '../messaging/tab-protocol.ts';
import type { HighlightStore } from '../core/highlights/store.ts';
import { t } from '../ui/i18n.ts';
import { Library } from '../ui/library/index.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { pageStore } from './notify-store.ts';

export interface ThisPageProps {
  runtime: MessageRuntime;
  tabs: TabsApi;
  tabId: number | null;
  store: HighlightStore;
  entityName(id: string): string;
  onOpen(highlight: Highlight): void;
  /** Called after the reader picks an entity, so a real popup can close and reveal the page. */
  onFocused(): void;
}

/** The current tab: its entities grouped by kind with counts, and the reader's highlights on it. */
export function ThisPage({ tabs, tabId, store, entityName, onOpen, onFocused }: ThisPageProps) {
  const [summary, setSummary] = useState<TabSummary | null>(null);
  const [status, setStatus] = useState<HighlightStatus | null>(null);
  const [missing, setMissing] = useState<Highlight[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = async (type: 'tab/summary' | 'tab/annotate') => {
    if (tabId === null) return setError(t('popup_no_tab'));
    const reply = await requestTab(tabs, tabId, type, {});
    if (!reply.ok) return setError(reply.error.message);
    setSummary(reply.value);
    const placed = await requestTab(tabs, tabId, 'tab/highlight-status', {});
    if (placed.ok) setStatus(placed.value);
  };
  useEffect(() => void load('tab/summary'), [tabId]);

  const url = summary ? normaliseUrl(summary.url, summary.canonical) : null;
  const forPage = useMemo(() => (url ? pageStore(store, url) : null), [store, url]);
  useEffect(() => {
    if (!forPage || !status?.missing.length) return setMissing([]);
    void forPage.all().then((rows) => setMissing(rows.filter((row) => status.missing.includes(row.id))));
  }, [forPage, status]);

  if (error) return <ErrorNotice message={error} />;
  if (!summary) return <p class="muted">{t('popup_reading_page')}</p>;
  const byKind = KINDS.map((kind) => [kind, summary.entities.filter((entity) => entity.kind === kind)] as const).filter(([, list]) => list.length);

  return (
    <section aria-labelledby="this-page-heading" data-testid="this-page">
      <h2 id="this-page-heading">{t('popup_this_page')}</h2>
      {!summary.annotated && (
        <p>
          {summary.isArticle ? t('popup_off_on_site') : t('popup_not_article')}{' '}
          <button class="primary" onClick={() => void load('tab/annotate')}>
            {t('popup_annotate')}
          </button>
        </p>
      )}
      {summary.annotated && byKind.length === 0 && <p class="muted">{t('popup_nothing_found')}</p>}
      {byKind.map(([kind, entities]) => (
        <div class="group" key={kind}>
          <h3>{t(`kind_${kind}`)}</h3>
          <ul class="entity-list">
            {entities.map((entity) => (
              <li key={entity.id}>
                <button
                  class="entity"
                  data-entity={entity.id}
                  onClick={async () => {
                    const reply = await requestTab(tabs, tabId!, 'tab/focus', { id: entity.id });
                    if (reply.ok && reply.value.found) onFocused();
                  }}
                >
                  <span class="entity-name">{entityName(entity.id)}</span>
                  <span class="count" aria-label={t('popup_mentions', entity.count)}>
                    {entity.count}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <h2>{t('popup_page_highlights')}</h2>
      {missing.length > 0 && (
        <div class="missing" data-testid="missing-highlights">
          <h3>{t('popup_not_found')}</h3>
          <ul>
            {missing.map((row) => (
              <li key={row.id}>
                <q>{row.selectors.quote.exact}</q>
              </li>
            ))}
          </ul>
        </div>
      )}
      {forPage && <Library store={forPage} entityName={entityName} onOpen={onOpen} />}
    </section>
  );
}
