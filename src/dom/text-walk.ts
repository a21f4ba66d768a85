import { BLOCK_BREAK } from '../core/matcher/types.ts';
import { BLOCK_TAGS, isFurniture, isSkippedTag } from './skip-rules.ts';

/** A DOM position pair, the data a Range is built from (linkedom has no usable Range). */
export interface DomSpan {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/** The prose under a root as one string, and the way back from string offsets to text nodes. */
export interface TextMap {
  /** Text node data joined; BLOCK_BREAK between blocks, nothing added between inline elements. */
  readonly text: string;
  /** The text nodes that make up `text`, in document order. */
  readonly nodes: readonly Text[];
  /** `starts[i]` is where `nodes[i]` begins in `text`. */
  readonly starts: readonly number[];
  /** DOM positions of `text.slice(start, end)`; null when the span touches no text node. */
  toSpan(start: number, end: number): DomSpan | null;
  /**
   * The same as a live Range of `doc` (defaults to the nodes' own document); null where the page has
   * since removed the text.
   */
  toRange(start: number, end: number, doc?: Document): Range | null;
}

export interface CollectOptions {
  /** Walk the whole body instead of `root`; `root` itself is still never dropped as furniture. */
  allText?: boolean;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * One depth-first pass by firstChild/nextSibling rather than a TreeWalker: a NodeFilter would call
 * back into JS per node anyway, and walking by hand lets us see each block's end (for BLOCK_BREAK),
 * skip a whole subtree in one step, and run on linkedom, whose TreeWalker has neither filter nor
 * sibling moves.
 */
export function collectText(root: Element, options: CollectOptions = {}): TextMap {
  const steps = collectTextInSteps(root, options, Infinity);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * collectText in resumable steps: yields after every `nodesPerStep` nodes visited, so a long page's
 * walk (200,000 words take tens of milliseconds cold) can be cut into slices. Its result equals
 * collectText's on an unchanged DOM; a caller that yields to the page in between must check that the
 * DOM did not change meanwhile (a removed node would end the walk early).
 */
export function* collectTextInSteps(
  root: Element,
  options: CollectOptions = {},
  nodesPerStep = 2048,
): Generator<void, TextMap, void> {
  let visited = 0;
  const start = options.allText ? (root.ownerDocument.body ?? root) : root;
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let endsWithBreak = true; // no break at the very start

  const blockBreak = (): void => {
    if (endsWithBreak) return;
    parts.push(BLOCK_BREAK);
    length += 1;
    endsWithBreak = true;
  };
  // In allText mode the article root and its ancestors are walked even when their class looks like
  // furniture ("page has-comments"): a misnamed wrapper must not hide the article.
  const enters = (el: Element): boolean =>
    el === root ||
    (!isSkippedTag(el) && (!isFurniture(el) || (options.allText === true && el.contains(root))));

  let node: Node | null = start.firstChild;
  while (node && node !== start) {
    if (++visited >= nodesPerStep) {
      visited = 0;
      yield;
    }
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length) {
        nodes.push(node as Text);
        starts.push(length);
        parts.push(data);
        length += data.length;
        endsWithBreak = false;
      }
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      if (BLOCK_TAGS.has(el.localName)) blockBreak();
      descend = enters(el) && el.firstChild !== null;
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until a sibling exists, closing each block we leave.
    while (node && node !== start && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== start && BLOCK_TAGS.has((node as Element).localName)) blockBreak();
    }
    if (node && node !== start) {
      if (node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).localName)) blockBreak();
      node = node.nextSibling;
    }
  }
  return makeTextMap(parts.join(''), nodes, starts);
}

/**
 * Several walked subtrees as one text, a BLOCK_BREAK between two (as between blocks of one walk), so
 * that they can be matched together and their offsets still lead back to their nodes.
 */
export function joinTextMaps(maps: readonly TextMap[]): TextMap {
  if (maps.length === 1) return maps[0]!;
  const nodes: Text[] = [];
  const starts: number[] = [];
  let offset = 0;
  for (const map of maps) {
    nodes.push(...map.nodes);
    for (const start of map.starts) starts.push(start + offset);
    offset += map.text.length + 1;
  }
  return makeTextMap(maps.map((map) => map.text).join(BLOCK_BREAK), nodes, starts);
}

function makeTextMap(text: string, nodes: Text[], starts: number[]): TextMap {
  // Where the last lookup landed: marks are made in document order, mostly a few nodes apart, so a
  // short step forward finds most nodes without a binary search (this runs cold, on every page).
  let hint = 0;
  /** Index of the last node starting at or before `offset` (before, when `exclusive`). */
  const nodeAt = (offset: number, exclusive: boolean): number => {
    const last = exclusive ? offset - 1 : offset; // offsets are integers
    let i = hint;
    if (i < starts.length && starts[i]! <= last) {
      for (let step = 0; step < 8; step++, i++) {
        if (i + 1 === starts.length || starts[i + 1]! > last) return (hint = i);
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= last) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found >= 0) hint = found;
    return found;
  };
  const toSpan = (start: number, end: number): DomSpan | null => {
    if (!nodes.length || end < start) return null;
    let first = nodeAt(start, false);
    // A start in a BLOCK_BREAK gap belongs to the next node.
    if (first < 0 || start >= starts[first]! + nodes[first]!.data.length) first += 1;
    // An end is exclusive: offset 10 of "…(10 chars)|next" is the end of the node, not next's start.
    const last = end > start ? nodeAt(end, true) : first;
    if (first >= nodes.length || last < first) return null;
    const startNode = nodes[first]!;
    const endNode = nodes[last]!;
    return {
      startNode,
      startOffset: Math.max(0, start - starts[first]!),
      endNode,
      endOffset: Math.min(endNode.data.length, Math.max(0, end - starts[last]!)),
    };
  };
  return {
    text,
    nodes,
    starts,
    toSpan,
    toRange(start, end, doc) {
      const span = toSpan(start, end);
      // The map is a snapshot: where the page has since removed a node or cut its text short, no
      // range is made (one on a removed node stays out of the document; an offset past the end throws).
      if (!span || !span.startNode.isConnected || !span.endNode.isConnected || span.startOffset > span.startNode.length) return null;
      const range = (doc ?? span.startNode.ownerDocument).createRange();
      range.setStart(span.startNode, span.startOffset);
      range.setEnd(span.endNode, span.endOffset);
      return range;
    },
  };
}
