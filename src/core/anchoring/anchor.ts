import search from 'approx-string-match';
import type { Selectors } from '../highlights/model.ts';

/**
 * Finds a saved highlight again in a page's text, which may have been edited since. The strategy is
 * the one hypothesis/client's anchoring uses (exact quote, then position-guided fuzzy matching), with
 * its cost bounded so that hundreds of highlights place within a frame budget.
 *
 * - `position`: the exact quote is still where it was.
 * - `exact`: the exact quote moved; among several occurrences the one whose prefix/suffix agree best
 *   wins, then the one nearest the old position.
 * - `fuzzy`: the quote itself was edited; found with at most `maxErrors` edits (Myers' algorithm).
 */
export interface Anchor {
  start: number;
  end: number;
  method: 'position' | 'exact' | 'fuzzy';
}

export interface AnchorOptions {
  /** Edits allowed in a fuzzy match. Default: a quarter of the quote's length; never more than 32. */
  maxErrors?: number;
  /**
   * Where neighbouring highlights were found relative to their saved positions. An edit above the
   * highlights shifts them all alike, so trying the same shift first saves a scan of the page.
   */
  shift?: number;
}

/** Fuzzy matching looks here (chars each side of the saved position) before it looks everywhere. */
export const SEARCH_WINDOW = 2000;
/** Whole-text fuzzy search runs only for quotes at least this long: shorter ones match by chance. */
const MIN_WHOLE_TEXT_QUOTE = 16;
/**
 * Myers' search costs about (region length) x (quote length / 32) steps. Within this budget the whole
 * quote is searched, so an edit anywhere in it counts once; beyond it (a long quote over the whole
 * text), only its first and last HEAD_TAIL chars are searched and paired by span length.
 */
const FULL_SEARCH_BUDGET = 400_000;
const HEAD_TAIL = 32;
const MAX_ERRORS_CAP = 32;
/** Whole-text fuzzy search only on texts up to this long (~25k words: well under a 50 ms task). */
const MAX_FUZZY_TEXT = 150_000;
/** An exact match with at least this share of its saved context is taken without looking further. */
const TRUSTED_CONTEXT = 0.5;
/** A one-letter quote may occur everywhere; candidates beyond this many are not scored. */
const MAX_OCCURRENCES = 10_000;

// Scoring weights: context agreement dominates, the old position breaks ties (as in hypothesis).
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 40;
const POSITION_WEIGHT = 2;

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

export function anchor(text: string, selectors: Selectors, options: AnchorOptions = {}): Anchor | null {
  const { exact } = selectors.quote;
  if (typeof exact !== 'string' || exact.length === 0 || exact.length > text.length + MAX_ERRORS_CAP) return null;
  const hint = clamp(selectors.position.start, 0, text.length);
  const score = scorer(text, selectors, hint);

  if (text.startsWith(exact, hint) && contextAgreement(text, hint, hint + exact.length, selectors) === 1) {
    return { start: hint, end: hint + exact.length, method: 'position' };
  }
  const shifted = clamp(hint + (options.shift ?? 0), 0, text.length);
  if (shifted !== hint && text.startsWith(exact, shifted) && contextAgreement(text, shifted, shifted + exact.length, selectors) === 1) {
    return { start: shifted, end: shifted + exact.length, method: 'exact' };
  }

  const found = best(exactOccurrences(text, exact), score);
  const trusted = found && contextAgreement(text, found.start, found.end, selectors) >= TRUSTED_CONTEXT;
  if (found && trusted) return placed(found, hint);

  // The quote may also be elsewhere by chance while the highlighted copy was edited: an edited match
  // near the saved position with its context intact outranks a distant exact match without it.
  const maxErrors = Math.min(MAX_ERRORS_CAP, options.maxErrors ?? Math.floor(exact.length / 4));
  if (maxErrors < 1) return found && placed(found, hint);
  // Around where the neighbours moved to, when they moved; else around the saved position.
  const centre = clamp(hint + (options.shift ?? 0), 0, text.length);
  const lo = Math.max(0, centre - SEARCH_WINDOW);
  const hi = Math.min(text.length, centre + exact.length + SEARCH_WINDOW);
  const near = best(fuzzyIn(text, lo, hi, exact, maxErrors), score);
  if (found && (!near || score(found) >= score(near))) return placed(found, hint);
  if (near) return { start: near.start, end: near.end, method: 'fuzzy' };
  const wholeTextIsNew = lo > 0 || hi < text.length;
  if (!wholeTextIsNew || exact.length < MIN_WHOLE_TEXT_QUOTE) return null;
  // One synchronous search over a very long page would be a long task: there, a passage that moved
  // far AND was edited is found only if its first or last words survived verbatim.
  const far = text.length <= MAX_FUZZY_TEXT ? best(fuzzyIn(text, 0, text.length, exact, maxErrors), score) : best(headOrTail(text, exact), score);
  return far ? { start: far.start, end: far.end, method: 'fuzzy' } : null;
}

