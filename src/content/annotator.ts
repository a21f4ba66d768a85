import { categoryOf, type Category } from '../core/glossary/facts.ts';
import type { Kind } from '../core/glossary/schema.ts';
import type { Match, SlicingMatcher } from '../core/matcher/index.ts';
import type { PageSettings as Settings } from '../messaging/protocol.ts';
import type { EntityCount } from '../messaging/tab-protocol.ts';
import type { MarkLayer } from '../dom/marks.ts';
import { collectText, collectTextInSteps, type CollectOptions, type TextMap } from '../dom/text-walk.ts';
import { measure } from './timing.ts';

export interface Mention {
  id: string;
  kind: Kind;
  category: Category;
  range: Range;
}

const CATEGORIES: Category[] = ['body', 'law', 'phrase'];

/**
 * Longest stretch of annotation work between two yields to the page. Well under the 50 ms that makes
 * a long task (https://w3c.github.io/longtasks/), since a slice overruns by up to one unit of work.
 */
const SLICE_MS = 16;

/** Marks added between two looks at the clock while painting. */
const PAINT_CHUNK = 128;

/** At most this often, what is settled is painted while a long page is still being matched. */
const PAINT_EVERY_MS = 100;

/**
 * How long a slice waits for the page to go quiet. A page that never does (a scheduler loop of
 * posted messages, a busy app) would hold back background tasks forever.
 */
const STARVED_AFTER_MS = 50;

/**
 * Lets the page run (input, its own timers, rendering) before the next slice: the next slice is a
 * background-priority task, which runs after whatever the page has queued. A posted message (or a
 * user-visible task) ran ahead of the page's own due timers, so a page's timer could wait out two or
 * three slices. A timer takes over when the page leaves no room for STARVED_AFTER_MS. Without
 * scheduler.postTask (Chromium < 94, Firefox < 101), a posted message: setTimeout(0) alone is
 * clamped to 4 ms once nested (a 200k-word page takes 30 slices).
 */
