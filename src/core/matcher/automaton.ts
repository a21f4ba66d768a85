// Aho–Corasick automaton over UTF-16 code units (https://doi.org/10.1145/360825.360855): one pass
// over the text finds every occurrence of every pattern, at a cost that does not grow with the number
// of patterns.
//
// Start-up runs each time the background starts (a service worker stops when idle), before the JIT
// has warmed up, and an article visits a small fraction of the trie (mostly the root and its first
// levels). So nothing is built ahead of need: the keys come sorted (compileMatcher ships them so),
// which makes every trie node a contiguous range of keys sharing its path, and a node's children
// are created the first time the scan (or a failure link) asks for them, by splitting the range.
// Children get consecutive ids in unit order, so a transition is a binary search over
// `unitOf[firstChild..childEnd)`, with no edge table at all. Failure and output links are computed
// lazily too, on the first visit of a node. Building everything up front cost 15–25 ms cold for
// 3,200 aliases; see tests/bench/core.bench.ts. createMatcher's own scan only walks the trie from
// word starts and never asks for failure or output links; they serve its reference scan (a test
// oracle).

/** Node ids or key indices: 16 bits while they fit (the knowledge base's do), halving the arrays. */
type Indices = Uint16Array | Int32Array;

export interface Automaton {
  /** Child of the root by ASCII unit; 0 = none. The root is split at build time. */
  rootAscii: Int32Array;
  /** First child id; 0 = children not created yet (call `expand`): no node but the root has id 0. */
  firstChild: Indices;
  /** One past the last child id. */
  childEnd: Indices;
  /** The unit on the edge into a node. */
  unitOf: Uint16Array;
  /** Path length of a node: the length of every key ending there. */
  depth: Indices;
  /** The range of sorted keys whose path goes through a node; the ones ending there come first. */
  lo: Indices;
  hi: Indices;
  /** Per sorted key, its length. */
  keyLength: Int32Array;
  /** Failure link (the node for the longest proper suffix also in the trie); -1 = not computed yet. */
  fail: Int32Array;
  /** First node on the failure chain (the node itself included) that ends a key; 0 = none; -1 = not computed yet. */
  firstOutput: Int32Array;
  /** Creates a node's children; returns its first child id. */
  expand(node: number): number;
  /** The child of `node` along `unit` (a binary search over its children, created on demand); 0 = none. */
  child(node: number, unit: number): number;
  /** Computes and stores fail[node]. */
  failOf(node: number): number;
  /** Computes and stores firstOutput[node]. */
  outputOf(node: number): number;
  /** Number of nodes created so far. */
  size(): number;
}

export interface AutomatonOptions {
  /** Failure and output links (a full Aho–Corasick scan); without them failOf and outputOf throw. */
  failureLinks?: boolean;
  /** trieSize(keys), when known: the arrays are sized to it rather than to the keys' total length. */
  nodes?: number;
}

/** How many nodes the whole trie of sorted keys has (the root included): one per distinct prefix. */
export function trieSize(keys: readonly string[]): number {
  let nodes = 1;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const previous = i > 0 ? keys[i - 1]! : '';
    let shared = 0;
    while (shared < key.length && shared < previous.length && key.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    nodes += key.length - shared;
  }
  return nodes;
}

/**
 * An automaton for already-normalised, case-folded keys sorted by UTF-16 code units (`<` on
 * strings). Empty keys never match. The background keeps one per compiled knowledge base for as long
 * as it runs, so its arrays are no larger than they must be.
 */
export function buildAutomaton(keys: readonly string[], options: AutomatonOptions = {}): Automaton {
  const { failureLinks = true } = options;
  let units = 0;
  let longest = 0;
  const keyLength = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    units += keyLength[i] = keys[i]!.length;
    longest = Math.max(longest, keyLength[i]!);
  }
  const maxNodes = options.nodes ?? units + 1;
  const linkNodes = failureLinks ? maxNodes : 1;
  const indices = (largest: number, length: number): Indices => (largest <= 0xffff ? new Uint16Array(length) : new Int32Array(length));
  const firstChild = indices(maxNodes, maxNodes);
  const childEnd = indices(maxNodes, maxNodes);
  const unitOf = new Uint16Array(maxNodes);
  const parentOf = new Int32Array(linkNodes);
  const depth = indices(longest, maxNodes);
  const lo = indices(keys.length, maxNodes);
  const hi = indices(keys.length, maxNodes);
  const fail = new Int32Array(linkNodes).fill(-1);
  const firstOutput = new Int32Array(linkNodes).fill(-1);
  const rootAscii = new Int32Array(0x80);
  let nodes = 1;
  hi[0] = keys.length;
  fail[0] = 0;
  firstOutput[0] = 0;

  const expand = (node: number): number => {
    const d = depth[node]!;
    const end = hi[node]!;
    let pos = lo[node]!;
    while (pos < end && keyLength[pos] === d) pos++; // keys ending here
    const first = nodes;
    while (pos < end) {
      // Keys in range are sorted and longer than d: one child per run of equal units at d.
      const unit = keys[pos]!.charCodeAt(d);
      let a = pos + 1;
      let b = end;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (keys[mid]!.charCodeAt(d) <= unit) a = mid + 1;
        else b = mid;
      }
      const child = nodes++;
      unitOf[child] = unit;
      if (failureLinks) parentOf[child] = node;
      depth[child] = d + 1;
      lo[child] = pos;
      hi[child] = a;
      pos = a;
    }
    firstChild[node] = first;
    childEnd[node] = nodes;
    return first;
  };

  const child = (node: number, unit: number): number => {
    let a = firstChild[node]!;
    if (a === 0) a = expand(node);
    let b = childEnd[node]!;
    while (a < b) {
      const mid = (a + b) >>> 1;
      const u = unitOf[mid]!;
      if (u < unit) a = mid + 1;
      else if (u > unit) b = mid;
      else return mid;
    }
    return 0;
  };

  expand(0);
  for (let c = firstChild[0]!; c < childEnd[0]! && unitOf[c]! < 0x80; c++) rootAscii[unitOf[c]!] = c;

  const failOf = (node: number): number => {
    if (!failureLinks) throw new Error('built without failure links');
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
    if (!failureLinks) throw new Error('built without failure links');
    let out = firstOutput[node]!;
    if (out < 0) firstOutput[node] = out = keyLength[lo[node]!] === depth[node] ? node : outputOf(failOf(node));
    return out;
  };
  return { rootAscii, firstChild, childEnd, unitOf, depth, lo, hi, keyLength, fail, firstOutput, expand, child, failOf, outputOf, size: () => nodes };
}
