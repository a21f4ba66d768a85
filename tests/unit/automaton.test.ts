import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anaphora, glossary } from '../../src/core/glossary/load.ts';
import { buildAutomaton, trieSize } from '../../src/core/matcher/automaton.ts';
import { compileMatcher } from '../../src/core/matcher/compile.ts';

/** Creates every node of the trie (children exist only once asked for) and counts them. */
function fullSize(keys: string[]): number {
  const automaton = buildAutomaton(keys, { failureLinks: false });
  for (let node = 0; node < automaton.size(); node++) if (automaton.firstChild[node] === 0) automaton.expand(node);
  return automaton.size();
}

describe('trieSize', () => {
  // The arrays of a page's automaton are sized by it: one node too few would silently drop a branch.
  it('counts exactly the nodes of the whole trie, for the knowledge base', () => {
    const { keys, trieNodes } = compileMatcher(glossary, anaphora);
    expect(trieNodes).toBe(trieSize(keys!));
    expect(trieSize(keys!)).toBe(fullSize(keys!));
  });

  it('counts exactly the nodes of the whole trie, for any sorted keys (repeats and empty keys too)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é') }), { maxLength: 40 }), (unsorted) => {
        const keys = [...unsorted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(trieSize(keys)).toBe(fullSize(keys));
      }),
      { numRuns: 500 },
    );
  });
});