function yieldToPage(): Promise<void> {
  const { scheduler } = globalThis as { scheduler?: { postTask?(task: () => void, options: { priority: 'background' }): Promise<void> } };
  return new Promise((resume) => {
    if (typeof scheduler?.postTask === 'function') {
      let resumed = false;
      const once = () => {
        if (resumed) return;
        resumed = true;
        clearTimeout(starved);
        resume();
      };
      const starved = setTimeout(once, STARVED_AFTER_MS);
      void scheduler.postTask(once, { priority: 'background' });
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resume();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Turns matches into marks and remembers them: the page summary, hover hit-testing and keyboard
 * stepping all read `mentions`. Scans are additive, so late content costs only its own text.
 */
export class PageAnnotator {
  mentions: Mention[] = [];
  #settings: Settings | null = null;
  #generation = 0;
  /** Full repaints so far: one during scanInSlices means its progressive marks were replaced. */
  #paints = 0;

  constructor(
    private readonly doc: Document,
    private readonly matcher: SlicingMatcher,
    private readonly marks: MarkLayer,
  ) {}

  /**
   * Annotates a subtree in slices of about SLICE_MS, yielding to the page between them and painting
   * what is settled as it goes; a long page (200k words) takes hundreds of milliseconds cold, and must
   * not freeze the page meanwhile. The end state is exactly what `scan` makes. Resolves to false when
   * `clear()` abandoned the job.
   */
  async scanInSlices(root: Element, options: CollectOptions = {}): Promise<boolean> {
    const generation = this.#generation;
    const paintsAtStart = this.#paints;
    const abandoned = () => generation !== this.#generation;
    const map = await this.#collectInSlices(root, options);
    if (!map || abandoned()) return false;
    let sliceStart = performance.now();
    let yielded = false;
    const job = this.matcher.matchIncremental(map.text);
    const found: [number, Mention][] = [];
    let pending: Match[] = [];
    let unpainted: Mention[] = [];
    let paintedAt = performance.now();
    for (let matched = false; !matched || pending.length > 0; ) {
      if (performance.now() - sliceStart >= SLICE_MS) {
        await yieldToPage();
        if (abandoned()) return false;
        sliceStart = performance.now();
        yielded = true;
      }
      const deadline = sliceStart + SLICE_MS;
      measure('reglens:slice', () => {
        matched ||= job.step(deadline);
        pending = pending.concat(job.take());
        // Ranges for what is settled, within the same budget.
        const added = unpainted;
        let converted = 0;
        while (converted < pending.length && ((converted & 31) !== 31 || performance.now() < deadline)) {
          const match = pending[converted++]!;
          const mention = this.#mentionOf(match, map);
          if (!mention) continue;
          found.push([match.start, mention]);
          added.push(mention);
        }
        pending = pending.slice(converted);
        // Progressive paint: settled mentions show before the rest of a long page is matched. Not every
        // slice: each change to a highlight has the browser repaint all of its ranges.
        if ((!matched || pending.length > 0) && added.length > 0 && performance.now() - paintedAt >= PAINT_EVERY_MS) {
          this.#addMarks(added);
          unpainted = [];
          paintedAt = performance.now();
        }
      });
    }
    // On a long page the last paint is a slice's worth of work of its own (~10 ms at 200k words,
    // observing every marked paragraph): it does not share a task with the last match slice.
    if (yielded || performance.now() - sliceStart >= SLICE_MS) {
      await yieldToPage();
      if (abandoned()) return false;
    }
    // In document order, as `scan` has them (generic references settle last, between the names).
    found.sort((a, b) => a[0] - b[0]);
    const mentions = found.map(([, mention]) => mention);
    if (this.mentions.length === 0 && this.#paints === paintsAtStart) {
      // Nothing else is marked, and what was painted along the way is all still right: add the rest
      // only. Replacing every range would have the browser repaint them all once more (~70 ms at 200k words).
      this.mentions = mentions;
      return this.#addMarksInSlices(unpainted, abandoned);
    }
    this.#keep(root, mentions);
    return true;
  }

  /**
   * Adds marks a slice at a time: on a long page the marks left to paint at the end are thousands, and
   * watching each marked paragraph for the viewport costs tens of milliseconds in one piece.
   */
  async #addMarksInSlices(mentions: readonly Mention[], abandoned: () => boolean): Promise<boolean> {
    for (let from = 0; from < mentions.length; ) {
      if (from > 0) {
        await yieldToPage();
        if (abandoned()) return false;
      }
      const deadline = performance.now() + SLICE_MS;
      measure('reglens:paint', () => {
        do {
          this.#addMarks(mentions.slice(from, from + PAINT_CHUNK));
          from += PAINT_CHUNK;
        } while (from < mentions.length && performance.now() < deadline);
      });
    }
    return true;
  }

  /**
   * The text walk in slices too (~30-50 ms at 200k words in one piece). If the page changes the walked
   * subtree while we yield, the walk could stop short at a removed node: walk again in one piece.
   */
  async #collectInSlices(root: Element, options: CollectOptions): Promise<TextMap | null> {
    const generation = this.#generation;
    let changed = false;
    const observer = new (this.doc.defaultView!.MutationObserver)(() => void (changed = true));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    try {
      const steps = collectTextInSteps(root, options);
      for (;;) {
        const next = measure('reglens:collect', () => {
          const deadline = performance.now() + SLICE_MS;
          let step = steps.next();
          while (!step.done && performance.now() < deadline) step = steps.next();
          return step;
        });
        if (next.done) return next.value;
        await yieldToPage();
        if (generation !== this.#generation) return null;
        if (changed) return measure('reglens:collect', () => collectText(root, options));
      }
    } finally {
      observer.disconnect();
    }
  }

  scan(root: Element, options: { allText?: boolean } = {}): number {
    // Sub-measures show in DevTools where a slow page's time goes.
    const map = measure('reglens:collect', () => collectText(root, options));
    const matches = measure('reglens:match', () => this.matcher.match(map.text));
    const found = measure('reglens:ranges', () => matches.flatMap((match) => this.#mentionOf(match, map) ?? []));
    this.#keep(root, found);
    return found.length;
  }

  /** A rescanned subtree replaces what was found in it before; removed text leaves collapsed ranges. */
  #keep(root: Element, found: Mention[]): void {
    const kept = this.mentions.filter((mention) => !mention.range.collapsed && !root.contains(mention.range.startContainer));
    this.mentions = kept.concat(found);
    if (kept.length && found.length) this.mentions.sort(inDocumentOrder);
    measure('reglens:paint', () => this.#paint());
  }

  applySettings(settings: Settings): void {
    this.#settings = settings;
    this.#paint();
  }

  visible(): Mention[] {
    return this.mentions.filter((mention) => this.#shows(mention));
  }

  summary(): EntityCount[] {
    const counts = new Map<string, EntityCount>();
    for (const mention of this.visible()) {
      const entry = counts.get(mention.id) ?? { id: mention.id, kind: mention.kind, count: 0 };
      entry.count++;
      counts.set(mention.id, entry);
    }
    // Ids are ASCII: code-unit order, since localeCompare's first call builds a collator (~5 ms cold).
    return [...counts.values()].sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  clear(): void {
    this.#generation++; // abandons a scanInSlices in progress
    this.mentions = [];
    for (const category of CATEGORIES) this.marks.clear(category);
  }

  #shows(mention: Mention): boolean {
    const settings = this.#settings;
    if (!settings) return true;
    // The reader's own terms show whatever the categories say: adding one was the choice to see it.
    const categoryOn = settings.categories[mention.category] || mention.id.startsWith('user-');
    return categoryOn && !settings.mutedTerms.includes(mention.id);
  }

  #mentionOf(match: Match, map: TextMap): Mention | null {
    const range = map.toRange(match.start, match.end, this.doc);
    return range && { id: match.id, kind: match.kind, category: categoryOf(match.kind), range };
  }

  /** The shown ranges of `mentions`, per category: what each mark highlight should hold. */
  #rangesByCategory(mentions: readonly Mention[]): Array<[Category, Range[]]> {
    return CATEGORIES.map((category) => [category, mentions.filter((m) => m.category === category && this.#shows(m)).map((m) => m.range)]);
  }

  #addMarks(mentions: readonly Mention[]): void {
    for (const [category, ranges] of this.#rangesByCategory(mentions)) this.marks.add(category, ranges);
  }

  #paint(): void {
    this.#paints++;
    for (const [category, ranges] of this.#rangesByCategory(this.mentions)) this.marks.set(category, ranges);
  }
}

function inDocumentOrder(a: Mention, b: Mention): number {
  return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
}
