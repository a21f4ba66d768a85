import { BLOCK_BREAK, createMatcher, type CompiledMatcher, type PartsJob, type SlicingMatcher } from '../core/matcher/index.ts';
import { packMatches, type PackedMatches } from '../core/matcher/packed.ts';
import { MAX_MATCH_TEXT } from '../messaging/limits.ts';
import type { RequestOf } from '../messaging/protocol.ts';

/** Longest stretch of matching before other messages (the popup, another tab) get their turn. */
const SLICE_MS = 50;

/**
 * A text whose last part has not come for this long was abandoned (its page closed half-way): it is
 * dropped when another text starts. Parts are posted all at once, so a live text's next part is at
 * most a busy moment away; twenty tabs restored at once interleave their parts, and must all be kept.
 */
const ABANDONED_AFTER_MS = 30_000;
/** And however fresh, no more texts than this are kept half-received. */
const OPEN_JOBS_MAX = 64;

interface OpenJob {
  /** The parts added so far, in order: each waits for the one before (and the first for the matcher). */
  added: Promise<PartsJob>;
  next: number;
  length: number;
  lastPartAt: number;
}

/**
 * Matches pages' prose with one matcher per compiled knowledge base (a reader's own terms make a new
 * one), built on first use and kept: after the first page its code is compiled and optimised, so a
 * page's text is matched several times faster than a content script could, starting cold on every
 * page load, and no tab holds a matcher of its own. A long text comes in parts, scanned as they
 * arrive while the next ones are still in transit; the rest of the work runs once the last is in.
 */
export function pageMatching(now: () => number = Date.now) {
  const built = new WeakMap<CompiledMatcher, SlicingMatcher>();
  const open = new Map<string, OpenJob>();
  const matcherOf = (compiled: CompiledMatcher) => {
    let matcher = built.get(compiled);
    if (!matcher) built.set(compiled, (matcher = createMatcher(compiled)));
    return matcher;
  };
  /**
   * One part of a page's text; resolves to the matches once the last part is in, else to null.
   * `page` tells pages apart; `compiled` is asked for on a text's first part only.
   */
  const match = async (
    { job, part, text, last }: RequestOf<'text/match'>,
    page: string,
    compiled: () => Promise<CompiledMatcher>,
  ): Promise<PackedMatches | null> => {
    // Bookkeeping before any await: parts are counted in the order they arrived.
    const key = `${page}#${job}`;
    if (part === 0) {
      for (const [other, { lastPartAt }] of open) if (now() - lastPartAt > ABANDONED_AFTER_MS) open.delete(other);
      for (const oldest of open.keys()) if (open.size >= OPEN_JOBS_MAX) open.delete(oldest);
      open.delete(key);
      open.set(key, { added: compiled().then((c) => matcherOf(c).matchParts()), next: 0, length: 0, lastPartAt: now() });
    }
    const state = open.get(key);
    if (!state || state.next !== part) throw new Error("The page's text arrived incomplete.");
    state.next++;
    state.lastPartAt = now();
    state.length += text.length;
    if (state.length > MAX_MATCH_TEXT) {
      open.delete(key);
      throw new Error("The page's text is too long.");
    }
    state.added = state.added.then((parts) => (parts.add(text), parts));
    if (!last) {
      await state.added;
      return null;
    }
    open.delete(key);
    const finished = (await state.added).finish();
    while (!finished.step(performance.now() + SLICE_MS)) await new Promise((resume) => setTimeout(resume, 0));
    return packMatches(finished.result!);
  };
  /**
   * Builds the matcher and runs it once over a short sample of the knowledge base's own names, so
   * that the first page after the background starts finds its code compiled: for the idle moments
   * of a start (the database opening), not for when a page waits.
   */
  const warmUp = (compiled: CompiledMatcher) => void matcherOf(compiled).match(sampleOf(compiled));
  return Object.assign(match, { warmUp });
}

/** A paragraph per tenth entry: its first alias, then a generic reference ("the central bank"). */
export function sampleOf(compiled: CompiledMatcher): string {
  const paragraphs: string[] = [];
  for (let entry = 0; entry < compiled.aliases.length; entry += 10) {
    const alias = compiled.aliases[entry]![0];
    const anaphor = compiled.anaphora[entry % Math.max(1, compiled.anaphora.length)]?.text ?? '';
    if (alias !== undefined) paragraphs.push(`${typeof alias === 'string' ? alias : alias[0]} said on Tuesday that ${anaphor} would act.`);
  }
  return paragraphs.join(BLOCK_BREAK);
}
