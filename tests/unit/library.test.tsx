// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Highlight } from '../../src/core/highlights/model.ts';
import { Library, type LibraryProps } from '../../src/ui/library/Library.tsx';
import { MemoryHighlightStore } from '../../src/ui/library/memory-store.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const T0 = 1_700_000_000_000;

function highlight(n: number, fields: Partial<Highlight> & { quote?: string } = {}): Highlight {
  const { quote = `Quote number ${n}`, ...rest } = fields;
  return {
    id: uuid(n),
    url: `https://news.example/a${n}`,
    title: `Article ${n}`,
    site: 'news.example',
    created: T0 + n * 60_000,
    updated: T0 + n * 60_000,
    color: 'yellow',
    note: '',
    tags: [],
    entities: [],
    selectors: { quote: { exact: quote, prefix: '', suffix: '' }, position: { start: n, end: n + quote.length } },
    ...rest,
  };
}

const REUTERS = { url: 'https://www.reuters.com/pboc-cuts-rrr', title: 'PBOC cuts reserve ratio', site: 'www.reuters.com' };
const FT = { url: 'https://www.ft.com/fed-holds', title: 'Fed holds rates', site: 'www.ft.com' };
const fixtures = () => [
  highlight(1, { ...REUTERS, quote: 'The PBOC cut the reserve requirement ratio by 50 basis points', entities: ['pboc'], tags: ['RRR'] }),
  highlight(2, { ...FT, quote: 'The Federal Reserve held rates steady', entities: ['fed'], note: 'Dot plot next' }),
  highlight(3, { ...REUTERS, quote: 'Analysts expect further easing', entities: ['pboc'], note: 'Compare with Q3', color: 'green' }),
  highlight(4, { url: 'https://www.scmp.com/sasac', title: 'SASAC reshuffle', site: 'www.scmp.com', quote: 'SASAC named new chairs', entities: ['sasac', 'pboc'] }),
];

const NAMES: Record<string, string> = { pboc: "People's Bank of China", fed: 'Federal Reserve', sasac: 'SASAC' };
const entityName = (id: string) => NAMES[id] ?? id;

let container: HTMLElement | null = null;
afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = null;
  vi.useRealTimers();
});

async function waitFor<T>(check: () => T | null | undefined | false, timeout = 2000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error('waitFor timed out');
    await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  }
}

async function mount(store = new MemoryHighlightStore(fixtures(), () => T0 + 10 * 86_400_000), props: Partial<LibraryProps> = {}) {
  container = document.createElement('div');
  document.body.append(container);
  const onOpen = vi.fn();
  await act(() => render(<Library store={store} entityName={entityName} onOpen={onOpen} searchDelay={0} {...props} />, container!));
  const root = container;
  await waitFor(() => root.querySelector('.library[aria-busy="false"]'));
  return { root, store, onOpen };
}

const quotes = (root: Element) => [...root.querySelectorAll('.lib-quote')].map((el) => el.textContent);
const headings = (root: Element) => [...root.querySelectorAll('.lib-article-title')].map((el) => el.textContent);
const rowOf = (root: Element, id: string) => root.querySelector(`[data-highlight-id="${id}"]`)!;
const button = (root: Element, text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;

async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function choose(select: HTMLSelectElement, value: string) {
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
async function click(el: Element) {
  await act(() => (el as HTMLElement).click());
}
async function key(el: Element, init: KeyboardEventInit) {
  await act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  });
}

describe('Library list', () => {
  it('groups highlights by article, newest article and newest highlight first', async () => {
    const { root } = await mount();
    expect(headings(root)).toEqual(['SASAC reshuffle', 'PBOC cuts reserve ratio', 'Fed holds rates']);
    expect(quotes(root)).toEqual(['SASAC named new chairs', 'Analysts expect further easing', 'The PBOC cut the reserve requirement ratio by 50 basis points', 'The Federal Reserve held rates steady']);
    expect(root.querySelector('.lib-count')!.textContent).toBe('4 highlights');
  });

  it('shows note, tags, entity names and colour on a row', async () => {
    const { root } = await mount();
    const row = rowOf(root, uuid(3));
    expect(row.querySelector('.lib-note')!.textContent).toBe('Compare with Q3');
    expect(row.querySelector('.lib-chip-entity')!.textContent).toBe("People's Bank of China");
    expect(row.querySelector('[role="img"]')!.getAttribute('aria-label')).toBe('Colour: Green');
    expect(rowOf(root, uuid(1)).querySelector('.lib-chip-tag')!.textContent).toBe('#RRR');
  });

  it('opens the article at a highlight from its quote', async () => {
    const { root, onOpen } = await mount();
    await click(rowOf(root, uuid(2)).querySelector('.lib-quote')!);
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: uuid(2) }));
  });

  it('shows the newest first screen before the rest has loaded', async () => {
    const store = new MemoryHighlightStore(fixtures());
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const all = store.all.bind(store);
    store.all = async () => {
      await gate;
      return all();
    };
    const newest = vi.spyOn(store, 'newest');
    container = document.createElement('div');
    document.body.append(container);
    await act(() => render(<Library store={store} entityName={entityName} onOpen={() => {}} />, container!));
    const root = container;
    await waitFor(() => root.querySelector('.lib-loading'));
    expect(newest).toHaveBeenCalledWith(100);
    expect(quotes(root)).toHaveLength(4);
    release();
    await waitFor(() => !root.querySelector('.lib-loading'));
  });

  it('renders only the rows in view of a long list', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => highlight(i + 1));
    const { root } = await mount(new MemoryHighlightStore(many));
    expect(root.querySelector('.lib-count')!.textContent).toBe('2000 highlights');
    const rendered = root.querySelectorAll('.lib-item').length;
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(60);
    // Scrolling to the end brings the oldest highlight in.
    const list = root.querySelector<HTMLElement>('.lib-list')!;
    const body = root.querySelector<HTMLElement>('.vlist-body')!;
    await act(() => {
      list.scrollTop = parseFloat(body.style.height);
      list.dispatchEvent(new Event('scroll'));
    });
    await waitFor(() => rowOf(root, uuid(1)));
    expect(root.querySelectorAll('.lib-item').length).toBeLessThan(60);
  });
});

