import type { Kind } from '../glossary/schema.ts';
import {
  BLOCK_BREAK_CODE,
  WORD,
  charClass,
  codePointBefore,
  codePointFrom,
  foldUnit,
  isIgnorable,
  isSpace,
  normaliseUnit,
} from '../text/chars.ts';
import { buildAutomaton, trieSize } from './automaton.ts';
import { aliasRows, isCaseSensitive, type AliasRow, type CompiledMatcher } from './compile.ts';
import {
  Blocks,
  DocumentWords,
  documentVerdict,
  evidenceDistance,
  hasDocumentRule,
  passesRule,
  toWordRule,
  type WordRule,
} from './context-rules.ts';
import { normaliseText, sortedKeys } from './normalise.ts';
import { paragraphCounter } from './paragraphs.ts';
import { startPatternOf } from './start-filter.ts';
import { BLOCK_BREAK, type Match, type MatchJob, type PartsJob, type SlicingMatcher } from './types.ts';

export { normaliseText } from './normalise.ts';

/** How one alias is checked once the automaton has found its key. Built on first hit (load time). */
interface Pattern {
  /** Normalised forms a case-sensitive alias accepts; null when case-insensitive. */
  forms: string[] | null;
  /** Entry index, or -1 - anaphor index. */
  target: number;
  rule: WordRule | null;
}

const KNOWN = 1;
/** The key starts with a letter or digit of a spaced script, so needs a word boundary there. */
const BOUND_START = 2;
/** The same at its end. */
const BOUND_END = 4;

/** Word-boundary needs of a key; case folding keeps character classes, so the alias's own are the same. */
function boundsOf(key: string): number {
  return (
    KNOWN |
    (charClass(key.codePointAt(0) ?? -1) === WORD ? BOUND_START : 0) |
    (charClass(codePointBefore(key, key.length)) === WORD ? BOUND_END : 0)
  );
}

/** Where a scan stands between two slices of text. */
interface ScanState {
  state: number;
  /** Normalised units seen so far. */
  units: number;
  /** Collapses runs of spaces; also drops leading ones. */
  afterSpace: boolean;
  /** Per recent normalised unit (a ring as long as the longest key): its offset in the text, and itself. */
  ringStart: Int32Array;
  ringUnit: Uint16Array;
  /** Every occurrence passing boundary and case checks, as flat (start, end, pattern) triples. */
  found: number[];
  /** The text lower-cased, when that keeps every offset (no İ); else null. */
  lower: string | null;
  /** Where `lower` is null: the text with only its ASCII letters lower-cased, for the start search. */
  asciiLower?: string;
  /** End of the last ASCII run walked as a start of its own. */
  walkedRunEnd?: number;
  /**
   * No walk starts before this: the start search, asked for one slice, already looked that far
   * (to the first start past the slice, or to the end of the text).
   */
  nextStart?: number;
}

/** How createMatcher scans; tests only. */
export interface MatcherOptions {
  /**
   * Scan with the full Aho–Corasick automaton (failure links, every position) instead of trie walks
   * from possible word starts. Same results, slower cold; kept as the oracle of a property test.
   */
  reference?: boolean;
}

// Units of work between two chances to yield: small enough that a cold slice stays within a few
// milliseconds of its deadline, large enough that the checks cost nothing.
const SCAN_CHUNK = 1024;
const CANDIDATE_CHUNK = 32;

