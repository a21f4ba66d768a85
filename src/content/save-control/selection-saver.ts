import { h } from 'preact';
import type { SaveResult } from '../../messaging/tab-protocol.ts';
import { UiHost } from '../ui-host.ts';
import { SaveControl, type SaveState } from './SaveControl.tsx';
import { SAVE_CONTROL_CSS } from './save-control.css.ts';

const SHOW_AFTER_MS = 250;
const HIDE_SAVED_AFTER_MS = 2500;
// A reason (storage full, private window) is a sentence to read, not a flash of confirmation.
const HIDE_FAILED_AFTER_MS = 10_000;

/**
 * Offers "Save highlight" next to a non-empty selection, and runs a save for the context menu and
 * the keyboard command too. Only on pages RegLens annotates: elsewhere a selection is left alone.
 */
export class SelectionSaver {
  readonly host: UiHost;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #range: Range | null = null;
  readonly #abort = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly save: () => Promise<SaveResult>,
  ) {
    this.host = new UiHost(doc, SAVE_CONTROL_CSS);
    doc.addEventListener('selectionchange', () => this.#onSelectionChange(), { signal: this.#abort.signal });
  }

  async saveNow(): Promise<SaveResult> {
    const range = this.#currentRange();
    if (range) this.#range = range;
    this.#render({ kind: 'saving' });
    const result = await this.save();
    this.#render(result.saved ? { kind: 'saved' } : { kind: 'failed', message: result.reason });
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.host.destroy(), result.saved ? HIDE_SAVED_AFTER_MS : HIDE_FAILED_AFTER_MS);
    return result;
  }

  destroy(): void {
    clearTimeout(this.#timer);
    this.#abort.abort();
    this.host.destroy();
  }

  #onSelectionChange(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const range = this.#currentRange();
      this.#range = range;
      if (range) this.#render({ kind: 'ready' });
      else this.host.destroy();
    }, SHOW_AFTER_MS);
  }

  #currentRange(): Range | null {
    const selection = this.doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (this.host.contains(range.commonAncestorContainer) || !range.toString().trim()) return null;
    return range.cloneRange();
  }

  #render(state: SaveState): void {
    const range = this.#range;
    if (!range) return;
    this.host.render(h(SaveControl, { anchor: range, state, onSave: () => void this.saveNow() }));
  }
}
