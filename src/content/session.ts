import type { EntryFacts } from '../core/glossary/facts.ts';
import type { ArticleGuess } from '../dom/article-finder.ts';
import type { MarkLayer } from '../dom/marks.ts';
import { withinSkipped } from '../dom/skip-rules.ts';
import { collectText, type TextMap } from '../dom/text-walk.ts';
import { readPageMeta } from '../dom/page-meta.ts';
import { request, requestWithRetry } from '../messaging/client.ts';
import type { PageSettings as Settings } from '../messaging/protocol.ts';
import type { EntityCount, SaveResult } from '../messaging/tab-protocol.ts';
import { PageAnnotator, type MatchText } from './annotator.ts';
import { draftFromSelection } from './capture.ts';
import { watchLiveUpdates } from './live-updates.ts';
import type { PageDeps } from './page.ts';
import { SavedHighlights } from './saved-highlights.ts';
import { SelectionSaver } from './save-control/selection-saver.ts';
import { measureAsync } from './timing.ts';
import { TooltipController } from './tooltip-controller.ts';

/** What exists while RegLens is active in a page; destroy() removes every mark, listener and node. */
export class Session {
  readonly tooltip: TooltipController;
  readonly saved: SavedHighlights;
  readonly #saver: SelectionSaver;
  readonly #marks: MarkLayer;
  readonly #facts = new Map<string, Promise<EntryFacts | null>>();
  #annotator: PageAnnotator | null = null;
  #stopLive: () => void = () => {};
  #allText = false;
  #annotateCalls = 0;
  savedReady: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: PageDeps,
    private readonly guess: ArticleGuess,
    private readonly settings: () => Settings | null,
    private readonly orphaned: () => void,
  ) {
    const { doc, runtime } = deps;
    this.#marks = deps.createMarkLayer(doc);
    this.saved = new SavedHighlights(this.#marks);
    this.tooltip = new TooltipController({
      doc,
      marks: this.#marks,
      mentions: () => this.#annotator?.visible() ?? [],
      facts: (id) => this.#factsFor(id),
      mute: (id) => void request(runtime, 'settings/mute-term', { id }),
      neverOnSite: () => void request(runtime, 'settings/never-on-site', { host: doc.location.host }),
    });
    this.#saver = new SelectionSaver(doc, () => this.#saveSelection());
  }

  get annotated(): boolean {
    return this.#annotator !== null;
  }

  summary(): EntityCount[] {
    return this.#annotator?.summary() ?? [];
  }

  applySettings(settings: Settings): void {
    this.#annotator?.applySettings(settings);
  }

  /**
   * Marks the page, in slices (see PageAnnotator.scanInSlices), then follows its live updates.
   * `reglens:annotate` spans the whole job, recorded once every slice is matched and painted (the E2E
   * tests and the browser benchmark wait for it); a job abandoned halfway records nothing.
   */
  async annotate(matchText: MatchText, allText: boolean): Promise<void> {
    const { doc } = this.deps;
    this.#allText ||= allText;
    this.#annotator ??= new PageAnnotator(doc, matchText, this.#marks);
    const current = this.settings();
    if (current) this.#annotator.applySettings(current);
    const root = this.#allText ? doc.body : this.guess.root;
    const annotator = this.#annotator;
    this.#stopLive();
    this.#stopLive = () => {};
    // Only the latest of overlapping calls (the popup asking while the page is being marked) goes on
    // to watch the page, so no watcher is left running unstoppable.
    const call = ++this.#annotateCalls;
    if (!(await annotateInSlices(annotator, root, this.#allText))) return;
    if (call !== this.#annotateCalls || annotator !== this.#annotator) return;
    this.#stopLive = watchLiveUpdates(doc, {
      ignore: (node) => this.tooltip.host.contains(node) || this.#saver.host.contains(node),
      onAdded: (roots) => {
        // Only the new subtree is walked (an allText walk would start again from <body>), and not
        // when it sits in something the full pass skips: an editor, a form, a comments box.
        const rescans = (added: Element) =>
          this.#allText
            ? !withinSkipped(added, doc.body, { furniture: false })
            : added.contains(root) || (root.contains(added) && !withinSkipped(added, root));
        const rescanned = roots.filter(rescans);
        if (rescanned.length) void measureAsync('reglens:rescan', () => annotator.scan(rescanned));
        // Lazily: collecting the whole body's text is costly on huge pages, and needed only when a
        // saved passage is still missing.
        void this.saved.retryMissing(() => this.#highlightText());
      },
      onNavigate: () => {
        // A single-page app moved to another article: start over on the new content.
        this.tooltip.close();
        annotator.clear();
        const next = this.deps.findArticle(doc);
        void annotateInSlices(annotator, next.root, this.#allText).then(() => this.loadSaved());
      },
    });
  }

  /** Marks the page again (the reader's own terms changed, and so what the background matches). */
  reannotate(matchText: MatchText): Promise<void> {
    this.#annotator?.clear();
    this.#annotator = null;
    return this.annotate(matchText, this.#allText);
  }

  /** Fetches this page's saved highlights and draws them (after any earlier draw is dropped). */
  loadSaved(): Promise<void> {
    const { doc, runtime } = this.deps;
    const { canonical } = readPageMeta(doc);
    this.savedReady = request(runtime, 'highlights/for-page', { url: doc.location.href, ...(canonical ? { canonical } : {}) }).then(
      async (reply) => {
        if (!reply.ok) return void (reply.error.code === 'unavailable' && this.orphaned());
        if (reply.value.length) await measureAsync('reglens:reanchor', () => this.saved.draw(reply.value, this.#highlightText()));
      },
    );
    return this.savedReady;
  }

  saveSelection(): Promise<SaveResult> {
    return this.#saver.saveNow();
  }

  reveal(id: string): boolean {
    const range = this.saved.rangeOf(id);
    if (!range) return false;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.#marks.set('focus', [range]);
    return true;
  }

  destroy(): void {
    this.#stopLive();
    this.#stopLive = () => {};
    this.tooltip.destroy();
    this.#saver.destroy();
    this.saved.destroy();
    this.#annotator?.clear();
    this.#marks.destroy();
  }

  /** Saved passages may sit anywhere in the page's prose, so they anchor against the whole body. */
  #highlightText(): TextMap {
    return collectText(this.deps.doc.body, { allText: true });
  }

  async #saveSelection(): Promise<SaveResult> {
    const draft = draftFromSelection(this.deps.doc, this.#highlightText(), this.#annotator?.visible() ?? []);
    if (!draft) return { saved: false, reason: 'Select some of the article text first.' };
    const reply = await requestWithRetry(this.deps.runtime, 'highlight/create', draft);
    if (!reply.ok) {
      if (reply.error.code === 'unavailable') this.orphaned();
      // Private windows, full disks, a newer RegLens's database: say plainly that nothing was kept,
      // never fail silently. A labelled problem arrives already worded (and translated) by the background.
      const { code, message, problem } = reply.error;
      const reason = problem || code !== 'storage' ? message : `RegLens cannot save here (${message}). Nothing was saved.`;
      return { saved: false, reason, ...(problem ? { problem } : {}) };
    }
    await this.loadSaved();
    return { saved: true, id: reply.value.id };
  }

  #factsFor(id: string): Promise<EntryFacts | null> {
    let facts = this.#facts.get(id);
    if (!facts) {
      facts = request(this.deps.runtime, 'glossary/facts', { ids: [id] }).then((reply) => {
        if (!reply.ok && reply.error.code === 'unavailable') this.orphaned();
        return reply.ok ? (reply.value[0] ?? null) : null;
      });
      this.#facts.set(id, facts);
    }
    return facts;
  }
}

/** One annotation job, measured as `reglens:annotate` from start to last paint if it completes. */
async function annotateInSlices(annotator: PageAnnotator, root: Element, allText: boolean): Promise<boolean> {
  const start = performance.now();
  const completed = await annotator.scanInSlices(root, { allText });
  if (completed) performance.measure('reglens:annotate', { start, end: performance.now() });
  return completed;
}
