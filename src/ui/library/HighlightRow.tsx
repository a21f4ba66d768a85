import { useEffect, useRef } from 'preact/hooks';
import type { Highlight } from '../../core/highlights/model.ts';
import { t } from '../i18n.ts';
import { HighlightEditor, colorLabel, type HighlightChanges } from './HighlightEditor.tsx';

export interface HighlightRowProps {
  highlight: Highlight;
  entityName(id: string): string;
  editing: boolean;
  onOpen(highlight: Highlight): void;
  onEdit(id: string | null): void;
  onSave(id: string, changes: HighlightChanges): Promise<void>;
  onDelete(highlight: Highlight): void;
  onFilterEntity(id: string): void;
  onFilterTag(tag: string): void;
}

/**
 * One saved highlight: colour, the quote (clamped to three lines; the button opens the article at
 * it), the note, tag and entity chips (each filters the Library), and Edit / Delete. All page and
 * reader text is rendered as text nodes.
 */
export function HighlightRow({ highlight: h, entityName, editing, onOpen, onEdit, onSave, onDelete, onFilterEntity, onFilterTag }: HighlightRowProps) {
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  useEffect(() => {
    // Back from the editor: put focus where the reader left it.
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const quote = h.selectors.quote.exact;
  return (
    <article class="lib-item" data-highlight-id={h.id}>
      <span class={`lib-swatch lib-swatch-${h.color}`} role="img" aria-label={t('library_color_swatch', colorLabel(h.color))} />
      <div class="lib-item-body">
        <button type="button" class="lib-quote" title={t('library_open')} onClick={() => onOpen(h)}>
          {quote}
        </button>
        {editing ? (
          <HighlightEditor highlight={h} onSave={(changes) => onSave(h.id, changes)} onCancel={() => onEdit(null)} />
        ) : (
          <>
            {h.note.trim() !== '' && <p class="lib-note">{h.note}</p>}
            <div class="lib-item-foot">
              {h.tags.length > 0 && (
                <ul class="lib-chips" aria-label={t('library_tags')}>
                  {h.tags.map((tag) => (
                    <li key={tag}>
                      <button type="button" class="lib-chip lib-chip-tag" aria-label={t('library_chip_tag', tag)} onClick={() => onFilterTag(tag)}>
                        #{tag}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {h.entities.length > 0 && (
                <ul class="lib-chips" aria-label={t('library_entities')}>
                  {h.entities.map((id) => (
                    <li key={id}>
                      <button type="button" class="lib-chip lib-chip-entity" aria-label={t('library_chip_entity', entityName(id))} onClick={() => onFilterEntity(id)}>
                        {entityName(id)}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <span class="lib-actions">
                <button type="button" class="lib-button" ref={editButton} onClick={() => onEdit(h.id)}>
                  {t('library_edit')}
                </button>
                <button type="button" class="lib-button lib-button-danger" onClick={() => onDelete(h)}>
                  {t('library_delete')}
                </button>
              </span>
            </div>
          </>
        )}
      </div>
    </article>
  );
}
