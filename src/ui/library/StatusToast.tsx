import type { Highlight } from '../../core/highlights/model.ts';
import { t } from '../i18n.ts';

export interface Notice {
  message: string;
  /** A deleted highlight the reader can still bring back. */
  undo?: Highlight;
}

/**
 * The Library's one live region for outcomes: "Highlight deleted — Undo", "Exported …". The region
 * is always in the document (an aria-live region added together with its text is not announced).
 */
export function StatusToast({ notice, onUndo }: { notice: Notice | null; onUndo(highlight: Highlight): void }) {
  return (
    <div class={notice ? 'lib-toast lib-toast-open' : 'lib-toast'} role="status" aria-live="polite" aria-atomic="true">
      {notice && (
        <>
          <span>{notice.message}</span>
          {notice.undo && (
            <>
              <span aria-hidden="true"> — </span>
              <button type="button" class="lib-toast-undo" onClick={() => notice.undo && onUndo(notice.undo)}>
                {t('library_undo')}
              </button>
            </>
          )}
        </>
      )}
    </div>
  );
}
