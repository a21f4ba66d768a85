// The per-alias context rules of the schema (avoidNear, requireNear, notBefore, notAfter, window),
// evaluated on words around a candidate match, never across a block break; and the document rules
// (avoidInDocument, requireInDocument), evaluated on every word of the text.
import { BLOCK_BREAK, CJK, IGNORABLE_UNITS, WORD, charClass, codePointBefore } from '../text/chars.ts';
import { collectDocumentWords, onlySpacingBetween, wordText, wordsAfter, wordsBefore } from '../text/words.ts';
import type { CompiledRule } from './compile.ts';

const DEFAULT_WINDOW = 30;

export interface WordRule {
  avoidNear: string[][];
  requireNear: string[][];
  notBefore: string[][];
  notAfter: string[][];
  avoidInDocument: string[][];
  requireInDocument: string[][];
  window: number;
  /** How many words on each side the rule ever looks at. */
  reach: number;
}

export function toWordRule(rule: CompiledRule): WordRule {
  const phrases = (list: string[] | undefined): string[][] => (list ?? []).map((phrase) => phrase.split(' '));
  const wordRule = {
    avoidNear: phrases(rule.avoidNear),
    requireNear: phrases(rule.requireNear),
    notBefore: phrases(rule.notBefore),
    notAfter: phrases(rule.notAfter),
    avoidInDocument: phrases(rule.avoidInDocument),
    requireInDocument: phrases(rule.requireInDocument),
    window: rule.window ?? DEFAULT_WINDOW,
    reach: 0,
  };
  const near = wordRule.avoidNear.length + wordRule.requireNear.length > 0 ? wordRule.window : 0;
  const adjacent = [...wordRule.notBefore, ...wordRule.notAfter].map((p) => p.length);
  wordRule.reach = Math.max(near, ...adjacent);
  return wordRule;
}

/**
 * Whether a candidate match [start, end) of an alias with this rule stands in its context. `named`:
 * the paragraph already named the same entry in full, which is all the evidence requireNear asks for.
 */
export function passesRule(text: string, start: number, end: number, rule: WordRule, named = false, blocks?: Blocks): boolean {
  const block = blocks?.around(start, end);
  if (typeof block === 'string' && !mayApply(rule, block)) return rule.requireNear.length === 0 || named;
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
  return rule.requireNear.length === 0 || named || rule.requireNear.some(near);
}

/**
 * The lower-cased block (paragraph) around a candidate, for a first look before passesRule tokenises
 * up to twice `window` words: rules never look across a block break, so a phrase with a word missing
 * from the block cannot apply, and most candidates are decided by native substring searches. Keeps
 * the last block, as candidates come in document order.
 */
export class Blocks {
  #from = -1;
  #to = -1;
  #lower: string | null = null;
  /** `lower`: the whole text lower-cased when that kept its length, if the caller has it already. */
  constructor(
    private readonly text: string,
    private readonly lowerText?: string,
  ) {}

  /** Null where lower-casing the block could disagree with wordText (invisible characters, Σ's final form). */
  around(start: number, end: number): string | null {
    if (start < this.#from || end > this.#to) {
      const text = this.text;
      this.#from = start > 0 ? text.lastIndexOf(BLOCK_BREAK, start - 1) + 1 : 0;
      const to = text.indexOf(BLOCK_BREAK, end);
      this.#to = to < 0 ? text.length : to;
      const block = text.slice(this.#from, this.#to);
      this.#lower = CASE_UNSAFE.test(block) ? null : (this.lowerText?.slice(this.#from, this.#to) ?? block.toLowerCase());
    }
    return this.#lower;
  }
}

// Invisible characters, and Σ (whose lower case depends on what follows it).
const CASE_UNSAFE = new RegExp(`[${IGNORABLE_UNITS}\\u03a3]`);

/** Whether some phrase of the rule has all its words in the block (so the rule may apply there). */
function mayApply(rule: WordRule, block: string): boolean {
  return someOccurs(rule.notBefore, block) || someOccurs(rule.notAfter, block) || someOccurs(rule.avoidNear, block) || someOccurs(rule.requireNear, block);
}

// Plain loops: a cold page runs this for every candidate with a rule, and callbacks through
// every()/some() cost several times the substring searches themselves before the JIT warms up.
function someOccurs(phrases: readonly string[][], block: string): boolean {
  for (let p = 0; p < phrases.length; p++) {
    const phrase = phrases[p]!;
    let all = true;
    for (let w = 0; w < phrase.length && all; w++) all = block.includes(phrase[w]!);
    if (all) return true;
  }
  return false;
}

export function hasDocumentRule(rule: WordRule | null): boolean {
  return rule !== null && rule.avoidInDocument.length + rule.requireInDocument.length > 0;
}

/**
 * The words of a whole text, for the document rules, asked only when a candidate with a document rule
 * turns up (most pages have none). Tokenising a whole page costs more than the rest of its matching
 * cold (~10 ms at 5k words), so a phrase is looked for where its first word occurs in the
 * lower-cased text (native search), and only those places are tokenised. Texts where that shortcut
 * could disagree with the word-by-word rule (invisible characters, lower case changing lengths) are
 * tokenised in full, in steps (see `collect`).
 */
export class DocumentWords {
  private joined: string | null = null;
  private readonly present = new Map<string, boolean>();
  /** The text lower-cased, final sigma as σ; null when offsets would not line up with the text's. */
  private lower: string | null | undefined = undefined;
  /** `lowerText`: the text lower-cased when that kept its length, if the caller has it already. */
  constructor(
    private readonly text: string,
    private readonly lowerText?: string,
  ) {}

