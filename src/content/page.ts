import { splitAtBlocks } from '../core/matcher/parts.ts';
import { BLOCK_BREAK } from '../core/matcher/types.ts';
import { unpackMatches } from '../core/matcher/packed.ts';
import type { ArticleGuess } from '../dom/article-finder.ts';
import { clearMarksLeftBehind, type MarkLayer } from '../dom/marks.ts';
import { request, retryLostTransport } from '../messaging/client.ts';
import { MAX_MATCH_TEXT } from '../messaging/limits.ts';
import type { PageSettings as Settings } from '../messaging/protocol.ts';
import type { MessageRuntime, SiteListsStore } from '../messaging/runtime.ts';
import type { TabSummary } from '../messaging/tab-protocol.ts';
import { serveTab } from '../messaging/tab-server.ts';
import { readPageMeta } from '../dom/page-meta.ts';
import type { MatchText } from './annotator.ts';
import { showOrphanNotice } from './orphan-notice.ts';
import { Session } from './session.ts';
import { sendInSlices } from './slices.ts';
import { removeUiLeftBehind } from './ui-host.ts';
import { measure } from './timing.ts';

/**
 * Units of text per part sent to be matched: a 5k-word article is one part, a 50k-word report ten.
 * Under 64 KB of UTF-16 a part posts in ~0.2 ms in Chromium 156.0.8078; a part of 50,000 units took
 * ~2.5 ms, and the 200k-word bench page 86 ms of posting in all against 26 with parts this size.
 */
const MATCH_PART_UNITS = 32_000;

export interface PageDeps {
  doc: Document;
  runtime: MessageRuntime;
  siteLists: SiteListsStore;
  findArticle(doc: Document): ArticleGuess;
  createMarkLayer(doc: Document): MarkLayer;
}

/**
 * The content script's lifecycle. On every page it only decides whether the page is an article and
 * listens for RegLens's own requests; marks, tooltip, saved highlights and observers exist only once
 * the page is annotated (automatically for articles, or on demand from the popup, the keyboard or a
 * save). An orphaned script (extension updated or reloaded) stops everything it started.
 */
export function startPage(deps: PageDeps): void {
  const { doc, runtime } = deps;
  // A RegLens from before an update or reload may have drawn here: Chromium's orphaned script cleans
  // up after itself, Firefox's is unloaded mid-way and this one is injected in its place.
  clearMarksLeftBehind(doc);
  removeUiLeftBehind(doc);
  const guess = measure('reglens:detect', () => deps.findArticle(doc));
  let session: Session | null = null;
  let settings: Settings | null = null;
  let stopped = false;

  const loadSettings = async () => {
    const reply = await request(runtime, 'settings/get', {});
    if (!reply.ok) return reply.error.code === 'unavailable' ? orphaned() : null;
    const termsChanged = settings && JSON.stringify(settings.userTerms) !== JSON.stringify(reply.value.userTerms);
    settings = reply.value;
    session?.applySettings(settings);
    // The reader's own terms changed: the background matches with them now; mark the page again.
    if (termsChanged && session?.annotated) await session.reannotate(matchText);
    return settings;
  };

  // The knowledge base and its matcher live in the background: the script every page loads stays
  // small, and the matcher is warm from the pages before. A long text goes in parts, posted in slices:
  // the background scans each as it comes while the next ones are in transit. Past MAX_MATCH_TEXT,
  // the text up to a block break within it.
  let lastJob = 0;
  const matchText: MatchText = async (text) => {
    const matched = text.length <= MAX_MATCH_TEXT ? text : text.slice(0, Math.max(0, text.lastIndexOf(BLOCK_BREAK, MAX_MATCH_TEXT)));
    const parts = splitAtBlocks(matched, MATCH_PART_UNITS);
    // A background stopped mid-way loses the whole text: it goes again, as a new job.
    const reply = await retryLostTransport(async () => {
      const job = ++lastJob;
      const replies = await Promise.all(await sendInSlices(parts, (part, i) => request(runtime, 'text/match', { job, part: i, text: part, last: i === parts.length - 1 })));
      return replies.find((one) => !one.ok) ?? replies[replies.length - 1]!;
    });
    if (reply.ok) return reply.value ? unpackMatches(reply.value, matched) : null;
    return reply.error.code === 'unavailable' ? orphaned() : null;
  };

  const ensureSession = () => (session ??= new Session(deps, guess, () => settings, orphaned));

  const annotate = async (allText: boolean) => {
    if (!settings) await loadSettings();
    if (!stopped) await ensureSession().annotate(matchText, allText);
    return summary();
  };

  const summary = (): TabSummary => ({
    url: doc.location.href,
    ...pick(readPageMeta(doc), 'canonical'),
    title: doc.title,
    isArticle: guess.isArticle,
    annotated: session?.annotated ?? false,
    entities: session?.summary() ?? [],
  });

  const stopServing = serveTab(runtime, {
    'tab/summary': summary,
    'tab/annotate': () => annotate(!guess.isArticle),
    'tab/focus': ({ id }) => ({ found: session?.tooltip.focusEntity(id) ?? false }),
    'tab/step': async ({ direction }) => {
      if (!session?.annotated) await annotate(!guess.isArticle);
      return { found: session?.tooltip.step(direction) ?? false };
    },
    'tab/settings-changed': async () => {
      await loadSettings();
      if (settings?.neverSites.includes(doc.location.host)) {
        session?.destroy();
        session = null;
      }
      return { applied: true as const };
    },
    'tab/save-selection': () => ensureSession().saveSelection(),
    'tab/highlights-changed': async () => {
      await ensureSession().loadSaved();
      return session!.saved.status();
    },
    'tab/highlight-status': () => session?.saved.status() ?? { placed: [], missing: [] },
    'tab/reveal': async ({ id }) => {
      if (!session?.annotated && guess.isArticle) await annotate(false);
      await ensureSession().savedReady;
      return { found: session!.reveal(id) };
    },
  });

  function stop() {
    stopped = true;
    stopServing();
    session?.destroy();
    session = null;
    return null;
  }

  /** The extension was updated or reloaded under this script: clean up, and tell the reader once. */
  function orphaned() {
    const wasActive = session !== null;
    stop();
    if (wasActive) showOrphanNotice(doc);
    return null;
  }

  const host = doc.location.host;
  const start = async (allText: boolean) => {
    const loaded = await loadSettings();
    if (!loaded || loaded.neverSites.includes(host)) return;
    const { entities } = await annotate(allText);
    void session?.loadSaved();
    void request(runtime, 'page/seen', {
      url: doc.location.href,
      title: doc.title.slice(0, 1000),
      entities: entities.map(({ id, count }) => ({ id, count })),
    });
  };

  if (guess.isArticle) void start(false);
  // Elsewhere only the reader's "always" list, read from storage without waking the background.
  else void deps.siteLists.read().then((lists) => (lists.alwaysSites.includes(host) ? start(true) : undefined), () => undefined);
}

function pick<T extends object, K extends keyof T>(from: T, key: K): Partial<Pick<T, K>> {
  return from[key] === undefined ? {} : ({ [key]: from[key] } as Pick<T, K>);
}
