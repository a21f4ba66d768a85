import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { Highlight } from '../../core/highlights/model.ts';
import { createSearch, facetsOf, groupByArticle, insertNewestFirst } from '../../core/highlights/query.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import type { HighlightStore } from '../../core/highlights/store.ts';
import { t } from '../i18n.ts';
import { ArticleHeader } from './ArticleHeader.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { downloadFiles, type ExportHandler } from './export-files.ts';
import { NO_FILTERS, toQuery, type FilterState } from './filter-state.ts';
import type { HighlightChanges } from './HighlightEditor.tsx';
import { HighlightRow } from './HighlightRow.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { LibraryFilters } from './LibraryFilters.tsx';
import { estimateRowHeight, toRows, type LibraryRow } from './rows.ts';
import { StatusToast, type Notice } from './StatusToast.tsx';
import { useDebouncedValue } from './use-debounced-value.ts';
import { VirtualList } from './VirtualList.tsx';

export interface LibraryProps {
  store: HighlightStore;
  /** Display name of a knowledge-base id ("pboc" -> "People's Bank of China"). */
  entityName(id: string): string;
  /** Open the article, scrolled to the highlight. */
  onOpen(highlight: Highlight): void;
  /** Receives the files of an export; by default each is downloaded through a Blob link. */
  onExport?: ExportHandler;
  /** Search debounce in ms; 0 searches on every keystroke (tests, bench). */
  searchDelay?: number;
  /** How long "Highlight deleted — Undo" stays, in ms. */
  undoMs?: number;
  /** How long other notices stay, in ms. */
  noticeMs?: number;
  now?: () => Date;
}

/** Rows for the first screen, while the rest loads for search and filters. */
export const FIRST_SCREEN = 100;

const rowKey = (row: LibraryRow) => row.key;
const defaultExport: ExportHandler = (files) => downloadFiles(files);
const message = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

/**
 * The popup's Library: every saved highlight grouped by article, newest first; search and filters;
 * edit in place; delete with undo; export and import. Shows the newest {@link FIRST_SCREEN} at once,
 * then everything; the list is virtualised so 10,000 highlights scroll as lightly as ten.
 */