  /** Whether `has` needs every word of the text first (then `collect` gathers them in steps). */
  needsWords(): boolean {
    if (this.lower === undefined) {
      const lower = this.lowerText ?? this.text.toLowerCase();
      this.lower = lower.length !== this.text.length || IGNORABLE.test(this.text) ? null : lower.replace(/ς/g, 'σ');
    }
    return this.lower === null && this.joined === null;
  }

  /** Gathers the words, yielding between blocks of work (a long page has 200,000 of them). */
  *collect(): Generator<void, void, void> {
    if (this.joined !== null) return;
    const words: string[] = [];
    yield* collectDocumentWords(this.text, words);
    this.joined = ` ${words.join(' ')} `;
  }

  /** Whether a word occurs anywhere in the lower-cased text: remembered, as many rules share words. */
  private occurs(word: string): boolean {
    let found = this.present.get(word);
    if (found === undefined) this.present.set(word, (found = this.lower!.includes(word.replace(/ς/g, 'σ'))));
    return found;
  }

  /** Whether the phrase occurs as consecutive words, within one block. */
  has(phrase: string[]): boolean {
    if (this.needsWords()) for (const _ of this.collect());
    if (this.joined !== null) return this.joined.includes(` ${phrase.join(' ')} `);
    const { text } = this;
    const lower = this.lower!;
    // Every word has to occur somewhere (most phrases are absent from most pages).
    for (const word of phrase) if (!this.occurs(word)) return false;
    const first = phrase[0]!.replace(/ς/g, 'σ');
    const asciiStart = first.charCodeAt(0) < 0x80;
    const asciiEnd = first.charCodeAt(first.length - 1) < 0x80;
    for (let at = lower.indexOf(first); at >= 0; at = lower.indexOf(first, at + 1)) {
      // Most hits are inside longer words ("us" in "because"): reject those cheaply first.
      const before = at > 0 ? lower.charCodeAt(at - 1) : 0x20;
      if (asciiStart && ((before >= 0x61 && before <= 0x7a) || (before >= 0x30 && before <= 0x39))) continue;
      const after = lower.charCodeAt(at + first.length); // NaN at the end
      if (asciiEnd && ((after >= 0x61 && after <= 0x7a) || (after >= 0x30 && after <= 0x39))) continue;
      // A word starts here (as documentWords would split the text), and the phrase's words follow it.
      const cls = charClass(text.codePointAt(at)!);
      if (cls !== CJK && (cls !== WORD || charClass(codePointBefore(text, at)) === WORD)) continue;
      const words = wordsAfter(text, at, phrase.length);
      if (words.length === phrase.length && words.every((word, i) => wordText(text, word) === phrase[i])) return true;
    }
    return false;
  }
}

// Invisible characters (see isIgnorable): words may run across them, the lower-cased text's may not.
const IGNORABLE = new RegExp(`[${IGNORABLE_UNITS}]`);

/** `avoided`: a word of avoidInDocument occurs; `missing`: requireInDocument is set and none occurs. */
export function documentVerdict(rule: WordRule, doc: DocumentWords): 'ok' | 'avoided' | 'missing' {
  if (rule.requireInDocument.length > 0 && !rule.requireInDocument.some((p) => doc.has(p))) return 'missing';
  return rule.avoidInDocument.some((p) => doc.has(p)) ? 'avoided' : 'ok';
}

/**
 * How many words away the nearest requireNear word is (0 = adjacent), for choosing between two bodies
 * that share an abbreviation when both find their evidence: "South Korea's FSC and Taiwan's FSC".
 */
export function evidenceDistance(text: string, start: number, end: number, rule: WordRule): number {
  const before = wordsBefore(text, start, rule.window).map((w) => wordText(text, w));
  const after = wordsAfter(text, end, rule.window).map((w) => wordText(text, w));
  let best = Infinity;
  for (const phrase of rule.requireNear) {
    for (let i = 0; i + phrase.length <= before.length; i++) {
      if (phrase.every((word, j) => before[i + j] === word)) best = Math.min(best, before.length - i - phrase.length);
    }
    for (let i = 0; i + phrase.length <= after.length && i < best; i++) {
      if (phrase.every((word, j) => after[i + j] === word)) best = Math.min(best, i);
    }
  }
  return best;
}

// Plain loops, no callbacks: these run for every word window of every candidate with a rule, and a
// closure per position was most of what matching a page allocated (and so of the background's
// garbage collections while a page waited).
function wordsEqualAt(words: readonly string[], at: number, phrase: readonly string[]): boolean {
  for (let j = 0; j < phrase.length; j++) if (words[at + j] !== phrase[j]) return false;
  return true;
}

function startsWith(words: readonly string[], phrase: readonly string[]): boolean {
  return phrase.length <= words.length && wordsEqualAt(words, 0, phrase);
}

function endsWith(words: readonly string[], phrase: readonly string[]): boolean {
  const offset = words.length - phrase.length;
  return offset >= 0 && wordsEqualAt(words, offset, phrase);
}

function contains(words: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) if (wordsEqualAt(words, i, phrase)) return true;
  return false;
}
