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
import { passesRule, toWordRule, type WordRule } from './context-rules.ts';
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

// Printable ASCII words separated by single spaces: already in normal form.
const PLAIN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
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
      return kindFits && sectorFits ? [index] : [];
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

    const named: Match[] = [];
    const anaphorCandidates: number[] = [];
    let namedEnd = 0;
    for (const at of order) {
      const start = found[at]!;
      const end = found[at + 1]!;
      const p = found[at + 2]!;
      const pattern = patternAt(p);
      if (pattern.target < 0) anaphorCandidates.push(at);
      else if (start >= namedEnd && (!pattern.rule || passesRule(text, start, end, pattern.rule))) {
        named.push(toMatch(text, start, end, pattern.target));
        namedEnd = end;
      }
    }
    if (anaphorCandidates.length === 0) return named;
    return mergeSorted(named, resolveAnaphora(text, found, anaphorCandidates, named));
  }

  /**
   * Generic references fill the gaps between names. Each resolves when, of the bodies named before
   * it, exactly one distinct entry fits its kinds (and sectors): otherwise it is ambiguous or
   * dangling, and dropped.
   */
  function resolveAnaphora(text: string, found: number[], candidates: number[], named: Match[]): Match[] {
    const antecedent = new Int32Array(compiled.anaphora.length).fill(-1); // -2: ambiguous
    const entryIndex = new Map(compiled.ids.map((id, index) => [id, index]));
    const resolved: Match[] = [];
    let nextNamed = 0;
    let end = 0;
    for (const at of candidates) {
      const start = found[at]!;
      const candidateEnd = found[at + 1]!;
      const p = found[at + 2]!;
      for (; nextNamed < named.length && named[nextNamed]!.start < start; nextNamed++) {
        const entry = entryIndex.get(named[nextNamed]!.id)!;
        for (const a of anaphoraOf[entry]!) antecedent[a] = antecedent[a] === -1 || antecedent[a] === entry ? entry : -2;
      }
      const overlapsName =
        (nextNamed > 0 && named[nextNamed - 1]!.end > start) ||
        (nextNamed < named.length && named[nextNamed]!.start < candidateEnd);
      const entry = antecedent[-1 - patternAt(p).target]!;
      if (start < end || overlapsName || entry < 0) continue;
      resolved.push({ ...toMatch(text, start, candidateEnd, entry), anaphor: true });
      end = candidateEnd;
    }
    return resolved;
  }

  function toMatch(text: string, start: number, end: number, entry: number): Match {
    return { start, end, text: text.slice(start, end), id: compiled.ids[entry]!, kind: compiled.kinds[entry] as Kind };
  }

  return { match };
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