export function Library({ store, entityName, onOpen, onExport = defaultExport, searchDelay = 100, undoMs = 8000, noticeMs = 4000, now = () => new Date() }: LibraryProps) {
  const id = useId();
  const [items, setItems] = useState<Highlight[] | null>(null);
  const [complete, setComplete] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [searchInput, setSearchInput] = useState('');
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement | null>(null);

  // Changes made while all() was still loading, replayed on its answer (it may predate them).
  const pending = useRef(new Map<string, Highlight | null>());
  const completeRef = useRef(false);

  const load = useCallback(async () => {
    try {
      const all = await store.all();
      const changes = pending.current;
      let result = changes.size === 0 ? all : all.filter((h) => !changes.has(h.id));
      for (const h of changes.values()) if (h) result = insertNewestFirst(result, h);
      changes.clear();
      completeRef.current = true;
      setItems(result);
      setComplete(true);
    } catch (cause) {
      setLoadError(t('library_load_error', message(cause)));
    }
  }, [store]);

  useEffect(() => {
    let cancelled = false;
    completeRef.current = false;
    setComplete(false);
    void (async () => {
      try {
        const first = await store.newest(FIRST_SCREEN);
        if (cancelled) return;
        setItems(first);
        // Let the first screen paint before the full list is read and searched.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (!cancelled) await load();
      } catch (cause) {
        if (!cancelled) setLoadError(t('library_load_error', message(cause)));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [store, load]);

  // Applies one change locally (and remembers it if all() has not answered yet).
  const apply = useCallback((id: string, next: Highlight | null) => {
    if (!completeRef.current) pending.current.set(id, next);
    setItems((list) => {
      if (!list) return list;
      const without = list.filter((h) => h.id !== id);
      return next ? insertNewestFirst(without, next) : without;
    });
  }, []);

  // Notices expire; a deletion stays undoable for undoMs.
  useEffect(() => {
    if (!notice) return undefined;
    const timer = setTimeout(() => setNotice(null), notice.undo ? undoMs : noticeMs);
    return () => clearTimeout(timer);
  }, [notice, undoMs, noticeMs]);

  // entityName may be a new function on every render; the search cache must outlive renders.
  const entityNameRef = useRef(entityName);
  entityNameRef.current = entityName;
  const search = useMemo(() => createSearch({ entityName: (entity) => entityNameRef.current(entity) }), []);

  const searchText = useDebouncedValue(searchInput, searchDelay);
  const query = useMemo(() => toQuery(searchText, filters), [searchText, filters]);
  const filtering = Object.keys(query).length > 0;
  const shown = useMemo(() => (items && filtering ? search.filter(items, query) : (items ?? [])), [items, query, filtering, search]);
  const groups = useMemo(() => groupByArticle(shown), [shown]);
  const rows = useMemo(() => toRows(groups), [groups]);
  const facets = useMemo(() => facetsOf(items ?? []), [items]);
  const allArticles = useMemo(() => (complete && items ? new Set(items.map((h) => h.url)).size : null), [complete, items]);

  const pinned = useMemo(() => new Set([editingId, focusedKey].filter((key): key is string => key !== null)), [editingId, focusedKey]);

  const save = useCallback(
    async (highlightId: string, changes: HighlightChanges) => {
      const updated = await store.update(highlightId, changes);
      apply(highlightId, updated);
      setEditingId(null);
    },
    [store, apply],
  );

  const remove = useCallback(
    async (highlight: Highlight) => {
      setActionError(null);
      if (editingId === highlight.id) setEditingId(null);
      // The row goes at once; the store follows. Focus stays in the list rather than falling to <body>.
      apply(highlight.id, null);
      listRef.current?.focus();
      try {
        const removed = await store.remove(highlight.id);
        setNotice({ message: t('library_deleted'), undo: removed ?? highlight });
      } catch (cause) {
        apply(highlight.id, highlight);
        setActionError(t('library_delete_error', message(cause)));
      }
    },
    [store, apply, editingId],
  );

  const undo = useCallback(
    async (highlight: Highlight) => {
      try {
        await store.restore(highlight);
        apply(highlight.id, highlight);
        setNotice({ message: t('library_restored') });
      } catch (cause) {
        setNotice(null);
        setActionError(t('library_restore_error', message(cause)));
      }
    },
    [store, apply],
  );

  const filterTag = useCallback(
    (tag: string) => {
      const lower = tag.toLowerCase();
      const spelling = facets.tags.find((facet) => facet.value.toLowerCase() === lower)?.value ?? tag;
      setFilters((current) => ({ ...current, tag: spelling }));
    },
    [facets],
  );
  const filterEntity = useCallback((entity: string) => setFilters((current) => ({ ...current, entity })), []);

  const renderRow = (row: LibraryRow) =>
    row.kind === 'article' ? (
      <ArticleHeader group={row.group} />
    ) : (
      <HighlightRow
        highlight={row.highlight}
        entityName={entityName}
        editing={editingId === row.highlight.id}
        onOpen={onOpen}
        onEdit={setEditingId}
        onSave={save}
        onDelete={(h) => void remove(h)}
        onFilterEntity={filterEntity}
        onFilterTag={filterTag}
      />
    );

  // Which row holds keyboard focus: it stays rendered while the reader tabs or scrolls away.
  const onFocusIn = (event: FocusEvent) => {
    const row = (event.target as Element | null)?.closest?.('[data-key]');
    setFocusedKey(row instanceof HTMLElement ? (row.dataset.key ?? null) : null);
  };
  const onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (!next || !(event.currentTarget as Element).contains(next)) setFocusedKey(null);
  };

  const total = items?.length ?? 0;
  const count = !filtering
    ? total === 1
      ? t('library_count_one')
      : t('library_count_other', total)
    : total === 1
      ? t('library_count_filtered_one', shown.length)
      : t('library_count_filtered_other', shown.length, total);

  return (
    <section class="library" aria-busy={!complete}>
      <div class="lib-toolbar">
        <label class="visually-hidden" for={`${id}-search`}>
          {t('library_search_label')}
        </label>
        <input
          id={`${id}-search`}
          class="lib-search"
          type="search"
          placeholder={t('library_search_placeholder')}
          value={searchInput}
          onInput={(event) => setSearchInput(event.currentTarget.value)}
          autoComplete="off"
          spellcheck={false}
        />
        <LibraryFilters value={filters} onChange={setFilters} facets={facets} entityName={entityName} />
      </div>
      <p id={`${id}-count`} class="lib-count" aria-live="polite" aria-atomic="true">
        {items === null ? t('library_loading') : count}
        {items !== null && !complete && <span class="lib-loading"> · {t('library_loading_rest')}</span>}
      </p>
      {loadError && <ErrorNotice message={loadError} />}
      {actionError && <ErrorNotice message={actionError} />}
      {items !== null && rows.length === 0 && <p class="lib-empty">{total === 0 && !filtering ? t('library_empty') : t('library_no_results')}</p>}
      {items !== null && rows.length > 0 && (
        <div onFocusIn={onFocusIn} onFocusOut={onFocusOut}>
          <VirtualList items={rows} keyOf={rowKey} estimate={estimateRowHeight} render={renderRow} pinned={pinned} class="lib-list" label={t('library_region')} containerRef={listRef} />
        </div>
      )}
      <details class="lib-transfer">
        <summary>{t('library_transfer')}</summary>
        <ExportPanel
          all={() => (complete && items ? Promise.resolve(items) : store.all())}
          shown={shown}
          shownArticles={groups.length}
          allArticles={allArticles}
          filtered={filtering}
          onExport={onExport}
          onDone={(text) => setNotice({ message: text })}
          now={now}
        />
        <ImportPanel
          store={store}
          onImported={(added) => {
            setNotice({ message: added === 1 ? t('library_import_done_one') : t('library_import_done_other', added) });
            void load();
          }}
        />
      </details>
      <StatusToast notice={notice} onUndo={(h) => void undo(h)} />
    </section>
  );
}