function isAsciiWordUnit(c: number): boolean {
  const lower = c | 0x20;
  return (c >= 0x30 && c <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
}

/**
 * A case-sensitive alias also accepts a capitalised first letter ("the Fed" -> "The Fed" opening a
 * sentence) and, for multi-word names, an all-caps headline ("PEOPLE'S BANK OF CHINA"). Never a
 * lower-cased form: "sec" is not the SEC.
 */
function caseForms(exact: string): string[] {
  const forms = [exact];
  const capitalised = exact.charAt(0).toUpperCase() + exact.slice(1);
  if (capitalised.length === exact.length) forms.push(capitalised);
  const upper = exact.toUpperCase();
  if (exact.includes(' ') && upper.length === exact.length) forms.push(upper);
  return [...new Set(forms)];
}

function toPattern(row: AliasRow, rule: WordRule | null): Pattern {
  const [text, target, caseSensitive] = row;
  return { forms: caseSensitive ? caseForms(normaliseText(text)) : null, target, rule };
}

export function createMatcher(compiled: CompiledMatcher, options: MatcherOptions = {}): SlicingMatcher {
  // Only the root of the automaton is built up front; the rest of the trie, rules and case forms on
  // first use, because start-up runs each time the background starts, before the JIT has warmed up (see
  // tests/bench/core.bench.ts).
  const { keys, keyRows } =
    compiled.keys && compiled.keyRows
      ? { keys: compiled.keys, keyRows: compiled.keyRows }
      : sortedKeys(aliasRows(compiled).map((row) => row[0]));
  // What compileMatcher derived from its keys holds only with those keys.
  const shipped = compiled.keys === keys ? compiled : null;
  const automaton = buildAutomaton(keys, { failureLinks: options.reference === true, nodes: shipped?.trieNodes ?? trieSize(keys) });
  const { rootAscii, depth, lo, hi, keyLength, fail, firstOutput } = automaton;
  const { child, failOf, outputOf } = automaton;
  /** Per sorted key: 0 = not computed yet, else KNOWN | BOUND_START | BOUND_END. */
  const keyBounds = new Uint8Array(keys.length);
  let ringSize = 2;
  for (let i = 0; i < keyLength.length; i++) while (ringSize <= keyLength[i]!) ringSize *= 2;
  const ringMask = ringSize - 1;

  // Rows (see aliasRows) on demand: entry e's aliases are rows rowStart[e] to rowStart[e + 1] - 1.
  const rowStart = new Int32Array(compiled.aliases.length + 1);
  for (let e = 0; e < compiled.aliases.length; e++) rowStart[e + 1] = rowStart[e]! + compiled.aliases[e]!.length;
  const rowAt = (index: number): AliasRow => {
    const entries = compiled.aliases.length;
    if (index >= rowStart[entries]!) {
      const a = index - rowStart[entries]!;
      const { text, rule } = compiled.anaphora[a]!;
      return [text, -1 - a, isCaseSensitive(text) ? 1 : 0, rule ?? -1];
    }
    let e = 0;
    for (let b = entries; e + 1 < b; ) {
      const mid = (e + b) >>> 1;
      if (rowStart[mid]! <= index) e = mid;
      else b = mid;
    }
    while (rowStart[e + 1]! <= index) e++; // entries without aliases
    const alias = compiled.aliases[e]![index - rowStart[e]!]!;
    return typeof alias === 'string' ? [alias, e, isCaseSensitive(alias) ? 1 : 0, -1] : [alias[0], e, alias[1], alias[2]];
  };
  // Sized up front: filled in hit order, an empty array would go sparse (a hash table) in V8.
  const rules = new Array<WordRule | null>(compiled.rules.length).fill(null);
  const patterns = new Array<Pattern | null>(keys.length).fill(null);
  const patternAt = (index: number): Pattern => {
    let pattern = patterns[index];
    if (!pattern) {
      const row = rowAt(index);
      const ruleIndex = row[3];
      const rule = ruleIndex < 0 ? null : (rules[ruleIndex] ??= toWordRule(compiled.rules[ruleIndex]!));
      pattern = patterns[index] = toPattern(row, rule);
    }
    return pattern;
  };

  // Where a walk may start (see start-filter.ts): a native search skips the rest, which is most of a
  // page. Cold, script that looks at every word or unit costs several times the whole match.
  const startRuns = new RegExp(shipped?.startPattern ?? startPatternOf(keys), 'g');

  /**
   * Finds every key occurrence starting in text[from, to) (walks may read past `to`); appends to
   * s.found. A key that starts with a letter or digit needs a word boundary before it, so no walk
   * starts inside a word. From each possible start, a plain trie walk (no failure links) follows the
   * normalised, folded units. Finds exactly what scanReference finds (property test in
   * tests/unit/matcher-scan.test.ts).
   */
  function scanStarts(text: string, from: number, to: number, s: ScanState): void {
    const found = s.found;
    // Starts are searched in the lower-cased text (same offsets); walks and boundaries read the text.
    const source = s.lower ?? (s.asciiLower ??= text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase()));
    // Without this, a long stretch with no start (a run of code, or of letters with no key) would be
    // searched again for every slice before it: quadratic.
    const first = Math.max(from, s.nextStart ?? 0);
    if (first >= to) return;
    startRuns.lastIndex = first;
    // test() rather than exec(): no match object per start (thousands per page, all garbage). The
    // start is found from the end: word runs begin after a non-word unit (the pattern's lookbehind).
    for (let searched = first; ; searched = startRuns.lastIndex) {
      if (!startRuns.test(source)) return void (s.nextStart = source.length);
      const end = startRuns.lastIndex;
      const last = source.charCodeAt(end - 1);
      let i = end - 1;
      if (last >= 0x80) {
        while (i > searched && source.charCodeAt(i - 1) >= 0x80) i--;
        if (i >= to) return void (s.nextStart = i);
        // A non-ASCII unit may continue the ASCII run before it (a soft hyphen inside "Fed"):
        // walk from that run too, unless it was a start of its own.
        if (i > 0 && isAsciiWordUnit(source.charCodeAt(i - 1)) && s.walkedRunEnd !== i) {
          let run = i - 1;
          while (run > 0 && isAsciiWordUnit(source.charCodeAt(run - 1))) run--;
          walkRun(text, run, source.charCodeAt(run), found);
        }
        scanNonAscii(text, i, Math.min(to, end), found);
        continue;
      }
      if (isAsciiWordUnit(last)) {
        while (i > searched && isAsciiWordUnit(source.charCodeAt(i - 1))) i--;
        if (i >= to) return void (s.nextStart = i);
        s.walkedRunEnd = end;
        walkRun(text, i, source.charCodeAt(i), found);
      } else if (i < to) walk(text, i, rootAscii[last]!, found);
      else return void (s.nextStart = i);
    }
  }

  /** Walks from the ASCII run of letters and digits starting at i, whose first unit lower-cased is c. */
  function walkRun(text: string, i: number, c: number, found: number[]): void {
    const node = rootAscii[c]!;
    if (node === 0) return;
    // Runs are maximal, so only a non-ASCII letter (or one behind an invisible character) can put
    // this run inside a word.
    if (i > 0 && text.charCodeAt(i - 1) >= 0x80 && charClass(codePointBefore(text, i)) === WORD) return;
    walk(text, i, node, found);
  }

  /** Walks from every possible start in text[from, to), a run of non-ASCII units. */
  function scanNonAscii(text: string, from: number, to: number, found: number[]): void {
    const length = text.length;
    // Only skips walks early: a walk checks the boundary before each key it records.
    let prevWord = charClass(codePointBefore(text, from)) === WORD;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (isIgnorable(c)) continue; // invisible: word boundaries look through it
      if (c === BLOCK_BREAK_CODE || isSpace(c)) {
        prevWord = false;
        continue;
      }
      const unit = foldUnit(normaliseUnit(c));
      if (c >= 0xd800 && c <= 0xdfff) {
        // Surrogates: class of the whole code point for later boundaries; never skipped here.
        const low = i + 1 < length ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
          prevWord = charClass((c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000) === WORD;
        } else if (!(c >= 0xdc00 && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) {
          prevWord = charClass(c) === WORD;
        }
      } else {
        // A key starting here starts with `unit`, so needs a boundary when `unit` is a word unit.
        const keyWord = charClass(unit) === WORD;
        const wasWord = prevWord;
        prevWord = unit === c ? keyWord : charClass(c) === WORD;
        if (keyWord && wasWord) continue;
      }
      const node = child(0, unit);
      if (node !== 0) walk(text, i, node, found);
    }
  }

  /** Walks the trie from `node` (the first unit, at i), recording every key that ends on the way. */
  function walk(text: string, i: number, node: number, found: number[]): void {
    const length = text.length;
    let j = i; // the index of the last unit taken
    let afterSpace = false;
    for (;;) {
      const d = depth[node]!;
      const end = hi[node]!;
      let k = lo[node]!;
      for (; k < end && keyLength[k] === d; k++) {
        if (!withinWordBounds(k, text, i, j + 1)) continue;
        const p = keyRows[k]!;
        const pattern = patternAt(p);
        if (pattern.forms && !anyFormSpans(pattern.forms, text, i, j + 1)) continue;
        found.push(i, j + 1, p);
      }
      if (k === end) return; // a leaf
      // The next normalised unit, as scanReference would see it.
      let unit = -1;
      let at = j + 1;
      for (; at < length; at++) {
        const n = text.charCodeAt(at);
        if (n === 0x20) {
          if (afterSpace) continue;
          unit = 0x20;
        } else if (n >= 0x80 || n < 0x20) {
          if (n === BLOCK_BREAK_CODE) break;
          if (isIgnorable(n)) continue;
          if (isSpace(n)) {
            if (afterSpace) continue;
            unit = 0x20;
          } else unit = foldUnit(normaliseUnit(n));
        } else unit = n >= 0x41 && n <= 0x5a ? n | 0x20 : n;
        break;
      }
      if (unit < 0) return;
      const next = child(node, unit);
      if (next === 0) return;
      node = next;
      j = at;
      afterSpace = unit === 0x20;
    }
  }
  const scan = options.reference ? scanReference : scanStarts;

  /** Whether key k found at text[start, end) has the word boundaries it needs (not inside a word). */
  function withinWordBounds(k: number, text: string, start: number, end: number): boolean {
    let bounds = keyBounds[k]!;
    if (bounds === 0) bounds = keyBounds[k] = boundsOf(keys[k]!);
    if ((bounds & BOUND_START) !== 0 && charClass(codePointBefore(text, start)) === WORD) return false;
    return (bounds & BOUND_END) === 0 || charClass(codePointFrom(text, end)) !== WORD;
  }

  /** Scans text[from, to) on from where `s` stands; appends to s.found. */
  function scanReference(text: string, from: number, to: number, s: ScanState): void {
    const { ringStart, ringUnit, found } = s;
    let { state, units, afterSpace } = s;
    for (let i = from; i < to; i++) {
      let c = text.charCodeAt(i);
      if (c === 0x20) {
        if (afterSpace) continue; // the commonest unit that is not a letter: no calls for it
      } else if (c >= 0x80 || c < 0x20) {
        if (c === BLOCK_BREAK_CODE) {
          state = 0; // nothing spans a block break
          afterSpace = true;
          continue;
        }
        if (isIgnorable(c)) continue;
        if (isSpace(c)) {
          if (afterSpace) continue;
          c = 0x20;
        } else c = normaliseUnit(c);
      }
      afterSpace = c === 0x20;
      const slot = units & ringMask;
      ringStart[slot] = i;
      ringUnit[slot] = c;
      units++;

      // Automaton step: follow failure links until a transition exists or the root is reached.
      const unit = c < 0x80 ? (c >= 0x41 && c <= 0x5a ? c | 0x20 : c) : foldUnit(c);
      for (;;) {
        const next = state === 0 && unit < 0x80 ? rootAscii[unit]! : child(state, unit);
        if (next !== 0) {
          state = next;
          break;
        }
        if (state === 0) break;
        const f = fail[state]!;
        state = f >= 0 ? f : failOf(state);
      }

      const output = firstOutput[state]!;
      for (let node = output >= 0 ? output : outputOf(state); node !== 0; node = outputOf(failOf(node))) {
        // The keys ending at a node are the first of its range, and all as long as the node is deep.
        const length = depth[node]!;
        const first = units - length;
        const start = ringStart[first & ringMask]!;
        for (let k = lo[node]!, end = hi[node]!; k < end && keyLength[k] === length; k++) {
          // Word boundaries first: most hits of short keys are inside longer words ("sec" in
          // "second"), and are dropped before anything is built for their alias.
          if (!withinWordBounds(k, text, start, i + 1)) continue;
          const p = keyRows[k]!;
          const pattern = patternAt(p);
          if (pattern.forms && !pattern.forms.some((form) => ringEquals(ringUnit, ringMask, first, form))) continue;
          found.push(start, i + 1, p);
        }
      }
    }
    s.state = state;
    s.units = units;
    s.afterSpace = afterSpace;
  }

  const newScanState = (): ScanState => ({
    state: 0,
    units: 0,
    afterSpace: true,
    ringStart: new Int32Array(ringSize),
    ringUnit: new Uint16Array(ringSize),
    found: [],
    lower: null,
  });

  /**
   * The whole job, yielding after each unit of work; returns the result. match(), matchIncremental()
   * and matchParts() all run exactly this; `scanned` is what matchParts has found already, part by
   * part, in the text.
   */
  function* run(text: string, scanned?: Pick<ScanState, 'found' | 'lower'>): Generator<void, Match[], void> {
    const s: Pick<ScanState, 'found' | 'lower'> = scanned ?? newScanState();
    if (!scanned) yield* scanAll(text, s as ScanState);
    const found = s.found;
    const order: number[] = [];
    for (let i = 0; i < found.length; i += 3) order.push(i);
    // Leftmost-longest, as in Rust aho-corasick's MatchKind::LeftmostLongest; on equal spans an alias
    // with requireNear (more specific evidence) first, then data order.
    order.sort(
      (a, b) =>
        found[a]! - found[b]! ||
        found[b + 1]! - found[a + 1]! ||
        specificity(patternAt(found[b + 2]!)) - specificity(patternAt(found[a + 2]!)) ||
        found[a + 2]! - found[b + 2]!,
    );
    if (order.length > 0) yield;

    // Document rules need every word of the text, and avoidInDocument also every entry the text names
    // without one; both are gathered (in slices) before the first candidate that asks for them.
    // Both reuse the lower-cased text the scan made, where it has the text's offsets.
    const lower = s.lower ?? undefined;
    const doc = new DocumentWords(text, lower);
    const blocks = new Blocks(text, lower);
    const verdicts = new Map<WordRule, ReturnType<typeof documentVerdict>>(); // one per rule and text
    let docReady = false;
    /** Entries the text names by a form without document rules: they override avoidInDocument. */
    let defined: Set<number> | null = null;
    // Per candidate, whether its context rules pass without the allowance of a named entry: 1 = yes,
    // 2 = no. The avoidInDocument pass checks every candidate, and the main loop need not again.
    const contextVerdicts = new Uint8Array(found.length / 3);
    const passesContext = (at: number, rule: WordRule, named: boolean): boolean => {
      const known = contextVerdicts[at / 3]!;
      if (known === 1 || (known === 2 && !named)) return known === 1;
      // Being named only relaxes requireNear: a pass without it stands, a failure with it stands too.
      const passes = passesRule(text, found[at]!, found[at + 1]!, rule, named, blocks);
      if (!named) contextVerdicts[at / 3] = passes ? 1 : 2;
      return passes;
    };
    function* prepare(rule: WordRule): Generator<void, void, void> {
      if (!docReady) {
        if (doc.needsWords()) yield* doc.collect();
        docReady = true;
      }
      let verdict = verdicts.get(rule);
      if (verdict === undefined) verdicts.set(rule, (verdict = documentVerdict(rule, doc)));
      if (verdict !== 'avoided' || defined) return;
      const entries = new Set<number>();
      for (let i = 0; i < found.length; i += 3) {
        const pattern = patternAt(found[i + 2]!);
        if (pattern.target < 0 || entries.has(pattern.target) || hasDocumentRule(pattern.rule)) continue;
        if (!pattern.rule || passesContext(i, pattern.rule, false)) entries.add(pattern.target);
        if (i % (3 * CANDIDATE_CHUNK) === 0) yield;
      }
      defined = entries;
    }
    // Per entry, where it was last named by a form without requireNear. Being named is evidence for a
    // short form later on ("the Financial Services Commission ... The FSC said"; "Fitch Ratings" ...
    // "Lin said Fitch expected"): strongest in the same paragraph, weaker anywhere before.
    const namedAt = new Map<number, number>();
    const namedDistance = (entry: number, start: number, window: number): number => {
      const at = namedAt.get(entry);
      if (at === undefined) return Infinity;
      return text.lastIndexOf(BLOCK_BREAK, start) < at ? 0 : window + 1;
    };
    const distanceOf = (start: number, end: number, pattern: Pattern): number =>
      Math.min(namedDistance(pattern.target, start, pattern.rule!.window), evidenceDistance(text, start, end, pattern.rule!));
    /** Whether candidate `at` (an index into found) stands in its context. */
    const stands = (at: number): boolean => {
      const pattern = patternAt(found[at + 2]!);
      const rule = pattern.rule;
      if (!rule) return true;
      if (!passesContext(at, rule, pattern.target >= 0 && namedAt.has(pattern.target))) return false;
      if (!hasDocumentRule(rule)) return true;
      const verdict = verdicts.get(rule)!; // prepared
      return verdict === 'ok' || (verdict === 'avoided' && pattern.target >= 0 && defined!.has(pattern.target));
    };

    const named: Match[] = [];
    const namedEntries: number[] = [];
    const anaphorCandidates: number[] = [];
    let namedEnd = 0;
    for (let k = 0; k < order.length; k++) {
      const at = order[k]!;
      const start = found[at]!;
      const end = found[at + 1]!;
      // This candidate and the others of its span (nearestEvidence weighs them) may ask for document rules.
      for (let j = k; j < order.length && found[order[j]!] === start && found[order[j]! + 1] === end; j++) {
        const rule = patternAt(found[order[j]! + 2]!).rule;
        if (hasDocumentRule(rule) && (!docReady || !verdicts.has(rule!) || (verdicts.get(rule!) === 'avoided' && !defined))) {
          yield* prepare(rule!);
        }
      }
      const pattern = patternAt(found[at + 2]!);
      if (pattern.target < 0) {
        if (stands(at)) anaphorCandidates.push(at);
      } else if (start >= namedEnd && stands(at)) {
        const entry = nearestEvidence(found, order, k, distanceOf, stands);
        const m = toMatch(text, start, end, entry);
        named.push(m);
        namedEntries.push(entry);
        if (!pattern.rule || pattern.rule.requireNear.length === 0) namedAt.set(entry, start);
        namedEnd = end;
      }
      if (k % CANDIDATE_CHUNK === CANDIDATE_CHUNK - 1) yield;
    }
    if (anaphorCandidates.length === 0) return named;
    const resolved = yield* resolveAnaphora(text, found, anaphorCandidates, named, namedEntries);
    return mergeSorted(named, resolved);
  }

  function* scanAll(text: string, s: ScanState): Generator<void, void, void> {
    if (!options.reference) {
      const lower = text.toLowerCase();
      if (lower.length === text.length) s.lower = lower;
      yield; // a step of its own: several milliseconds on a 200k-word page
    }
    for (let from = 0; from < text.length; from += SCAN_CHUNK) {
      scan(text, from, Math.min(text.length, from + SCAN_CHUNK), s);
      yield;
    }
  }

  /**
   * A text that arrives in parts, each but the last ending just after a BLOCK_BREAK (see
   * splitAtBlocks): each part is scanned as it comes, as nothing spans a block break; the rest of
   * the work waits for the whole text. Its result always equals `match(parts.join(''))`.
   */
  function matchParts(): PartsJob {
    const parts: string[] = [];
    const lowers: string[] = [];
    const found: number[] = [];
    let length = 0;
    let lowerKept = true;
    return {
      add(part) {
        if (options.reference) return void parts.push(part); // the reference scan has no parts
        const s = newScanState();
        for (const _ of scanAll(part, s));
        lowerKept &&= s.lower !== null;
        if (s.lower !== null) lowers.push(s.lower);
        for (let i = 0; i < s.found.length; i += 3) found.push(s.found[i]! + length, s.found[i + 1]! + length, s.found[i + 2]!);
        parts.push(part);
        length += part.length;
      },
      finish() {
        const text = parts.join('');
        const scanned = options.reference ? undefined : { found, lower: lowerKept ? lowers.join('') : null };
        return jobOf(run(text, scanned));
      },
    };
  }

  function match(text: string): Match[] {
    const steps = run(text);
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
    }
  }

  function matchIncremental(text: string): MatchJob {
    return jobOf(run(text));
  }

  function jobOf(steps: Generator<void, Match[], void>): MatchJob {
    let result: Match[] | null = null;
    return {
      step(deadline) {
        while (result === null) {
          const next = steps.next();
          if (next.done) result = next.value;
          else if (performance.now() >= deadline) break;
        }
        return result !== null;
      },
      get result() {
        return result;
      },
    };
  }

  /**
   * The entry for the accepted candidate order[k]: when other aliases of the same span, for other
   * entries, also stand on requireNear evidence, the one whose evidence is nearest wins (ties keep data
   * order).
   */
  function nearestEvidence(
    found: number[],
    order: number[],
    k: number,
    distanceOf: (start: number, end: number, pattern: Pattern) => number,
    stands: (at: number) => boolean,
  ): number {
    const at = order[k]!;
    const start = found[at]!;
    const end = found[at + 1]!;
    const first = patternAt(found[at + 2]!);
    if (!first.rule || first.rule.requireNear.length === 0) return first.target;
    let best = first.target;
    let bestDistance = -1; // computed when a rival turns up: most abbreviations have none
    for (let j = k + 1; j < order.length && found[order[j]!] === start && found[order[j]! + 1] === end; j++) {
      const other = patternAt(found[order[j]! + 2]!);
      if (other.target < 0 || other.target === best || !other.rule || other.rule.requireNear.length === 0) continue;
      if (!stands(order[j]!)) continue;
      if (bestDistance < 0) bestDistance = distanceOf(start, end, first);
      const distance = distanceOf(start, end, other);
      if (distance < bestDistance) {
        best = other.target;
        bestDistance = distance;
      }
    }
    return best;
  }

  /**
   * Generic references fill the gaps between names (the rule is documented on AnaphorSchema). The
   * referent is the one fitting body named in the anaphor's paragraph, else the one named in that
   * paragraph and the previous; with none nearby, the body named at least twice as often as any other
   * so far; with several, that same body only if it is one of them. Otherwise the reference is
   * ambiguous, and dropped.
   */
  function* resolveAnaphora(
    text: string,
    found: number[],
    candidates: number[],
    named: Match[],
    namedEntries: number[],
  ): Generator<void, Match[], void> {
    // Per anaphor: mentions of bodies that fit it, as flat (entry, paragraph) pairs in document order,
    // and tallies (made on first use: most pages use a few of the anaphora).
    const mentions = compiled.anaphora.map((): number[] => []);
    const tallies = new Array<Map<number, number> | undefined>(compiled.anaphora.length);
    const paragraphOf = paragraphCounter(text);
    const resolved: Match[] = [];
    const mention = (entry: number, paragraph: number, tally: boolean): void => {
      for (const a of compiled.antecedents[entry]!) {
        mentions[a]!.push(entry, paragraph);
        if (tally) (tallies[a] ??= new Map()).set(entry, (tallies[a].get(entry) ?? 0) + 1);
      }
    };
    // Bodies named in this paragraph, then in this and the previous one: refilled per candidate.
    const here = new Set<number>();
    const local = new Set<number>();
    let nextNamed = 0;
    let end = 0;
    for (let c = 0; c < candidates.length; c++) {
      if (c % CANDIDATE_CHUNK === CANDIDATE_CHUNK - 1) yield;
      const at = candidates[c]!;
      const start = found[at]!;
      const candidateEnd = found[at + 1]!;
      const p = found[at + 2]!;
      for (; nextNamed < named.length && named[nextNamed]!.start < start; nextNamed++) {
        mention(namedEntries[nextNamed]!, paragraphOf(named[nextNamed]!.start), true);
      }
      const overlapsName =
        (nextNamed > 0 && named[nextNamed - 1]!.end > start) ||
        (nextNamed < named.length && named[nextNamed]!.start < candidateEnd);
      if (start < end || overlapsName) continue;
      const a = -1 - patternAt(p).target;
      const paragraph = paragraphOf(start);
      here.clear();
      local.clear();
      const list = mentions[a]!;
      for (let i = list.length - 2; i >= 0 && list[i + 1]! >= paragraph - 1; i -= 2) {
        if (list[i + 1] === paragraph) here.add(list[i]!);
        local.add(list[i]!);
      }
      const main = dominant(tallies[a]);
      const entry =
        here.size === 1 ? onlyOf(here) : local.size === 1 ? onlyOf(local) : local.size === 0 || local.has(main) ? main : -1;
      if (entry < 0) continue;
      const m: Match = { ...toMatch(text, start, candidateEnd, entry), anaphor: true };
      resolved.push(m);
      // A resolved reference keeps its body in focus for the next one, but does not add to its tally.
      mention(entry, paragraph, false);
      end = candidateEnd;
    }
    return resolved;
  }

  function toMatch(text: string, start: number, end: number, entry: number): Match {
    return { start, end, text: text.slice(start, end), id: compiled.ids[entry]!, kind: compiled.kinds[entry] as Kind };
  }

  return { match, matchIncremental, matchParts };
}

