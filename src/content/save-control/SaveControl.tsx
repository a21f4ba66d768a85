import { useLayoutEffect, useRef } from 'preact/hooks';
import { computePosition, flip, offset, shift } from '@floating-ui/dom';

export type SaveState = { kind: 'ready' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export interface SaveControlProps {
  anchor: { getBoundingClientRect(): DOMRect };
  state: SaveState;
  onSave(): void;
}

/** The small control next to a selection. The note itself is typed in the popup, never in the page. */
export function SaveControl({ anchor, state, onSave }: SaveControlProps) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    void computePosition(anchor as never, element, {
      strategy: 'fixed',
      placement: 'top-end',
      middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      element.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });
  }, [anchor]);

  return (
    <div ref={box} class="save" role="status" aria-live="polite">
      {state.kind === 'ready' && (
        // mousedown must not reach the page, or clicking would clear the selection being saved.
        <button class="save-button" onMouseDown={(event) => event.preventDefault()} onClick={onSave}>
          Save highlight
        </button>
      )}
      {state.kind === 'saving' && <span>Saving…</span>}
      {state.kind === 'saved' && <span>Saved. Add a note from the RegLens button.</span>}
      {state.kind === 'failed' && <span class="failed">{state.message}</span>}
    </div>
  );
}
