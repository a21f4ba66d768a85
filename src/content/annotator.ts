import { categoryOf, type Category } from '../core/glossary/facts.ts';
import type { Kind } from '../core/glossary/schema.ts';
import type { Matcher } from '../core/matcher/index.ts';
import type { PageSettings as Settings } from '../messaging/protocol.ts';
import type { EntityCount } from '../messaging/tab-protocol.ts';
import type { MarkLayer } from '../dom/marks.ts';
import { collectText } from '../dom/text-walk.ts';
import { measure } from './timing.ts';

export interface Mention {
  id: string;
  kind: Kind;
  category: Category;
  range: Range;
}

const CATEGORIES: Category[] = ['body', 'law', 'phrase'];

/**
 * Turns matches into marks and remembers them: the page summary, hover hit-testing and keyboard
 * stepping all read `mentions`. Scans are additive, so late content costs only its own text.
 */
export class PageAnnotator {
  mentions: Mention[] = [];
  #settings: Settings | null = null;

  constructor(
    private readonly doc: Document,
    private readonly matcher: Matcher,
    private readonly marks: MarkLayer,
  ) {}

  scan(root: Element, options: { allText?: boolean } = {}): number {
    // Sub-measures show in DevTools where a slow page's time goes.
    const map = measure('reglens:collect', () => collectText(root, options));
    const matches = measure('reglens:match', () => this.matcher.match(map.text));
    const found: Mention[] = [];
    measure('reglens:ranges', () => {
      for (const match of matches) {
        const range = map.toRange(match.start, match.end, this.doc);
        if (range) found.push({ id: match.id, kind: match.kind, category: categoryOf(match.kind), range });
      }
    });
    // A rescanned subtree replaces what was found in it before; removed text leaves collapsed ranges.
    const kept = this.mentions.filter((mention) => !mention.range.collapsed && !root.contains(mention.range.startContainer));
    this.mentions = kept.concat(found);
    if (kept.length && found.length) this.mentions.sort(inDocumentOrder);
    measure('reglens:paint', () => this.#paint());
    return found.length;
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
    return [...counts.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  }

  clear(): void {
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

  #paint(): void {
    for (const category of CATEGORIES) {
      this.marks.set(
        category,
        this.mentions.filter((mention) => mention.category === category && this.#shows(mention)).map((mention) => mention.range),
      );
    }
  }
}

function inDocumentOrder(a: Mention, b: Mention): number {
  return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
}
