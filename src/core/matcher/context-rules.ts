// The per-alias context rules of the schema (avoidNear, requireNear, notBefore, notAfter, window),
// evaluated on words around a candidate match, never across a block break.
import { onlySpacingBetween, ruleWords, wordText, wordsAfter, wordsBefore } from '../text/words.ts';
import type { CompiledRule } from './compile.ts';

const DEFAULT_WINDOW = 30;

export interface WordRule {
  avoidNear: string[][];
  requireNear: string[][];
  notBefore: string[][];
  notAfter: string[][];
  window: number;
  /** How many words on each side the rule ever looks at. */
  reach: number;
}

export function toWordRule(rule: CompiledRule): WordRule {
  const phrases = (list: string[] | undefined): string[][] =>
    (list ?? []).map(ruleWords).filter((words) => words.length > 0);
  const wordRule = {
    avoidNear: phrases(rule.avoidNear),
    requireNear: phrases(rule.requireNear),
    notBefore: phrases(rule.notBefore),
    notAfter: phrases(rule.notAfter),
    window: rule.window ?? DEFAULT_WINDOW,
    reach: 0,
  };
  const near = wordRule.avoidNear.length + wordRule.requireNear.length > 0 ? wordRule.window : 0;
  const adjacent = [...wordRule.notBefore, ...wordRule.notAfter].map((p) => p.length);
  wordRule.reach = Math.max(near, ...adjacent);
  return wordRule;
}

/** Whether a candidate match [start, end) of an alias with this rule stands in its context. */
export function passesRule(text: string, start: number, end: number, rule: WordRule): boolean {
  const afterSpans = wordsAfter(text, end, rule.reach);
  const beforeSpans = wordsBefore(text, start, rule.reach);
  const after = afterSpans.map((w) => wordText(text, w));
  const before = beforeSpans.map((w) => wordText(text, w));

  const next = afterSpans[0];
  if (next && onlySpacingBetween(text, end, next.start) && rule.notBefore.some((p) => startsWith(after, p))) return false;
  const previous = beforeSpans[beforeSpans.length - 1];
  if (previous && onlySpacingBetween(text, previous.end, start) && rule.notAfter.some((p) => endsWith(before, p))) {
    return false;
  }
  if (rule.avoidNear.length === 0 && rule.requireNear.length === 0) return true;
  const nearBefore = before.slice(-rule.window);
  const nearAfter = after.slice(0, rule.window);
  const near = (phrase: string[]): boolean => contains(nearBefore, phrase) || contains(nearAfter, phrase);
  if (rule.avoidNear.some(near)) return false;
  return rule.requireNear.length === 0 || rule.requireNear.some(near);
}

function startsWith(words: string[], phrase: string[]): boolean {
  return phrase.every((word, i) => words[i] === word);
}

function endsWith(words: string[], phrase: string[]): boolean {
  const offset = words.length - phrase.length;
  return offset >= 0 && phrase.every((word, i) => words[offset + i] === word);
}

function contains(words: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((word, j) => words[i + j] === word)) return true;
  }
  return false;
}
