import type { EntryFacts } from '../core/glossary/facts.ts';
import type { CompiledMatcher, Matcher } from '../core/matcher/index.ts';
import type { ArticleGuess } from '../dom/article-finder.ts';
import type { MarkLayer } from '../dom/marks.ts';
import { request } from '../messaging/client.ts';
import type { Settings } from '../messaging/protocol.ts';
import type { MessageRuntime } from '../messaging/runtime.ts';
import type { TabSummary } from '../messaging/tab-protocol.ts';
import { serveTab } from '../messaging/tab-server.ts';
import { PageAnnotator } from './annotator.ts';
import { watchLiveUpdates } from './live-updates.ts';
import { measure } from './timing.ts';
import { TooltipController } from './tooltip-controller.ts';

export interface PageDeps {
  doc: Document;
  runtime: MessageRuntime;
  createMatcher(compiled: CompiledMatcher): Matcher;
  findArticle(doc: Document): ArticleGuess;
  createMarkLayer(doc: Document): MarkLayer;
}

/**
 * The content script's lifecycle. On every page it only decides whether the page is an article; the
 * matcher, marks, tooltip and observers exist only once the page is annotated (automatically for
 * articles, or on demand from the popup or keyboard). An orphaned script (extension updated or
 * reloaded) stops everything it started.
 */
export function startPage(deps: PageDeps): void {
  const { doc, runtime } = deps;
  const guess = measure('reglens:detect', () => deps.findArticle(doc));
  let session: Session | null = null;
  let settings: Settings | null = null;
  let matcher: Promise<Matcher | null> | null = null;

  const loadSettings = async () => {
    const reply = await request(runtime, 'settings/get', {});
    if (!reply.ok) return reply.error.code === 'unavailable' ? stop() : null;
    settings = reply.value;
    session?.annotator.applySettings(settings);
    return settings;
  };

  // The compiled knowledge base comes from the background, and only to pages that get annotated:
  // the script every page loads stays small.
  const loadMatcher = () =>
    (matcher ??= request(runtime, 'matcher/compiled', {}).then((reply) => {
      if (!reply.ok) return reply.error.code === 'unavailable' ? stop() : null;
      return measure('reglens:matcher-load', () => deps.createMatcher(reply.value));
    }));

  const annotate = async (allText: boolean) => {
    const [ready] = await Promise.all([loadMatcher(), settings ?? loadSettings()]);
    if (!ready) return summary();
    session ??= new Session(deps, guess, ready, () => settings, stop);
    session.annotate(allText);
    return summary();
  };

  const summary = (): TabSummary => ({
    url: doc.location.href,
    title: doc.title,
    isArticle: guess.isArticle,
    annotated: session !== null,
    entities: session?.annotator.summary() ?? [],
  });

  const stopServing = serveTab(runtime, {
    'tab/summary': summary,
    'tab/annotate': () => annotate(!guess.isArticle),
    'tab/focus': ({ id }) => ({ found: session?.tooltip.focusEntity(id) ?? false }),
    'tab/step': async ({ direction }) => {
      if (!session) await annotate(!guess.isArticle);
      return { found: session?.tooltip.step(direction) ?? false };
    },
    'tab/settings-changed': async () => {
      await loadSettings();
      if (settings?.neverSites.includes(doc.location.host)) session?.destroy(), (session = null);
      return { applied: true as const };
    },
  });

  function stop() {
    stopServing();
    session?.destroy();
    session = null;
    return null;
  }

  if (guess.isArticle) {
    void loadSettings().then(async (loaded) => {
      if (!loaded || loaded.neverSites.includes(doc.location.host)) return;
      const { entities } = await annotate(false);
      void request(runtime, 'page/seen', {
        url: doc.location.href,
        title: doc.title.slice(0, 1000),
        entities: entities.map(({ id, count }) => ({ id, count })),
      });
    });
  }
}

/** What exists while a page is annotated; destroy() removes every mark, listener and node. */
class Session {
  readonly annotator: PageAnnotator;
  readonly tooltip: TooltipController;
  readonly #marks: MarkLayer;
  readonly #facts = new Map<string, Promise<EntryFacts | null>>();
  #stopLive: () => void = () => {};
  #allText = false;

  constructor(
    private readonly deps: PageDeps,
    private readonly guess: ArticleGuess,
    matcher: Matcher,
    settings: () => Settings | null,
    private readonly orphaned: () => void,
  ) {
    const { doc, runtime } = deps;
    this.#marks = deps.createMarkLayer(doc);
    this.annotator = new PageAnnotator(doc, matcher, this.#marks);
    const current = settings();
    if (current) this.annotator.applySettings(current);
    this.tooltip = new TooltipController({
      doc,
      marks: this.#marks,
      mentions: () => this.annotator.visible(),
      facts: (id) => this.#factsFor(id),
      mute: (id) => void request(runtime, 'settings/mute-term', { id }),
      neverOnSite: () => void request(runtime, 'settings/never-on-site', { host: doc.location.host }),
    });
  }

  annotate(allText: boolean): void {
    this.#allText ||= allText;
    const root = this.#allText ? this.deps.doc.body : this.guess.root;
    measure('reglens:annotate', () => this.annotator.scan(root, { allText: this.#allText }));
    this.#stopLive();
    this.#stopLive = watchLiveUpdates(this.deps.doc, {
      ignore: (node) => this.tooltip.host.contains(node),
      onAdded: (roots) =>
        measure('reglens:rescan', () => {
          for (const added of roots) if (this.#allText || root.contains(added) || added.contains(root)) this.annotator.scan(added, { allText: this.#allText });
        }),
      onNavigate: () => {
        // A single-page app moved to another article: start over on the new content.
        this.tooltip.close();
        this.annotator.clear();
        const next = this.deps.findArticle(this.deps.doc);
        measure('reglens:annotate', () => this.annotator.scan(next.root, { allText: this.#allText }));
      },
    });
  }

  destroy(): void {
    this.#stopLive();
    this.tooltip.destroy();
    this.annotator.clear();
    this.#marks.destroy();
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