describe('search and filters', () => {
  it('narrows the list as the reader types, after a short pause', async () => {
    const { root } = await mount(undefined, { searchDelay: 100 });
    const search = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(root.querySelector(`label[for="${search.id}"]`)!.textContent).toBe('Search highlights');
    await type(search, 'dot PLOT');
    expect(quotes(root)).toHaveLength(4);
    await waitFor(() => quotes(root).length === 1);
    expect(quotes(root)).toEqual(['The Federal Reserve held rates steady']);
    expect(root.querySelector('.lib-count')!.textContent).toBe('1 of 4 highlights shown');
  });

  it('says so when nothing matches', async () => {
    const { root } = await mount();
    await type(root.querySelector<HTMLInputElement>('input[type="search"]')!, 'zebra');
    expect(root.querySelector('.lib-empty')!.textContent).toMatch(/No highlights match/);
  });

  it('shows everything about one entity across all articles', async () => {
    const { root } = await mount();
    const select = root.querySelector<HTMLSelectElement>('.lib-filters select')!;
    expect(root.querySelector(`label[for="${select.id}"]`)!.textContent).toBe('Regulator or term');
    expect([...select.options].map((o) => o.textContent)).toEqual(['All', 'Federal Reserve (1)', "People's Bank of China (3)", 'SASAC (1)']);
    await choose(select, 'pboc');
    expect(headings(root)).toEqual(['SASAC reshuffle', 'PBOC cuts reserve ratio']);
    expect(quotes(root)).toHaveLength(3);
    expect(root.querySelector('.lib-filters summary')!.textContent).toBe('Filters (1 on)');
  });

  it('filters by an entity chip, and clears', async () => {
    const { root } = await mount();
    await click(rowOf(root, uuid(2)).querySelector('.lib-chip-entity')!);
    expect(quotes(root)).toEqual(['The Federal Reserve held rates steady']);
    await click(button(root, 'Clear filters'));
    expect(quotes(root)).toHaveLength(4);
  });

  it('filters by tag and by site', async () => {
    const { root } = await mount();
    await click(rowOf(root, uuid(1)).querySelector('.lib-chip-tag')!);
    expect(quotes(root)).toHaveLength(1);
    await click(button(root, 'Clear filters'));
    const [, , site] = root.querySelectorAll<HTMLSelectElement>('.lib-filters select');
    await choose(site!, 'www.ft.com');
    expect(headings(root)).toEqual(['Fed holds rates']);
  });

  it('filters by the day a highlight was saved', async () => {
    const day = (time: number) => {
      const d = new Date(time);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const store = new MemoryHighlightStore([highlight(1, { created: Date.UTC(2024, 0, 10, 12), updated: Date.UTC(2024, 0, 10, 12) }), highlight(2, { created: Date.UTC(2024, 2, 5, 12), updated: Date.UTC(2024, 2, 5, 12) })]);
    const { root } = await mount(store);
    const [from, to] = root.querySelectorAll<HTMLInputElement>('.lib-filters input[type="date"]');
    await choose(from as unknown as HTMLSelectElement, day(Date.UTC(2024, 2, 5, 12)));
    expect(quotes(root)).toEqual(['Quote number 2']);
    await choose(from as unknown as HTMLSelectElement, '');
    await choose(to as unknown as HTMLSelectElement, day(Date.UTC(2024, 0, 10, 12)));
    expect(quotes(root)).toEqual(['Quote number 1']);
  });
});

describe('editing in place', () => {
  it('saves a new note and tags', async () => {
    const { root, store } = await mount();
    await click(rowOf(root, uuid(2)).querySelector('.lib-actions button')!);
    const row = rowOf(root, uuid(2));
    const note = row.querySelector('textarea')!;
    expect(document.activeElement).toBe(note);
    expect(row.querySelector(`label[for="${note.id}"]`)!.textContent).toBe('Note');
    await type(note, 'Dots moved up');
    await type(row.querySelector<HTMLInputElement>('input[type="text"]')!, 'rates, FOMC，fomc');
    await click(row.querySelector<HTMLInputElement>('input[value="blue"]')!);
    await click(button(row, 'Save'));
    await waitFor(() => !rowOf(root, uuid(2)).querySelector('textarea'));
    const saved = (await store.all()).find((h) => h.id === uuid(2))!;
    expect(saved).toMatchObject({ note: 'Dots moved up', tags: ['rates', 'FOMC'], color: 'blue' });
    expect(rowOf(root, uuid(2)).querySelector('.lib-note')!.textContent).toBe('Dots moved up');
    // Focus returns to the row's Edit button (after the effects have run).
    await waitFor(() => document.activeElement === rowOf(root, uuid(2)).querySelector('.lib-actions button'));
  });

  it('saves with Ctrl+Enter and cancels with Escape', async () => {
    const { root, store } = await mount();
    await click(rowOf(root, uuid(3)).querySelector('.lib-actions button')!);
    let note = rowOf(root, uuid(3)).querySelector('textarea')!;
    await type(note, 'discarded');
    await key(note, { key: 'Escape' });
    expect(rowOf(root, uuid(3)).querySelector('textarea')).toBeNull();
    expect((await store.all()).find((h) => h.id === uuid(3))!.note).toBe('Compare with Q3');

    await click(rowOf(root, uuid(3)).querySelector('.lib-actions button')!);
    note = rowOf(root, uuid(3)).querySelector('textarea')!;
    await type(note, 'kept');
    await key(note, { key: 'Enter', ctrlKey: true });
    await waitFor(() => !rowOf(root, uuid(3)).querySelector('textarea'));
    expect((await store.all()).find((h) => h.id === uuid(3))!.note).toBe('kept');
  });

  it('keeps the editor open and explains when a save fails', async () => {
    const { root } = await mount();
    await click(rowOf(root, uuid(3)).querySelector('.lib-actions button')!);
    const row = rowOf(root, uuid(3));
    await type(row.querySelector<HTMLInputElement>('input[type="text"]')!, 'x'.repeat(65));
    await click(button(row, 'Save'));
    expect(row.querySelector('[role="alert"]')!.textContent).toBe('A tag can have at most 64 characters.');
    expect(row.querySelector('textarea')).not.toBeNull();
  });
});

describe('delete with undo', () => {
  it('removes the row, offers Undo, and restores the highlight exactly', async () => {
    const { root, store } = await mount();
    const before = (await store.all()).find((h) => h.id === uuid(3))!;
    await click(button(rowOf(root, uuid(3)), 'Delete'));
    expect(rowOf(root, uuid(3))).toBeNull();
    const toast = await waitFor(() => root.querySelector('[role="status"]')?.textContent?.includes('Highlight deleted') && root.querySelector('[role="status"]'));
    expect(toast!.textContent).toBe('Highlight deleted — Undo');
    expect((await store.all()).some((h) => h.id === uuid(3))).toBe(false);
    await click(button(toast as Element, 'Undo'));
    await waitFor(() => rowOf(root, uuid(3)));
    expect((await store.all()).find((h) => h.id === uuid(3))).toEqual(before);
    expect(quotes(root)).toEqual(['SASAC named new chairs', 'Analysts expect further easing', 'The PBOC cut the reserve requirement ratio by 50 basis points', 'The Federal Reserve held rates steady']);
  });

  it('lets the undo offer expire', async () => {
    const { root } = await mount(undefined, { undoMs: 30 });
    await click(button(rowOf(root, uuid(2)), 'Delete'));
    await waitFor(() => root.querySelector('.lib-toast-undo'));
    await waitFor(() => !root.querySelector('.lib-toast-undo'));
    expect(root.querySelector('[role="status"]')!.textContent).toBe('');
  });

  it('puts the row back and says why when the store cannot delete', async () => {
    const store = new MemoryHighlightStore(fixtures());
    store.remove = () => Promise.reject(new Error('disk full'));
    const { root } = await mount(store);
    await click(button(rowOf(root, uuid(2)), 'Delete'));
    await waitFor(() => root.querySelector('[role="alert"]'));
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Could not delete: disk full');
    expect(rowOf(root, uuid(2))).not.toBeNull();
  });
});

describe('page and reader text stays text', () => {
  it('renders markup in a quote, note, title, tag or entity as literal text', async () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1">';
    const store = new MemoryHighlightStore([highlight(1, { quote: hostile, note: `<script>globalThis.pwned=2</script>`, title: `<b>${hostile}</b>`, tags: ['<svg onload=alert(1)>'], entities: ['pboc'] })]);
    const { root } = await mount(store, { entityName: () => '<iframe src="javascript:alert(1)">' });
    expect(root.querySelector('img, script, b, svg, iframe')).toBeNull();
    expect(quotes(root)).toEqual([hostile]);
    expect(root.querySelector('.lib-note')!.textContent).toBe('<script>globalThis.pwned=2</script>');
    expect(headings(root)).toEqual([`<b>${hostile}</b>`]);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});
