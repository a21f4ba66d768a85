// Where a trie walk may start, as one RegExp source, so that a page's scan skips natively the words
// that start no key. Built with the keys (compileMatcher, at build time or in the background): a page
// only compiles it.
//
// It runs over the text with ASCII letters lower-cased (same offsets), and finds, with the scan's
// help, every place a walk could succeed (the walk decides):
// 1. a whole run of ASCII letters and digits that is the first run of some key;
// 2. a run of non-ASCII units (walked unit by unit); the scan also walks from the ASCII run right
//    before it, which the unit might continue (an invisible character, a letter that folds to ASCII);
// 3. ASCII punctuation that starts a key.
// Property-tested against the full Aho–Corasick scan in tests/unit/matcher-scan.test.ts.
//
// Only first runs: letting "the" pass only before a key's second word halves the walks, but the
// RegExp grows fourfold, and compiling it costs a cold page more than the walks it saves.

const RUN = /^[0-9a-z]+/;

export function startPatternOf(keys: readonly string[]): string {
  const firstRuns = new Set<string>();
  let punctuation = '';
  for (const key of keys) {
    const run = RUN.exec(key)?.[0];
    if (run !== undefined) firstRuns.add(run);
    else if (key.charCodeAt(0) < 0x80) punctuation += escapeUnit(key.charCodeAt(0));
  }
  const alternatives = [`(?<![0-9a-z])${trie([...firstRuns].sort(), 0)}(?![0-9a-z])`, '[^\\x00-\\x7f]+'];
  if (punctuation) alternatives.push(`[${[...new Set(punctuation.match(/\\x../g))].join('')}]`);
  return alternatives.join('|');
}

/**
 * An alternation of sorted words factored by common prefixes ("ban(?:k(?:ing)?)?"): a third of the
 * flat list's length, so quicker to compile, and no prefix is tried twice.
 */
function trie(words: readonly string[], depth: number): string {
  const branches: string[] = [];
  let ends = false;
  for (let i = 0; i < words.length; ) {
    if (words[i]!.length === depth) {
      ends = true;
      i++;
      continue;
    }
    const unit = words[i]![depth]!;
    let j = i + 1;
    while (j < words.length && words[j]![depth] === unit) j++;
    branches.push(unit + trie(words.slice(i, j), depth + 1));
    i = j;
  }
  if (branches.length === 0) return '';
  const group = branches.length === 1 && branches[0]!.length === 1 && ends ? branches[0]! : `(?:${branches.join('|')})`;
  return ends ? `${group}?` : branches.length === 1 ? branches[0]! : group;
}

function escapeUnit(c: number): string {
  return `\\x${c.toString(16).padStart(2, '0')}`;
}
