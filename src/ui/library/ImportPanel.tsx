import { useId, useRef, useState } from 'preact/hooks';
import { MAX_IMPORT_CHARS } from '../../core/export/import.ts';
import { parseImport, planImport, type ImportPlan } from '../../core/export/index.ts';
import type { HighlightStore } from '../../core/highlights/store.ts';
import { t } from '../i18n.ts';

export interface ImportPanelProps {
  store: Pick<HighlightStore, 'all' | 'import'>;
  onImported(count: number): void;
}

type State =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'error'; message: string }
  | { step: 'review'; fileName: string; plan: ImportPlan }
  | { step: 'importing'; fileName: string; plan: ImportPlan };

/** Invalid entries listed by reason; the rest are counted. */
const SHOWN_INVALID = 10;
/** A UTF-8 file has at least one byte per character: bigger than this, parseImport would refuse it. */
const MAX_FILE_BYTES = MAX_IMPORT_CHARS * 4;

const message = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

/**
 * Import reads the file, validates every entry and shows what would happen (new, already saved,
 * invalid with reasons) before anything is written; Confirm writes the new ones all or nothing.
 * A malformed or hostile file ends at an error, with the store untouched.
 */
export function ImportPanel({ store, onImported }: ImportPanelProps) {
  const id = useId();
  const [state, setState] = useState<State>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setState({ step: 'error', message: t('library_import_error', t('library_import_too_large')) });
      return;
    }
    setState({ step: 'reading' });
    let text: string;
    try {
      text = await file.text();
    } catch {
      setState({ step: 'error', message: t('library_import_error', t('library_import_read_error')) });
      return;
    }
    const parsed = parseImport(text);
    if ('error' in parsed) {
      setState({ step: 'error', message: t('library_import_error', parsed.error) });
      return;
    }
    try {
      const existing = await store.all();
      setState({ step: 'review', fileName: file.name, plan: planImport(existing.map((h) => h.id), parsed) });
    } catch (cause) {
      setState({ step: 'error', message: t('library_import_error', message(cause)) });
    }
  };

  const reset = () => {
    setState({ step: 'idle' });
    if (input.current) input.current.value = '';
  };

  const confirm = async (fileName: string, plan: ImportPlan) => {
    setState({ step: 'importing', fileName, plan });
    try {
      const count = await store.import(plan.new);
      reset();
      onImported(count);
    } catch (cause) {
      setState({ step: 'error', message: t('library_import_failed', message(cause)) });
    }
  };

  return (
    <section class="lib-import" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} class="lib-subheading">
        {t('library_import_heading')}
      </h3>
      <label class="lib-label" for={`${id}-file`}>
        {t('library_import_label')}
      </label>
      <input
        id={`${id}-file`}
        ref={input}
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        disabled={state.step === 'reading' || state.step === 'importing'}
        onChange={(event) => void choose(event.currentTarget.files?.[0])}
      />
      {state.step === 'reading' && <p class="lib-hint">{t('library_import_reading')}</p>}
      {state.step === 'error' && (
        <p role="alert" class="lib-error">
          {state.message}
        </p>
      )}
      {(state.step === 'review' || state.step === 'importing') && <ImportSummary fileName={state.fileName} plan={state.plan} busy={state.step === 'importing'} onConfirm={() => void confirm(state.fileName, state.plan)} onCancel={reset} />}
    </section>
  );
}

function ImportSummary({ fileName, plan, busy, onConfirm, onCancel }: { fileName: string; plan: ImportPlan; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const count = plan.new.length;
  return (
    <div class="lib-import-summary" role="group" aria-label={t('library_import_summary', fileName)}>
      <p class="lib-import-file">{t('library_import_summary', fileName)}</p>
      <ul class="lib-import-counts">
        <li>{t('library_import_new', count)}</li>
        <li>{t('library_import_duplicates', plan.duplicate.length)}</li>
        <li>{t('library_import_invalid', plan.invalid.length)}</li>
      </ul>
      {plan.invalid.length > 0 && (
        <ul class="lib-import-invalid">
          {plan.invalid.slice(0, SHOWN_INVALID).map((entry) => (
            <li key={entry.index}>{t('library_import_invalid_entry', entry.index + 1, entry.reason)}</li>
          ))}
          {plan.invalid.length > SHOWN_INVALID && <li>{t('library_import_invalid_more', plan.invalid.length - SHOWN_INVALID)}</li>}
        </ul>
      )}
      {count === 0 && <p class="lib-hint">{t('library_import_nothing_new')}</p>}
      <div class="lib-editor-actions">
        <button type="button" class="primary" disabled={busy || count === 0} onClick={onConfirm}>
          {busy ? t('library_import_importing') : count === 1 ? t('library_import_confirm_one') : t('library_import_confirm_other', count)}
        </button>
        <button type="button" class="lib-button" disabled={busy} onClick={onCancel}>
          {t('library_cancel')}
        </button>
      </div>
    </div>
  );
}
