import { useState } from 'preact/hooks';
import type { Settings, UserTerm } from '../messaging/protocol.ts';
import { t } from '../ui/i18n.ts';
import { exportTerms, importTerms, splitAliases, termId } from './user-terms.ts';

interface Draft {
  id: string | null;
  term: string;
  aliases: string;
  note: string;
}
const EMPTY: Draft = { id: null, term: '', aliases: '', note: '' };

/** Terms of the reader's own: matched on pages like the knowledge base; their notes stay here. */
export function UserTermsSection({ settings, onChange }: { settings: Settings; onChange(next: Settings): void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [message, setMessage] = useState<string | null>(null);
  const terms = settings.userTerms;

  const save = (event: Event) => {
    event.preventDefault();
    const term = draft.term.trim();
    if (term.length < 2) return setMessage(t('options_terms_too_short'));
    const entry: UserTerm = {
      id: draft.id ?? termId(term, new Set(terms.map((existing) => existing.id))),
      term,
      aliases: splitAliases(draft.aliases).slice(0, 20),
      note: draft.note.slice(0, 2000),
    };
    const next = draft.id ? terms.map((existing) => (existing.id === draft.id ? entry : existing)) : [...terms, entry];
    onChange({ ...settings, userTerms: next });
    setDraft(EMPTY);
    setMessage(null);
  };

  const onImport = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = importTerms(terms, await file.text());
    if ('error' in result) return setMessage(t('options_terms_import_failed'));
    onChange({ ...settings, userTerms: result.terms });
    setMessage(t('options_terms_imported', result.terms.length - terms.length));
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([exportTerms(terms)], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'reglens-terms.json' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const field = (key: keyof Omit<Draft, 'id'>) => ({
    value: draft[key],
    onInput: (event: Event) => setDraft({ ...draft, [key]: (event.target as HTMLInputElement).value }),
  });

  return (
    <section aria-labelledby="terms-heading" data-testid="user-terms">
      <h2 id="terms-heading">{t('options_terms')}</h2>
      <p class="muted">{t('options_terms_hint')}</p>
      <ul class="plain-list">
        {terms.length === 0 && <li class="muted">{t('options_terms_none')}</li>}
        {terms.map((term) => (
          <li key={term.id} class="term-row">
            <div>
              <strong>{term.term}</strong>
              {term.aliases.length > 0 && <span class="muted"> · {term.aliases.join(', ')}</span>}
              {term.note && <p class="term-note">{term.note}</p>}
            </div>
            <button class="link-button" onClick={() => setDraft({ id: term.id, term: term.term, aliases: term.aliases.join(', '), note: term.note })}>
              {t('options_edit')}
            </button>
            <button
              class="link-button"
              aria-label={t('options_remove_named', term.term)}
              onClick={() => onChange({ ...settings, userTerms: terms.filter((other) => other.id !== term.id) })}
            >
              {t('options_remove')}
            </button>
          </li>
        ))}
      </ul>
      <form class="term-form" onSubmit={save}>
        <label>
          {t('options_terms_term')}
          <input name="term" required maxLength={120} {...field('term')} />
        </label>
        <label>
          {t('options_terms_aliases')}
          <input name="aliases" maxLength={1000} {...field('aliases')} />
        </label>
        <label>
          {t('options_terms_note')}
          <textarea name="note" rows={2} maxLength={2000} {...field('note')} />
        </label>
        <div class="row">
          <button type="submit">{draft.id ? t('options_terms_update') : t('options_terms_add')}</button>
          {draft.id && (
            <button type="button" onClick={() => setDraft(EMPTY)}>
              {t('options_cancel')}
            </button>
          )}
        </div>
      </form>
      <div class="row">
        <button type="button" onClick={download} disabled={terms.length === 0}>
          {t('options_terms_export')}
        </button>
        <label class="file-button">
          {t('options_terms_import')}
          <input type="file" accept=".json,application/json" onChange={onImport} />
        </label>
      </div>
      {message && (
        <p role="status" class="muted">
          {message}
        </p>
      )}
    </section>
  );
}
