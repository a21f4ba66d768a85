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
import { buildAutomaton } from './automaton.ts';
import { aliasRows, type AliasRow, type CompiledMatcher } from './compile.ts';
import {
  DocumentWords,
  documentVerdict,
  evidenceDistance,
  hasDocumentRule,
  passesRule,
  toWordRule,
  type WordRule,
} from './context-rules.ts';
import type { Match, Matcher } from './types.ts';

/** How one alias is checked once the automaton has found its key. Built on first hit (load time). */
interface Pattern {
  /** Normalised forms a case-sensitive alias accepts; null when case-insensitive. */
  forms: string[] | null;
  /** Entry index, or -1 - anaphor index. */
  target: number;
  rule: WordRule | null;
  /** Starts/ends with a letter or digit of a spaced script, so needs a word boundary there. */
  boundaryStart: boolean;
  boundaryEnd: boolean;
}

const BLOCK_BREAK_CHAR = String.fromCharCode(BLOCK_BREAK_CODE);

// Printable ASCII words separated by single spaces: already in normal form.
const PLAIN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
// eslint-disable-next-line no-control-regex -- "any ASCII" includes the control range on purpose.
const ASCII = /^[\x00-\x7f]*$/;

/** The text as the scanner sees it: same normalisation, spaces collapsed, trimmed. */
export function normaliseText(text: string): string {
  if (PLAIN.test(text)) return text; // most aliases: skip the per-character loop (load time matters)
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isIgnorable(c)) continue;
    if (isSpace(c) || c === BLOCK_BREAK_CODE) {
      if (out !== '' && !out.endsWith(' ')) out += ' ';
    } else out += String.fromCharCode(normaliseUnit(c));
  }
  return out.trimEnd();
}

function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase(); // same as foldUnit on ASCII, but native
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldUnit(text.charCodeAt(i)));
  return out;
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
  const exact = normaliseText(text);
  return {
    forms: caseSensitive ? caseForms(exact) : null,
    target,
    rule,
    boundaryStart: charClass(exact.codePointAt(0) ?? -1) === WORD,
    boundaryEnd: charClass(codePointBefore(exact, exact.length)) === WORD,
  };
}

