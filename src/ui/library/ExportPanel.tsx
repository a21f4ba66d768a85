import { useId, useState } from 'preact/hooks';
import type { Highlight } from '../../core/highlights/model.ts';
import type { MessageKey } from '../i18n-messages.ts';
import { t } from '../i18n.ts';
import { exportFiles, type ExportFormat, type ExportHandler } from './export-files.ts';

export interface ExportPanelProps {
  /** Everything stored (loads it when the first screen is all the Library has). */
  all(): Promise<readonly Highlight[]>;
  shown: readonly Highlight[];
  /** Articles among `shown`, and among all highlights (null until all are loaded). */
  shownArticles: number;
  allArticles: number | null;
  filtered: boolean;
  onExport: ExportHandler;
  onDone(message: string): void;
  now(): Date;
}

const BUTTONS: { format: ExportFormat; label: MessageKey }[] = [
  { format: 'markdown', label: 'library_export_markdown' },
  { format: 'markdown-per-article', label: 'library_export_markdown_per_article' },
  { format: 'csv', label: 'library_export_csv' },
  { format: 'json', label: 'library_export_json' },
  { format: 'jsonld', label: 'library_export_jsonld' },
];

/** Export everything, or (checkbox) only what the search and filters show. */
export function ExportPanel({ all, shown, shownArticles, allArticles, filtered, onExport, onDone, now }: ExportPanelProps) {
  const id = useId();
  const [onlyShown, setOnlyShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const useShown = onlyShown && filtered;

  const run = async (format: ExportFormat) => {
    setBusy(true);
    setError(null);
    try {
      const highlights = useShown ? shown : await all();
      if (highlights.length === 0) {
        onDone(t('library_export_nothing'));
        return;
      }
      const files = exportFiles(highlights, format, now());
      await onExport(files, format);
      onDone(files.length === 1 ? t('library_export_done_one', files[0]!.name) : t('library_export_done_other', files.length));
    } catch (cause) {
      setError(t('library_export_error', cause instanceof Error ? cause.message : String(cause)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="lib-export" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} class="lib-subheading">
        {t('library_export_heading')}
      </h3>
      <label class="lib-check">
        <input type="checkbox" checked={onlyShown} disabled={!filtered} onChange={(event) => setOnlyShown(event.currentTarget.checked)} />
        {t('library_export_only_shown', shown.length)}
      </label>
      <div class="lib-export-buttons">
        {BUTTONS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            class="lib-button"
            disabled={busy}
            data-format={format}
            aria-describedby={format === 'markdown-per-article' ? `${id}-per-article` : undefined}
            onClick={() => void run(format)}
          >
            {format === 'markdown-per-article' ? t(label, (useShown ? shownArticles : allArticles) ?? '…') : t(label)}
          </button>
        ))}
      </div>
      <p id={`${id}-per-article`} class="lib-hint">
        {t('library_export_per_article_hint')}
      </p>
      {error && (
        <p role="alert" class="lib-error">
          {error}
        </p>
      )}
    </section>
  );
}
