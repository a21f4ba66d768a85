import { describe, expect, it } from 'vitest';
import { createMarkLayer, PAINT_ALL_MAX } from '../../src/dom/marks.ts';

// A window with the Highlight API and an IntersectionObserver the test drives by hand.
class FakeHighlight extends Set<unknown> {
  priority = 0;
}
class FakeObserver {
  static current: FakeObserver | null = null;
  observed = new Set<object>();
  constructor(readonly report: (entries: Array<{ target: object; isIntersecting: boolean }>) => void) {
    FakeObserver.current = this;
  }
  observe(target: object) {
    this.observed.add(target);
  }
  unobserve(target: object) {
    this.observed.delete(target);
  }
  disconnect() {
    this.observed.clear();
  }
}

function page() {
  const highlights = new Map<string, FakeHighlight>();
  const doc = { defaultView: { CSS: { highlights }, Highlight: FakeHighlight, IntersectionObserver: FakeObserver } } as unknown as Document;
  const paragraphs = Array.from({ length: 200 }, (_, i) => ({ nodeType: 1, id: i }));
  // Three marks per paragraph.
  const ranges = paragraphs.flatMap((p) => [0, 1, 2].map(() => ({ startContainer: { nodeType: 3, parentElement: p } }) as unknown as Range));
  return { doc, highlights, paragraphs, ranges };
}

describe('the mark layer on a page with many marks', () => {
  it('paints everything up to PAINT_ALL_MAX marks', () => {
    const { doc, highlights, ranges } = page();
    const marks = createMarkLayer(doc);
    marks.add('body', ranges.slice(0, PAINT_ALL_MAX));
    expect(highlights.get('reglens-body')!.size).toBe(PAINT_ALL_MAX);
  });

  it('beyond, paints only what is near the viewport, follows the scroll, and never flashes what stays', () => {
    const { doc, highlights, paragraphs, ranges } = page();
    const marks = createMarkLayer(doc);
    marks.add('body', ranges); // 600 marks: over the limit, so painting turns to the viewport
    const body = highlights.get('reglens-body')!;
    const observer = FakeObserver.current!;
    expect(observer.observed.size).toBe(paragraphs.length);
    expect(body.size).toBe(ranges.length); // nothing unpainted before the first report

    observer.report(paragraphs.map((p, i) => ({ target: p, isIntersecting: i < 10 })));
    expect(body.size).toBe(30);
    expect(body.has(ranges[0])).toBe(true);

    observer.report([{ target: paragraphs[0]!, isIntersecting: false }, { target: paragraphs[150]!, isIntersecting: true }]);
    expect(body.has(ranges[0])).toBe(false);
    expect(body.has(ranges[450])).toBe(true);
    expect(body.size).toBe(30);

    // Replacing the set keeps what stays painted, drops what went, and tracks what came.
    marks.set('body', ranges.slice(3));
    expect(body.size).toBe(30);
    expect(observer.observed.has(paragraphs[0]!)).toBe(false);
  });

  it('always paints the focus mark at once, and paints everything again once cleared', () => {
    const { doc, highlights, paragraphs, ranges } = page();
    const marks = createMarkLayer(doc);
    marks.add('body', ranges);
    FakeObserver.current!.report(paragraphs.map((p) => ({ target: p, isIntersecting: false })));
    marks.set('focus', [ranges[599]!]);
    expect(highlights.get('reglens-focus')!.size).toBe(1);
    marks.clear();
    expect(FakeObserver.current!.observed.size).toBe(0);
    marks.add('body', ranges.slice(0, 10));
    expect(highlights.get('reglens-body')!.size).toBe(10);
  });
});
