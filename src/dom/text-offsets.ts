import type { TextMap } from './text-walk.ts';

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, spelled out: no DOM globals in src/dom
const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY

/**
 * The offset in `map.text` of a DOM boundary point (a Range's start or end), or null when the point
 * lies outside the walked text. The reverse of TextMap.toRange, for saving a reader's selection.
 */
export function offsetOf(map: TextMap, container: Node, offset: number): number | null {
  if (container.nodeType === 3) {
    const index = map.nodes.indexOf(container as Text);
    return index < 0 ? null : map.starts[index]! + Math.min(offset, (container as Text).data.length);
  }
  // An element boundary sits before child `offset`, or after the element's last child.
  const child = container.childNodes[offset] ?? null;
  const index = child ? firstTextAtOrAfter(map, child) : firstTextAfterSubtree(map, container);
  if (index === null) return map.text.length;
  return map.starts[index]!;
}

/** Binary search: the first walked text node that is `node` itself, inside it, or after it. */
function firstTextAtOrAfter(map: TextMap, node: Node): number | null {
  return search(map, (text) => text === node || (node.compareDocumentPosition(text) & (FOLLOWING | CONTAINED_BY)) !== 0);
}

function firstTextAfterSubtree(map: TextMap, node: Node): number | null {
  return search(map, (text) => (node.compareDocumentPosition(text) & FOLLOWING) !== 0 && !node.contains(text));
}

/** `isAtOrAfter` is false then true along the nodes in document order. */
function search(map: TextMap, isAtOrAfter: (text: Text) => boolean): number | null {
  let low = 0;
  let high = map.nodes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (isAtOrAfter(map.nodes[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low < map.nodes.length ? low : null;
}
