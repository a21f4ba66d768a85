// Where a trie walk may start, as one RegExp source, so that a page's scan skips natively the words
// that start no key. Built with the keys (compileMatcher, at build time or for a reader's own terms):
// the matcher only compiles it.
//
// It runs over the text with ASCII letters lower-cased (same offsets), and finds, with the scan's
// help, every place a walk could succeed (the walk decides):
// 1. a whole run of ASCII letters and digits that is the first run of some key;
// 2. a run of non-ASCII units (walked unit by unit); the scan also walks from the ASCII run right
//    before it, which the unit might continue (an invisible character, a letter that folds to ASCII);
// 3. ASCII punctuation that starts a key.
// Property-tested against the full Aho–Corasick scan in tests/unit/matcher-scan.test.ts.
//
// Short first runs that never end a key ("the", "on", "us") are most of a page's words that pass:
// those pass only where the next run of the text starts as some key's next run does (two units), or
// a non-ASCII unit comes first (it may be invisible, a curly quote, a letter folding to ASCII). Only
// short ones: the lookahead per word makes the RegExp longer, and it is compiled at every start of
// the background.
const LOOKAHEAD_MAX_RUN = 3;

const RUN = /^[0-9a-z]+/;

export function startPatternOf(keys: readonly string[]): string {
  /** Per first run: what the text may go on with (first unit -> second units, '' = any); null = anything. */
  const next = new Map<string, Map<string, Set<string>> | null>();
  const punctuation = new Set<number>();
  for (const key of keys) {
    const run = RUN.exec(key)?.[0];
    if (run === undefined) {
      if (key.charCodeAt(0) < 0x80) punctuation.add(key.charCodeAt(0));
      continue;
    }
    const separators = /^[^0-9a-z]*/.exec(key.slice(run.length))![0];
    const second = RUN.exec(key.slice(run.length + separators.length))?.[0];
    if (second === undefined || /[\x80-\uffff]/.test(separators) || run.length > LOOKAHEAD_MAX_RUN) next.set(run, null);
    else if (next.get(run) !== null) {
      const units = next.get(run) ?? new Map<string, Set<string>>();
      const seconds = units.get(second[0]!) ?? new Set<string>();
      seconds.add(second[1] ?? '');
      next.set(run, units.set(second[0]!, seconds));
    }
  }
  const alternatives = ['[^\\x00-\\x7f]+'];
  // No first runs at all (only CJK terms, say): no alternative for them, which would match nothing, everywhere.
  if (next.size > 0) alternatives.unshift(`(?<![0-9a-z])${trie([...next.keys()].sort(), 0, (run) => lookahead(next.get(run)!))}(?![0-9a-z])`);
  if (punctuation.size > 0) alternatives.push(`[${[...punctuation].map(escapeUnit).join('')}]`);
  return alternatives.join('|');
}

/** Where a short first run may go on, as a lookahead; '' when it may go on with anything. */
function lookahead(units: Map<string, Set<string>> | null): string {
  if (!units) return '';
  const options = [...units.keys()].sort().map((unit) => {
    const seconds = units.get(unit)!;
    return seconds.has('') ? unit : `${unit}[${[...seconds].sort().join('')}\\x80-\\uffff]`;
  });
  return `(?![0-9a-z])(?=[^0-9a-z\\x80-\\uffff]*(?:[^\\x00-\\x7f]|${options.join('|')}))`;
}

/**
 * An alternation of sorted words factored by common prefixes ("ban(?:k(?:ing)?)?"): a third of the
 * flat list's length, so quicker to compile, and no prefix is tried twice. `end(word)` is what must
 * follow a word that ends there (a lookahead, or '').
 */
function trie(words: readonly string[], depth: number, end: (word: string) => string): string {
  const branches: string[] = [];
  let ending: string | null = null;
  for (let i = 0; i < words.length; ) {
    if (words[i]!.length === depth) {
      ending = end(words[i]!);
      i++;
      continue;
    }
    const unit = words[i]![depth]!;
    let j = i + 1;
    while (j < words.length && words[j]![depth] === unit) j++;
    branches.push(unit + trie(words.slice(i, j), depth + 1, end));
    i = j;
  }
  if (ending === null) return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  if (branches.length === 0) return ending;
  if (ending !== '') return `(?:${branches.join('|')}|${ending})`;
  return branches.length === 1 && branches[0]!.length === 1 ? `${branches[0]}?` : `(?:${branches.join('|')})?`;
}

function escapeUnit(c: number): string {
  return `\\x${c.toString(16).padStart(2, '0')}`;
}
