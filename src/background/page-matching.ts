import { createMatcher, type CompiledMatcher, type SlicingMatcher } from '../core/matcher/index.ts';
import { packMatches, type PackedMatches } from '../core/matcher/packed.ts';

/** Longest stretch of matching before other messages (the popup, another tab) get their turn. */
const SLICE_MS = 50;

/**
 * Matches pages' prose with one matcher per compiled knowledge base (a reader's own terms make a new
 * one), built on first use and kept: after the first page its code is compiled and optimised, so a
 * page's text is matched several times faster than a content script could, starting cold on every
 * page load, and no tab holds a matcher of its own.
 */
export function pageMatching(): (compiled: CompiledMatcher, text: string) => Promise<PackedMatches> {
  const built = new WeakMap<CompiledMatcher, SlicingMatcher>();
  return async (compiled, text) => {
    let matcher = built.get(compiled);
    if (!matcher) built.set(compiled, (matcher = createMatcher(compiled)));
    const job = matcher.matchIncremental(text);
    while (!job.step(performance.now() + SLICE_MS)) await new Promise((resume) => setTimeout(resume, 0));
    return packMatches(job.result!);
  };
}
