import { categoryOf, type Category } from '../core/glossary/facts.ts';
import type { Kind } from '../core/glossary/schema.ts';
import type { Match } from '../core/matcher/index.ts';
import type { PageSettings as Settings } from '../messaging/protocol.ts';
import type { EntityCount } from '../messaging/tab-protocol.ts';
import type { MarkLayer } from '../dom/marks.ts';
import { collectText, collectTextInSteps, joinTextMaps, type CollectOptions, type TextMap } from '../dom/text-walk.ts';
import { SLICE_MS, yieldToPage } from './slices.ts';
import { measure, measureAsync } from './timing.ts';

export interface Mention {
  id: string;
  kind: Kind;
  category: Category;
  range: Range;
}

/** The matches of a page's text, from the background; null when it could not answer. */
export type MatchText = (text: string) => Promise<Match[] | null>;

const CATEGORIES: Category[] = ['body', 'law', 'phrase'];

/** Marks added between two looks at the clock while painting. */
const PAINT_CHUNK = 128;

/**
 * Turns matches into marks and remembers them: the page summary, hover hit-testing and keyboard
 * stepping all read `mentions`. Scans are additive, so late content costs only its own text.
 */
export class PageAnnotator {
  mentions: Mention[] = [];
  #settings: Settings | null = null;
  #generation = 0;

  constructor(
    private readonly doc: Document,
    private readonly matchText: MatchText,
    private readonly marks: MarkLayer,
  ) {}

  /**
   * Annotates a subtree: walks its text in slices of about SLICE_MS, has the background match it (the
   * page's main thread is free meanwhile), then turns matches into marks in slices, yielding to the
   * page between any two; a long page (200k words) must not freeze while it is marked. The end state
   * is exactly what `scan` makes. Resolves to false when `clear()` abandoned the job or the background
   * could not answer.
   */
  async scanInSlices(root: Element, options: CollectOptions = {}): Promise<boolean> {
    const generation = this.#generation;
    const abandoned = () => generation !== this.#generation;
    const collected = await this.#collectInSlices(root, options);
    if (!collected || abandoned()) return false;
    const { map, yielded } = collected;
    // After a walk in slices, its last slice has used this task: posting the text gets tasks of its own.
    if (yielded) {
      await yieldToPage();
      if (abandoned()) return false;
    }
    const matches = await measureAsync('reglens:match', () => this.matchText(map.text));
    if (!matches || abandoned()) return false;
    // The reply is a task of its own, but it may run ahead of the page's due timers: on a page long
    // enough to have been walked in slices, the page gets its turn first.
    if (yielded) {
      await yieldToPage();
      if (abandoned()) return false;
    }
    const mentions: Mention[] = [];
    let converted = 0;
    let sliced = yielded;
    let sliceStart = performance.now();
    for (;;) {
      const deadline = sliceStart + SLICE_MS;
      measure('reglens:slice', () => {
        while (converted < matches.length && ((converted & 31) !== 31 || performance.now() < deadline)) {
          const mention = this.#mentionOf(matches[converted++]!, map);
          if (mention) mentions.push(mention);
        }
      });
      if (converted === matches.length) break;
      await yieldToPage();
      if (abandoned()) return false;
      sliced = true;
      sliceStart = performance.now();
    }
    // On a long page the paint is a slice's worth of work of its own (~10 ms at 200k words, observing
    // every marked paragraph): it does not share a task with the last slice.
    if (sliced || performance.now() - sliceStart >= SLICE_MS) {
      await yieldToPage();
      if (abandoned()) return false;
    }
    if (this.mentions.length > 0) {
      // Marked already (another job finished first, or late content came in): replace what is in `root`.
      this.#keep([root], mentions);
      return true;
    }
    this.mentions = mentions;
    return this.#addMarksInSlices(mentions, abandoned);
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
  async #collectInSlices(root: Element, options: CollectOptions): Promise<{ map: TextMap; yielded: boolean } | null> {
    const generation = this.#generation;
    let changed = false;
    const observer = new (this.doc.defaultView!.MutationObserver)(() => void (changed = true));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    try {
      const steps = collectTextInSteps(root, options);
      let yielded = false;
      for (;;) {
        const next = measure('reglens:collect', () => {
          const deadline = performance.now() + SLICE_MS;
          let step = steps.next();
          while (!step.done && performance.now() < deadline) step = steps.next();
          return step;
        });
        if (next.done) return { map: next.value, yielded };
        await yieldToPage();
        yielded = true;
        if (generation !== this.#generation) return null;
        if (changed) return { map: measure('reglens:collect', () => collectText(root, options)), yielded };
      }
    } finally {
      observer.disconnect();
    }
  }

  /**
   * Marks late content in `roots` in one piece (it is small): their texts go to the background as one,
   * a block break between two, so a batch of new items (a feed's next page) costs one round trip and
   * one repaint, however many they are. Resolves to how many mentions they have.
   */
  async scan(roots: readonly Element[], options: { allText?: boolean } = {}): Promise<number> {
    const generation = this.#generation;
    // Sub-measures show in DevTools where a slow page's time goes.
    const map = measure('reglens:collect', () => joinTextMaps(roots.map((root) => collectText(root, options))));
    const matches = await measureAsync('reglens:match', () => this.matchText(map.text));
    if (!matches || generation !== this.#generation) return 0;
    const found = measure('reglens:ranges', () => matches.flatMap((match) => this.#mentionOf(match, map) ?? []));
    this.#keep(roots, found);
    return found.length;
  }

  /** Rescanned subtrees replace what was found in them before; removed text leaves collapsed ranges. */
  #keep(roots: readonly Element[], found: Mention[]): void {
    const kept = this.mentions.filter((mention) => !mention.range.collapsed && !roots.some((root) => root.contains(mention.range.startContainer)));
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

  /** Null for text the page removed while it was matched in the background (see TextMap.toRange). */
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
    for (const [category, ranges] of this.#rangesByCategory(this.mentions)) this.marks.set(category, ranges);
  }
}

function inDocumentOrder(a: Mention, b: Mention): number {
  return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
}