function onlyOf(set: Set<number>): number {
  for (const value of set) return value;
  return -1;
}

/** The entry named at least twice as often as any other, or -1. */
function dominant(tally: Map<number, number> | undefined): number {
  if (!tally) return -1;
  let best = -1;
  let bestCount = 0;
  let second = 0;
  for (const [entry, n] of tally) {
    if (n > bestCount) {
      second = bestCount;
      best = entry;
      bestCount = n;
    } else if (n > second) second = n;
  }
  return bestCount >= 2 * second ? best : -1;
}

function specificity(pattern: Pattern): number {
  return pattern.rule && pattern.rule.requireNear.length > 0 ? 1 : 0;
}

function ringEquals(ring: Uint16Array, mask: number, first: number, form: string): boolean {
  for (let j = 0; j < form.length; j++) if (ring[(first + j) & mask] !== form.charCodeAt(j)) return false;
  return true;
}

/** Whether text[start, end) is one of a case-sensitive alias's forms (a loop: no callback on a cold page). */
function anyFormSpans(forms: readonly string[], text: string, start: number, end: number): boolean {
  for (let f = 0; f < forms.length; f++) if (spanEquals(text, start, end, forms[f]!)) return true;
  return false;
}

/** Whether text[start, end), normalised as the scanner does (spaces collapsed), is `form`. */
function spanEquals(text: string, start: number, end: number, form: string): boolean {
  let f = 0;
  let afterSpace = false;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (isIgnorable(c)) continue;
    if (isSpace(c)) {
      if (afterSpace) continue;
      c = 0x20;
    } else c = normaliseUnit(c);
    afterSpace = c === 0x20;
    if (f >= form.length || form.charCodeAt(f++) !== c) return false;
  }
  return f === form.length;
}

function mergeSorted(a: Match[], b: Match[]): Match[] {
  return [...a, ...b].sort((x, y) => x.start - y.start);
}
