import { useEffect, useState } from 'preact/hooks';
import { KIND_LABELS, type EntryFacts } from '../core/glossary/facts.ts';
import { KINDS, type Kind } from '../core/glossary/schema.ts';
import { request, requestTab } from '../messaging/client.ts';
import type { MessageRuntime, TabsApi } from '../messaging/runtime.ts';
import type { TabSummary } from '../messaging/tab-protocol.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';

export interface ThisPageProps {
  runtime: MessageRuntime;
  tabs: TabsApi;
  tabId: number | null;
  /** Called after the reader picks an entity, so a real popup can close and reveal the page. */
  onFocused(): void;
}

/** The current tab's entities, grouped by kind with counts; choosing one shows it in the page. */
export function ThisPage({ runtime, tabs, tabId, onFocused }: ThisPageProps) {
  const [summary, setSummary] = useState<TabSummary | null>(null);
  const [names, setNames] = useState<Map<string, EntryFacts>>(new Map());
  const [error, setError] = useState<string | null>(null);

  const load = async (type: 'tab/summary' | 'tab/annotate') => {
    if (tabId === null) return setError('No page is open in this window.');
    const reply = await requestTab(tabs, tabId, type, {});
    if (!reply.ok) return setError(reply.error.message);
    setSummary(reply.value);
    const facts = await request(runtime, 'glossary/facts', { ids: reply.value.entities.map((entity) => entity.id) });
    if (facts.ok) setNames(new Map(facts.value.map((entry) => [entry.id, entry])));
  };

  useEffect(() => void load('tab/summary'), [tabId]);

  if (error) return <ErrorNotice message={error} />;
  if (!summary) return <p class="muted">Reading this page…</p>;
  const byKind = KINDS.map((kind) => [kind, summary.entities.filter((entity) => entity.kind === kind)] as const).filter(
    ([, entities]) => entities.length > 0,
  );

  return (
    <section aria-labelledby="this-page-heading" data-testid="this-page">
      <h2 id="this-page-heading">This page</h2>
      {!summary.annotated && (
        <p>
          {summary.isArticle ? 'RegLens is off on this site.' : 'This page does not look like an article.'}{' '}
          <button class="primary" onClick={() => void load('tab/annotate')}>
            Annotate this page
          </button>
        </p>
      )}
      {summary.annotated && byKind.length === 0 && <p class="muted">No regulators or policy terms found here.</p>}
      {byKind.map(([kind, entities]) => (
        <div class="group" key={kind}>
          <h3>{KIND_LABELS[kind as Kind]}</h3>
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
                  <span class="entity-name">{names.get(entity.id)?.name ?? entity.id}</span>
                  <span class="count" aria-label={`${entity.count} mentions`}>
                    {entity.count}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
