// Aho–Corasick automaton over UTF-16 code units (https://doi.org/10.1145/360825.360855): one pass
// over the text finds every occurrence of every pattern, at a cost that does not grow with the number
// of patterns. Transitions live in one open-addressing hash table keyed by (node, unit) and in a dense
// table for the root's ASCII edges (the state the scan is in most of the time), so building is a
// handful of typed-array writes per pattern character — fast enough to do at load (see
// tests/bench/core.bench.ts: building beats shipping the serialised arrays, which are much larger).
// Failure and output links are computed lazily, on the first visit of a node: an article reaches a
// small fraction of the trie, and start-up runs on every page before the JIT has warmed up.

export interface Automaton {
  /** Child of the root by ASCII unit; 0 = none. */
  rootAscii: Int32Array;
  hashNode: Int32Array;
  hashUnit: Uint16Array;
  /** Child node for the slot; 0 = empty slot (the root is never a child). */
  hashChild: Int32Array;
  hashMask: number;
  hashShift: number;
  /** Failure link (the node for the longest proper suffix also in the trie); -1 = not computed yet. */
  fail: Int32Array;
  /** First node on the failure chain (the node itself included) that ends a pattern; 0 = none; -1 = not computed yet. */
  firstOutput: Int32Array;
  /** Computes and stores fail[node]. */
  failOf(node: number): number;
  /** Computes and stores firstOutput[node]. */
  outputOf(node: number): number;
  /** Patterns ending at a node, as a linked list: head per node, next per pattern; -1 ends. */
  patternHead: Int32Array;
  patternNext: Int32Array;
}

// Multiplicative hashing: the top bits of the product mix every input bit.
function slotOf(node: number, unit: number, shift: number): number {
  return Math.imul(Math.imul(node, 0x9e3779b1) ^ unit, 0x85ebca6b) >>> shift;
}

/** Builds the automaton for already-normalised, case-folded patterns (none empty). */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  // Locals rather than property loads: this runs once per page, mostly before the JIT warms up.
  let units = 0;
  for (const p of patterns) units += p.length;
  const maxNodes = units + 1;
  let bits = 4;
  while (1 << bits < maxNodes * 2) bits++;
  const shift = 32 - bits;
  const mask = (1 << bits) - 1;
  const rootAscii = new Int32Array(0x80);
  const hashNode = new Int32Array(mask + 1);
  const hashUnit = new Uint16Array(mask + 1);
  const hashChild = new Int32Array(mask + 1);
  const patternHead = new Int32Array(maxNodes).fill(-1);
  const patternNext = new Int32Array(patterns.length).fill(-1);
  const patternTail = new Int32Array(maxNodes).fill(-1);
  const parentOf = new Int32Array(maxNodes);
  const unitOf = new Uint16Array(maxNodes);
  let nodes = 1;

  const child = (node: number, unit: number): number => {
    if (node === 0 && unit < 0x80) return rootAscii[unit]!;
    for (let slot = slotOf(node, unit, shift); ; slot = (slot + 1) & mask) {
      const found = hashChild[slot]!;
      if (found === 0 || (hashNode[slot] === node && hashUnit[slot] === unit)) return found;
    }
  };

  for (let index = 0; index < patterns.length; index++) {
    const pattern = patterns[index]!;
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      let next = child(node, unit);
      if (next === 0) {
        next = nodes++;
        unitOf[next] = unit;
        parentOf[next] = node;
        if (node === 0 && unit < 0x80) rootAscii[unit] = next;
        else {
          let slot = slotOf(node, unit, shift);
          while (hashChild[slot] !== 0) slot = (slot + 1) & mask;
          hashNode[slot] = node;
          hashUnit[slot] = unit;
          hashChild[slot] = next;
        }
      }
      node = next;
    }
    // Appended, so patterns ending at one node stay in data order.
    if (patternHead[node] === -1) patternHead[node] = index;
    else patternNext[patternTail[node]!] = index;
    patternTail[node] = index;
  }

  const fail = new Int32Array(nodes).fill(-1);
  const firstOutput = new Int32Array(nodes).fill(-1);
  fail[0] = 0;
  firstOutput[0] = 0;
  const failOf = (node: number): number => {
    let f = fail[node]!;
    if (f >= 0) return f;
    const parent = parentOf[node]!;
    f = 0;
    if (parent !== 0) {
      // The longest suffix of parent's path that can be extended by this node's unit.
      const unit = unitOf[node]!;
      for (let g = failOf(parent); ; g = failOf(g)) {
        const target = child(g, unit);
        if (target !== 0 || g === 0) {
          f = target;
          break;
        }
      }
    }
    fail[node] = f;
    return f;
  };
  const outputOf = (node: number): number => {
    let out = firstOutput[node]!;
    if (out < 0) firstOutput[node] = out = patternHead[node]! >= 0 ? node : outputOf(failOf(node));
    return out;
  };
  return {
    rootAscii,
    hashNode,
    hashUnit,
    hashChild,
    hashMask: mask,
    hashShift: shift,
    fail,
    firstOutput,
    failOf,
    outputOf,
    patternHead: patternHead.subarray(0, nodes),
    patternNext,
  };
}
