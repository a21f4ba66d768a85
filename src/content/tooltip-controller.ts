import { h } from 'preact';
import type { EntryFacts } from '../core/glossary/facts.ts';
import type { MarkLayer } from '../dom/marks.ts';
import type { Mention } from './annotator.ts';
import { Tooltip } from './tooltip/Tooltip.tsx';
import { TOOLTIP_CSS } from './tooltip/tooltip.css.ts';
import { UiHost } from './ui-host.ts';

export interface TooltipDeps {
  doc: Document;
  marks: MarkLayer;
  mentions(): Mention[];
  facts(id: string): Promise<EntryFacts | null>;
  mute(id: string): void;
  neverOnSite(): void;
}

const HOVER_OPEN_MS = 300;
const HOVER_CLOSE_MS = 250;

/**
 * Opens the context tooltip on hover (short delay; it stays while the pointer moves into it), on touch,
 * and from the keyboard (next/previous mention, Escape closes). Hit-testing asks the Highlight API what
 * is under the pointer, so hovering ordinary text costs one call and no DOM reads.
 */
export class TooltipController {
  readonly host: UiHost;
  #open: Mention | null = null;
  #openTimer: ReturnType<typeof setTimeout> | undefined;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;
  #insideTip = false;
  #frame = 0;
  #stepIndex = -1;
  readonly #abort = new AbortController();

  constructor(private readonly deps: TooltipDeps) {
    this.host = new UiHost(deps.doc, TOOLTIP_CSS);
    const view = deps.doc.defaultView!;
    const signal = this.#abort.signal;
    view.addEventListener('pointermove', (event) => this.#onPointer(event), { passive: true, signal });
    view.addEventListener('pointerup', (event) => event.pointerType === 'touch' && this.#hitAt(event.clientX, event.clientY, true), {
      passive: true,
      signal,
    });
    view.addEventListener('keydown', (event) => event.key === 'Escape' && this.#open && this.close(), { signal });
    view.addEventListener('scroll', () => this.#open && !this.#keyboard && this.close(), { passive: true, signal, capture: true });
  }

  #keyboard = false;

  get openMention(): Mention | null {
    return this.#open;
  }

  /** Moves to the next or previous visible mention after the last one shown, and explains it. */
  step(direction: 1 | -1): boolean {
    const mentions = this.deps.mentions();
    if (!mentions.length) return false;
    const current = this.#open ? mentions.indexOf(this.#open) : this.#stepIndex;
    this.#stepIndex = (current + direction + mentions.length) % mentions.length;
    this.show(mentions[this.#stepIndex]!, { keyboard: true, scroll: true });
    return true;
  }

  /** The next mention of one entity (the popup's page summary asks for this). */
  focusEntity(id: string): boolean {
    const mentions = this.deps.mentions();
    const after = this.#open?.id === id ? mentions.indexOf(this.#open) : -1;
    const next = mentions.find((mention, index) => mention.id === id && index > after) ?? mentions.find((mention) => mention.id === id);
    if (!next) return false;
    this.show(next, { keyboard: true, scroll: true });
    return true;
  }

  show(mention: Mention, { keyboard = false, scroll = false } = {}): void {
    clearTimeout(this.#openTimer);
    clearTimeout(this.#closeTimer);
    this.#open = mention;
    this.#keyboard = keyboard;
    if (scroll) {
      const element = mention.range.startContainer.parentElement;
      element?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    }
    this.deps.marks.set('focus', [mention.range]);
    this.#render(null);
    void this.deps.facts(mention.id).then((facts) => this.#open === mention && this.#render(facts));
  }

  close(): void {
    clearTimeout(this.#openTimer);
    clearTimeout(this.#closeTimer);
    this.#open = null;
    this.#insideTip = false;
    this.deps.marks.clear('focus');
    this.host.destroy();
  }

  destroy(): void {
    this.close();
    this.#abort.abort();
    cancelAnimationFrame(this.#frame);
  }

  #render(facts: EntryFacts | null): void {
    const mention = this.#open;
    if (!mention) return;
    const mentions = this.deps.mentions().filter((other) => other.id === mention.id).length;
    this.host.render(
      h(Tooltip, {
        facts,
        anchor: mention.range,
        mentions,
        takeFocus: this.#keyboard,
        onClose: () => this.close(),
        onMute: () => {
          this.deps.mute(mention.id);
          this.close();
        },
        onNeverOnSite: () => {
          this.deps.neverOnSite();
          this.close();
        },
        onPointerEnter: () => {
          this.#insideTip = true;
          clearTimeout(this.#closeTimer);
        },
        onPointerLeave: () => {
          this.#insideTip = false;
          this.#scheduleClose();
        },
      }),
    );
  }

  #onPointer(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    // One hit test per frame, at the latest position: a move that arrives while a frame is pending
    // must not be lost, or the pointer can come to rest on a mark that is never tested.
    this.#pointer = { x: event.clientX, y: event.clientY };
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      this.#hitAt(this.#pointer.x, this.#pointer.y, false);
    });
  }

  #pointer = { x: 0, y: 0 };

  #hitAt(x: number, y: number, immediate: boolean): void {
    if (this.#insideTip) return;
    const categories = this.deps.marks.categoriesAt(x, y).filter((category) => category === 'body' || category === 'law' || category === 'phrase');
    const mention = categories.length ? this.#mentionAt(x, y, categories) : null;
    if (!mention) {
      clearTimeout(this.#openTimer);
      this.#openTimer = undefined;
      if (this.#open && !this.#keyboard) this.#scheduleClose();
      return;
    }
    clearTimeout(this.#closeTimer);
    if (mention === this.#open) return;
    clearTimeout(this.#openTimer);
    if (immediate) this.show(mention);
    else this.#openTimer = setTimeout(() => this.show(mention), HOVER_OPEN_MS);
  }

  #mentionAt(x: number, y: number, categories: string[]): Mention | null {
    for (const mention of this.deps.mentions()) {
      if (!categories.includes(mention.category)) continue;
      for (const rect of mention.range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return mention;
      }
    }
    return null;
  }

  #scheduleClose(): void {
    clearTimeout(this.#closeTimer);
    this.#closeTimer = setTimeout(() => !this.#insideTip && this.close(), HOVER_CLOSE_MS);
  }
}