export function createMatcher(compiled: CompiledMatcher): Matcher {
  // Only the automaton keys are computed up front; rules and case forms on first use, because
  // start-up runs on every page before the JIT has warmed up (see tests/bench/core.bench.ts).
  const rows = aliasRows(compiled);
  const keys = rows.map((row) => fold(normaliseText(row[0])));
  const automaton = buildAutomaton(keys);
  const { rootAscii, hashNode, hashUnit, hashChild, hashMask, hashShift, fail, failOf } = automaton;
  const { firstOutput, outputOf, patternHead, patternNext } = automaton;
  const rules: (WordRule | undefined)[] = [];
  const patterns: (Pattern | undefined)[] = [];
  const patternAt = (index: number): Pattern => {
    let pattern = patterns[index];
    if (!pattern) {
      const row = rows[index]!;
      const ruleIndex = row[3];
      const rule = ruleIndex < 0 ? null : (rules[ruleIndex] ??= toWordRule(compiled.rules[ruleIndex]!));
      pattern = patterns[index] = toPattern(row, rule);
    }
    return pattern;
  };
  const keyLength = keys.map((key) => key.length);
  let ringSize = 2;
  for (const length of keyLength) while (ringSize <= length) ringSize *= 2;
  const ringMask = ringSize - 1;
  // Per entry, the anaphora it can be the antecedent of.
  const anaphoraOf = compiled.ids.map((_, entry) =>
    compiled.anaphora.flatMap((anaphor, index) => {
      const kindFits = anaphor.kinds.includes(compiled.kinds[entry]!);
      const sectorFits = !anaphor.sectors || anaphor.sectors.some((s) => compiled.sectors[entry]?.includes(s));
      const sectorExcluded = anaphor.notSectors?.some((s) => compiled.sectors[entry]?.includes(s)) === true;
      const headFits = !anaphor.nameHas || compiled.heads?.[entry]?.includes(anaphor.nameHas) === true;
      return kindFits && sectorFits && !sectorExcluded && headFits ? [index] : [];
    }),
  );

  /** Every occurrence passing boundary and case checks, as flat (start, end, pattern) triples. */
  function scan(text: string): number[] {
    const found: number[] = [];
    const ringStart = new Int32Array(ringSize);
    const ringUnit = new Uint16Array(ringSize);
    let state = 0;
    let units = 0; // normalised units seen so far
    let afterSpace = true; // collapses runs of spaces; also drops leading ones
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0x80 || c <= 0x20) {
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

      // Automaton step, inlined (this loop is the matcher's hot path): follow failure links until a
      // transition exists or the root is reached.
      const unit = c < 0x80 ? (c >= 0x41 && c <= 0x5a ? c | 0x20 : c) : foldUnit(c);
      for (;;) {
        let next = 0;
        if (state === 0 && unit < 0x80) next = rootAscii[unit]!;
        else {
          for (let slot = Math.imul(Math.imul(state, 0x9e3779b1) ^ unit, 0x85ebca6b) >>> hashShift; ; slot = (slot + 1) & hashMask) {
            next = hashChild[slot]!;
            if (next === 0 || (hashNode[slot] === state && hashUnit[slot] === unit)) break;
          }
        }
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
        for (let p = patternHead[node]!; p >= 0; p = patternNext[p]!) {
          const pattern = patternAt(p);
          const first = units - keyLength[p]!;
          const start = ringStart[first & ringMask]!;
          if (pattern.boundaryStart && charClass(codePointBefore(text, start)) === WORD) continue;
          if (pattern.boundaryEnd && charClass(codePointFrom(text, i + 1)) === WORD) continue;
          if (pattern.forms && !pattern.forms.some((form) => ringEquals(ringUnit, ringMask, first, form))) continue;
          found.push(start, i + 1, p);
        }
      }
    }
    return found;
  }

  function match(text: string): Match[] {
    const found = scan(text);
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

    const doc = new DocumentWords(text);
    const verdicts = new Map<WordRule, ReturnType<typeof documentVerdict>>(); // one per rule and text
    let definedEntries: Set<number> | null = null;
    /** Entries the text names by a form without document rules: they override avoidInDocument. */
    const defined = (): Set<number> => {
      if (definedEntries) return definedEntries;
      definedEntries = new Set();
      for (let i = 0; i < found.length; i += 3) {
        const pattern = patternAt(found[i + 2]!);
        if (pattern.target < 0 || hasDocumentRule(pattern.rule)) continue;
        if (!pattern.rule || passesRule(text, found[i]!, found[i + 1]!, pattern.rule)) definedEntries.add(pattern.target);
      }
      return definedEntries;
    };
    // Per entry, where it was last named by a form without requireNear. Being named is evidence for a
    // short form later on ("the Financial Services Commission ... The FSC said"; "Fitch Ratings" ...
    // "Lin said Fitch expected"): strongest in the same paragraph, weaker anywhere before.
    const namedAt = new Map<number, number>();
    const namedDistance = (entry: number, start: number, window: number): number => {
      const at = namedAt.get(entry);
      if (at === undefined) return Infinity;
      return text.lastIndexOf(BLOCK_BREAK_CHAR, start) < at ? 0 : window + 1;
    };
    const distanceOf = (start: number, end: number, pattern: Pattern): number =>
      Math.min(namedDistance(pattern.target, start, pattern.rule!.window), evidenceDistance(text, start, end, pattern.rule!));
    const stands = (start: number, end: number, pattern: Pattern): boolean => {
      const rule = pattern.rule;
      if (!rule) return true;
      if (!passesRule(text, start, end, rule, pattern.target >= 0 && namedAt.has(pattern.target))) return false;
      if (!hasDocumentRule(rule)) return true;
      let verdict = verdicts.get(rule);
      if (verdict === undefined) verdicts.set(rule, (verdict = documentVerdict(rule, doc)));
      return verdict === 'ok' || (verdict === 'avoided' && pattern.target >= 0 && defined().has(pattern.target));
    };

    const named: Match[] = [];
    const anaphorCandidates: number[] = [];
    let namedEnd = 0;
    for (let k = 0; k < order.length; k++) {
      const at = order[k]!;
      const start = found[at]!;
      const end = found[at + 1]!;
      const pattern = patternAt(found[at + 2]!);
      if (pattern.target < 0) {
        if (stands(start, end, pattern)) anaphorCandidates.push(at);
      } else if (start >= namedEnd && stands(start, end, pattern)) {
        const entry = nearestEvidence(found, order, k, distanceOf, stands);
        named.push(toMatch(text, start, end, entry));
        if (!pattern.rule || pattern.rule.requireNear.length === 0) namedAt.set(entry, start);
        namedEnd = end;
      }
    }
    if (anaphorCandidates.length === 0) return named;
    return mergeSorted(named, resolveAnaphora(text, found, anaphorCandidates, named));
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
    stands: (start: number, end: number, pattern: Pattern) => boolean,
  ): number {
    const at = order[k]!;
    const start = found[at]!;
    const end = found[at + 1]!;
    const first = patternAt(found[at + 2]!);
    if (!first.rule || first.rule.requireNear.length === 0) return first.target;
    let best = first.target;
    let bestDistance = distanceOf(start, end, first);
    for (let j = k + 1; j < order.length && found[order[j]!] === start && found[order[j]! + 1] === end; j++) {
      const other = patternAt(found[order[j]! + 2]!);
      if (other.target < 0 || other.target === best || !other.rule || other.rule.requireNear.length === 0) continue;
      if (!stands(start, end, other)) continue;
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
  function resolveAnaphora(text: string, found: number[], candidates: number[], named: Match[]): Match[] {
    // Per anaphor: mentions of bodies that fit it, as [entry, paragraph] in document order, and tallies.
    const mentions = compiled.anaphora.map((): [number, number][] => []);
    const tallies = compiled.anaphora.map(() => new Map<number, number>());
    const entryIndex = new Map(compiled.ids.map((id, index) => [id, index]));
    const paragraphOf = paragraphCounter(text);
    const resolved: Match[] = [];
    const mention = (entry: number, paragraph: number, tally: boolean): void => {
      for (const a of anaphoraOf[entry]!) {
        mentions[a]!.push([entry, paragraph]);
        if (tally) tallies[a]!.set(entry, (tallies[a]!.get(entry) ?? 0) + 1);
      }
    };
    let nextNamed = 0;
    let end = 0;
    for (const at of candidates) {
      const start = found[at]!;
      const candidateEnd = found[at + 1]!;
      const p = found[at + 2]!;
      for (; nextNamed < named.length && named[nextNamed]!.start < start; nextNamed++) {
        const m = named[nextNamed]!;
        mention(entryIndex.get(m.id)!, paragraphOf(m.start), true);
      }
      const overlapsName =
        (nextNamed > 0 && named[nextNamed - 1]!.end > start) ||
        (nextNamed < named.length && named[nextNamed]!.start < candidateEnd);
      if (start < end || overlapsName) continue;
      const a = -1 - patternAt(p).target;
      const paragraph = paragraphOf(start);
      // Bodies named in this paragraph, then in this and the previous one.
      const here = new Set<number>();
      const local = new Set<number>();
      const list = mentions[a]!;
      for (let i = list.length - 1; i >= 0 && list[i]![1] >= paragraph - 1; i--) {
        if (list[i]![1] === paragraph) here.add(list[i]![0]);
        local.add(list[i]![0]);
      }
      const main = dominant(tallies[a]!);
      const entry =
        here.size === 1 ? [...here][0]! : local.size === 1 ? [...local][0]! : local.size === 0 || local.has(main) ? main : -1;
      if (entry < 0) continue;
      resolved.push({ ...toMatch(text, start, candidateEnd, entry), anaphor: true });
      // A resolved reference keeps its body in focus for the next one, but does not add to its tally.
      mention(entry, paragraph, false);
      end = candidateEnd;
    }
    return resolved;
  }

  function toMatch(text: string, start: number, end: number, entry: number): Match {
    return { start, end, text: text.slice(start, end), id: compiled.ids[entry]!, kind: compiled.kinds[entry] as Kind };
  }

  return { match };
}

/** The entry named at least twice as often as any other, or -1. */
function dominant(tally: Map<number, number>): number {
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

/**
 * Paragraph number of an offset, for offsets asked in increasing order. Blocks with nothing but
 * spaces do not count: page text has them between elements, and they separate no paragraphs.
 */
function paragraphCounter(text: string): (offset: number) => number {
  let paragraph = 0;
  let scanned = 0;
  let blank = true;
  return (offset) => {
    for (; scanned < offset; scanned++) {
      const c = text.charCodeAt(scanned);
      if (c === BLOCK_BREAK_CODE) {
        if (!blank) paragraph++;
        blank = true;
      } else if (blank && !isSpace(c) && !isIgnorable(c)) blank = false;
    }
    return paragraph;
  };
}

function specificity(pattern: Pattern): number {
  return pattern.rule && pattern.rule.requireNear.length > 0 ? 1 : 0;
}

function ringEquals(ring: Uint16Array, mask: number, first: number, form: string): boolean {
  for (let j = 0; j < form.length; j++) if (ring[(first + j) & mask] !== form.charCodeAt(j)) return false;
  return true;
}

function mergeSorted(a: Match[], b: Match[]): Match[] {
  return [...a, ...b].sort((x, y) => x.start - y.start);
}
