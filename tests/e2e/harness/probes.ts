/**
 * Expressions evaluated in the page under test. They read what RegLens left there through public
 * page APIs only: the Highlight registry and the performance timeline.
 */
export const annotated = (count = 1) =>
  `performance.getEntriesByName('reglens:annotate').length >= ${count} || performance.getEntriesByName('reglens:rescan').length >= ${count - 1} && performance.getEntriesByName('reglens:annotate').length > 0`;

/**
 * Marks per RegLens highlight, each range's text in document order (a highlight's own order is the
 * order ranges were added: late content and marks painted near the viewport come in any order).
 */
export const readMarks = `(() => Object.fromEntries([...CSS.highlights.entries()]
  .filter(([name]) => name.startsWith('reglens-'))
  .map(([name, highlight]) => [name.slice('reglens-'.length), [...highlight]
    .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
    .map((range) => range.toString())])))()`;

export const measures = `performance.getEntriesByType('measure').filter((m) => m.name.startsWith('reglens:')).map((m) => ({ name: m.name, duration: m.duration }))`;

/** Viewport centre of the n-th range of a highlight, for pointer tests. */
export const rangeCentre = (category: string, index: number) => `(() => {
  const range = [...CSS.highlights.get('reglens-${category}')][${index}];
  const rect = range.getClientRects()[0];
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: range.toString() };
})()`;

/** The tooltip lives in a closed shadow root; the page can see that its host exists, not inside it. */
export const tooltipHostPresent = `!!document.querySelector('reglens-ui')`;