function placed({ start, end }: Candidate, hint: number): Anchor {
  return { start, end, method: start === hint ? 'position' : 'exact' };
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : min;
}

function* exactOccurrences(text: string, exact: string): Generator<Candidate> {
  let count = 0;
  for (let at = text.indexOf(exact); at !== -1 && count < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1), count++) {
    yield { start: at, end: at + exact.length, errors: 0 };
  }
}

/** Approximate matches of `exact` inside text[lo, hi). Long quotes: head and tail, then span length. */
function fuzzyIn(text: string, lo: number, hi: number, exact: string, maxErrors: number): Candidate[] {
  const region = lo === 0 && hi === text.length ? text : text.slice(lo, hi);
  const shift = (m: Candidate): Candidate => ({ start: m.start + lo, end: m.end + lo, errors: m.errors });
  if (region.length * Math.ceil(exact.length / 32) <= FULL_SEARCH_BUDGET) return search(region, exact, maxErrors).map(shift);

  const partErrors = Math.min(maxErrors, HEAD_TAIL / 4);
  const heads = search(region, exact.slice(0, HEAD_TAIL), partErrors);
  const tails = search(region, exact.slice(-HEAD_TAIL), partErrors).sort((a, b) => a.end - b.end);
  const pairs: Candidate[] = [];
  for (const head of heads) {
    // Tails whose end makes a span within maxErrors of the quote's length.
    const from = lowerBound(tails, head.start + exact.length - maxErrors);
    for (let i = from; i < tails.length; i++) {
      const tail = tails[i]!;
      const drift = Math.abs(tail.end - head.start - exact.length);
      if (drift > maxErrors) break;
      const errors = head.errors + tail.errors + drift;
      if (errors <= maxErrors && tail.start >= head.end - HEAD_TAIL) pairs.push(shift({ start: head.start, end: tail.end, errors }));
    }
  }
  return pairs;
}

/** Exact occurrences of the quote's first or last HEAD_TAIL chars, extended to the quote's length. */
function* headOrTail(text: string, exact: string): Generator<Candidate> {
  if (exact.length < 2 * HEAD_TAIL) return;
  const errors = Math.floor(exact.length / 4);
  for (const head of exactOccurrences(text, exact.slice(0, HEAD_TAIL))) yield { start: head.start, end: Math.min(text.length, head.start + exact.length), errors };
  for (const tail of exactOccurrences(text, exact.slice(-HEAD_TAIL))) yield { start: Math.max(0, tail.end - exact.length), end: tail.end, errors };
}

function lowerBound(sorted: readonly Candidate[], end: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]!.end < end) low = mid + 1;
    else high = mid;
  }
  return low;
}

function best(candidates: Iterable<Candidate>, score: (c: Candidate) => number): Candidate | null {
  let winner: Candidate | null = null;
  let top = -Infinity;
  for (const candidate of candidates) {
    const value = score(candidate);
    if (value > top) [winner, top] = [candidate, value];
  }
  return winner;
}

function scorer(text: string, selectors: Selectors, hint: number): (c: Candidate) => number {
  const length = selectors.quote.exact.length;
  const span = Math.max(1, text.length);
  return (c) =>
    QUOTE_WEIGHT * (1 - c.errors / length) +
    CONTEXT_WEIGHT * contextAgreement(text, c.start, c.end, selectors) +
    POSITION_WEIGHT * (1 - Math.min(1, Math.abs(c.start - hint) / span));
}

/** Share (0..1) of the saved prefix and suffix found next to [start, end), counted outwards. */
function contextAgreement(text: string, start: number, end: number, { quote }: Selectors): number {
  const { prefix, suffix } = quote;
  const total = prefix.length + suffix.length;
  if (total === 0) return 1;
  let before = 0;
  while (before < prefix.length && before < start && text.charCodeAt(start - 1 - before) === prefix.charCodeAt(prefix.length - 1 - before)) before++;
  let after = 0;
  while (after < suffix.length && end + after < text.length && text.charCodeAt(end + after) === suffix.charCodeAt(after)) after++;
  return (before + after) / total;
}
