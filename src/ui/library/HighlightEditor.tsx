import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { COLORS, LIMITS, type Color, type Highlight } from '../../core/highlights/model.ts';
import type { MessageKey } from '../i18n-messages.ts';
import { t } from '../i18n.ts';
import { formatTagsInput, parseTagsInput } from './tags-input.ts';

export interface HighlightChanges {
  note: string;
  tags: string[];
  color: Color;
}

export interface HighlightEditorProps {
  highlight: Highlight;
  /** Rejects with an Error whose message is shown; the editor stays open. */
  onSave(changes: HighlightChanges): Promise<void>;
  onCancel(): void;
}

export const colorLabel = (color: Color) => t(`library_color_${color}` as MessageKey);

/** Note, tags and colour of one highlight, edited in place. Ctrl/⌘+Enter saves; Escape cancels. */
export function HighlightEditor({ highlight, onSave, onCancel }: HighlightEditorProps) {
  const id = useId();
  const [note, setNote] = useState(highlight.note);
  const [tags, setTags] = useState(formatTagsInput(highlight.tags));
  const [color, setColor] = useState<Color>(highlight.color);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => noteRef.current?.focus(), []);

  const save = async () => {
    if (saving) return;
    const parsed = parseTagsInput(tags);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSave({ note, tags: parsed.tags, color });
    } catch (cause) {
      setError(t('library_save_error', cause instanceof Error ? cause.message : String(cause)));
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      // Stop here: Escape would otherwise reach the popup and close it with the edit lost.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <form
      class="lib-editor"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      aria-describedby={`${id}-hint`}
    >
      <label class="lib-label" for={`${id}-note`}>
        {t('library_note_label')}
      </label>
      <textarea id={`${id}-note`} ref={noteRef} rows={3} maxLength={LIMITS.note} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
      <label class="lib-label" for={`${id}-tags`}>
        {t('library_tags_label')}
      </label>
      <input id={`${id}-tags`} type="text" value={tags} onInput={(event) => setTags(event.currentTarget.value)} autoComplete="off" />
      <fieldset class="lib-colors">
        <legend class="lib-label">{t('library_color_legend')}</legend>
        {COLORS.map((option) => (
          <label key={option} class="lib-color-option">
            <input type="radio" name={`${id}-color`} value={option} checked={color === option} onChange={() => setColor(option)} />
            <span class={`lib-swatch lib-swatch-${option}`} aria-hidden="true" />
            <span class="visually-hidden">{colorLabel(option)}</span>
          </label>
        ))}
      </fieldset>
      <p id={`${id}-hint`} class="lib-hint">
        {t('library_edit_hint')}
      </p>
      {error && (
        <p role="alert" class="lib-error">
          {error}
        </p>
      )}
      <div class="lib-editor-actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? t('library_saving') : t('library_save')}
        </button>
        <button type="button" class="lib-button" onClick={onCancel}>
          {t('library_cancel')}
        </button>
      </div>
    </form>
  );
}
