// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseImport } from '../../src/core/export/import.ts';
import { toJson } from '../../src/core/export/json.ts';
import { toWebAnnotation } from '../../src/core/export/web-annotation.ts';
import type { Highlight } from '../../src/core/highlights/model.ts';
import { downloadFiles, type DownloadFile, type ExportFormat } from '../../src/ui/library/export-files.ts';
import { Library } from '../../src/ui/library/Library.tsx';
import { MemoryHighlightStore } from '../../src/ui/library/memory-store.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function highlight(n: number, fields: Partial<Highlight> = {}): Highlight {
  return {
    id: uuid(n),
    url: `https://news.example/a${n % 2}`,
    title: `Article ${n % 2}`,
    site: 'news.example',
    created: 1_700_000_000_000 + n * 60_000,
    updated: 1_700_000_000_000 + n * 60_000,
    color: 'yellow',
    note: '',
    tags: [],
    entities: n % 2 ? ['pboc'] : ['fed'],
    selectors: { quote: { exact: `Quote ${n}`, prefix: '', suffix: '' }, position: { start: n, end: n + 7 } },
    ...fields,
  };
}

let container: HTMLElement | null = null;
afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = null;
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

async function mount(store: MemoryHighlightStore) {
  container = document.createElement('div');
  document.body.append(container);
  const exports: { files: DownloadFile[]; format: ExportFormat }[] = [];
  const onExport = (files: DownloadFile[], format: ExportFormat) => {
    exports.push({ files, format });
  };
  await act(() => render(<Library store={store} entityName={(id) => id.toUpperCase()} onOpen={() => {}} onExport={onExport} searchDelay={0} now={() => new Date(Date.UTC(2024, 4, 1, 12))} />, container!));
  const root = container;
  await waitFor(() => root.querySelector('.library[aria-busy="false"]'));
  return { root, exports };
}

const button = (root: Element, text: string | RegExp) =>
  [...root.querySelectorAll('button')].find((b) => (typeof text === 'string' ? b.textContent === text : text.test(b.textContent ?? '')))!;
const quotes = (root: Element) => [...root.querySelectorAll('.lib-quote')].map((el) => el.textContent);

async function chooseFile(root: Element, content: string, name = 'highlights.json') {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('export', () => {
  it('exports everything in each format through onExport', async () => {
    const { root, exports } = await mount(new MemoryHighlightStore([1, 2, 3].map((n) => highlight(n))));
    for (const label of ['Markdown, one file', /^Markdown, one file per article/, 'CSV (spreadsheets)', 'JSON (RegLens backup)', 'W3C Web Annotation (JSON-LD)']) {
      const before = exports.length;
      await act(() => button(root, label).click());
      await waitFor(() => exports.length > before && !button(root, label).disabled);
    }
    expect(exports.map((e) => e.format)).toEqual(['markdown', 'markdown-per-article', 'csv', 'json', 'jsonld']);
    expect(exports.map((e) => e.files.map((f) => f.name))).toEqual([
      ['reglens-highlights-2024-05-01.md'],
      ['article-1.md', 'article-0.md'],
      ['reglens-highlights-2024-05-01.csv'],
      ['reglens-highlights-2024-05-01.json'],
      ['reglens-highlights-2024-05-01.jsonld'],
    ]);
    expect(button(root, /^Markdown, one file per article/).textContent).toBe('Markdown, one file per article (2)');
    const json = parseImport(exports[3]!.files[0]!.content);
    expect('highlights' in json && json.highlights.map((h) => h.id)).toEqual([uuid(1), uuid(2), uuid(3)]);
    const jsonld = parseImport(exports[4]!.files[0]!.content);
    expect('highlights' in jsonld && jsonld.highlights).toHaveLength(3);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Exported reglens-highlights-2024-05-01.jsonld.');
  });

  it('exports only what is shown when asked', async () => {
    const { root, exports } = await mount(new MemoryHighlightStore([1, 2, 3].map((n) => highlight(n))));
    const only = root.querySelector<HTMLInputElement>('.lib-export input[type="checkbox"]')!;
    expect(only.disabled).toBe(true);
    await act(() => {
      const select = root.querySelector<HTMLSelectElement>('.lib-filters select')!;
      select.value = 'pboc';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(only.disabled).toBe(false);
    expect(only.parentElement!.textContent).toBe('Only what is shown (2)');
    await act(() => button(root, 'CSV (spreadsheets)').click());
    await waitFor(() => exports.length === 1 && !button(root, 'CSV (spreadsheets)').disabled);
    await act(() => only.click());
    await act(() => button(root, 'CSV (spreadsheets)').click());
    await waitFor(() => exports.length === 2);
    const rows = (csv: string) => csv.trimEnd().split('\r\n').length - 1;
    expect(rows(exports[0]!.files[0]!.content)).toBe(3);
    expect(rows(exports[1]!.files[0]!.content)).toBe(2);
  });

  it('downloads through a Blob link by default', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return `blob:test/${created.length}`;
    });
    const clicks: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(`${this.download} <- ${this.href}`);
    });
    await downloadFiles([
      { name: 'a.md', type: 'text/markdown;charset=utf-8', content: '# A' },
      { name: 'b.md', type: 'text/markdown;charset=utf-8', content: '# B' },
    ]);
    expect(clicks).toEqual(['a.md <- blob:test/1', 'b.md <- blob:test/2']);
    expect(await created[1]!.text()).toBe('# B');
    expect(document.querySelector('a[download]')).toBeNull();
    createObjectURL.mockRestore();
    click.mockRestore();
  });
});

describe('import', () => {
  it('shows what an import would do, then writes on Confirm', async () => {
    const store = new MemoryHighlightStore([highlight(1)]);
    const { root } = await mount(store);
    const file = JSON.parse(toJson([highlight(1), highlight(2), highlight(3)])) as { highlights: unknown[] };
    file.highlights.push({ ...highlight(4), color: 'red' });
    await chooseFile(root, JSON.stringify(file), 'backup.json');
    const summary = await waitFor(() => root.querySelector('.lib-import-summary'));
    expect(summary.textContent).toContain('In backup.json:');
    expect([...summary.querySelectorAll('.lib-import-counts li')].map((li) => li.textContent)).toEqual(['New: 2', 'Already saved, skipped: 1', 'Invalid, skipped: 1']);
    expect(summary.querySelector('.lib-import-invalid')!.textContent).toMatch(/^Entry 4: color/);
    // Nothing is written before Confirm.
    expect(store.size).toBe(1);
    await act(() => button(root, 'Import 2 highlights').click());
    await waitFor(() => quotes(root).length === 3);
    expect(store.size).toBe(3);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Imported 2 highlights.');
    expect(root.querySelector('.lib-import-summary')).toBeNull();
  });

  it('reads W3C Web Annotation files', async () => {
    const store = new MemoryHighlightStore();
    const { root } = await mount(store);
    await chooseFile(root, toWebAnnotation([highlight(5)]), 'notes.jsonld');
    await waitFor(() => root.querySelector('.lib-import-summary'));
    await act(() => button(root, 'Import 1 highlight').click());
    await waitFor(() => quotes(root).length === 1);
    expect((await store.all())[0]).toEqual(highlight(5));
  });

  it('changes nothing when Cancel is chosen', async () => {
    const store = new MemoryHighlightStore([highlight(1)]);
    const { root } = await mount(store);
    await chooseFile(root, toJson([highlight(2)]));
    await waitFor(() => root.querySelector('.lib-import-summary'));
    await act(() => button(root, 'Cancel').click());
    expect(root.querySelector('.lib-import-summary')).toBeNull();
    expect(store.size).toBe(1);
  });

  it.each([
    ['a prototype-pollution key', JSON.stringify({ format: 'reglens', version: 1, exportedAt: '2024-05-01T00:00:00Z', highlights: [] }).replace('{', '{"__proto__":{"polluted":true},'), /key "__proto__"/],
    ['a nested constructor key', JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', items: [{ constructor: { prototype: { x: 1 } } }] }), /key "constructor"/],
    ['text that is not JSON', '<img src=x onerror="globalThis.pwned=1">', /not valid JSON/],
    ['a JSON value of the wrong type', '"just a string"', /holds no highlights/],
    ['an envelope with wrong types', JSON.stringify({ format: 'reglens', version: 1, exportedAt: 5, highlights: 'none' }), /malformed/],
    ['a newer format version', JSON.stringify({ format: 'reglens', version: 99, exportedAt: '2024-05-01T00:00:00Z', highlights: [] }), /newer RegLens/],
  ])('refuses %s with an error and changes nothing', async (_, content, reason) => {
    const store = new MemoryHighlightStore([highlight(1)]);
    const importSpy = vi.spyOn(store, 'import');
    const { root } = await mount(store);
    await chooseFile(root, content);
    const alert = await waitFor(() => root.querySelector('.lib-import [role="alert"]'));
    expect(alert.textContent).toMatch(/^This file cannot be imported, and nothing was changed\./);
    expect(alert.textContent).toMatch(reason);
    expect(root.querySelector('.lib-import-summary')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
    expect(importSpy).not.toHaveBeenCalled();
    expect(store.size).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('offers nothing to confirm when every entry is invalid, and shows why', async () => {
    const store = new MemoryHighlightStore([highlight(1)]);
    const { root } = await mount(store);
    const hostile = { ...highlight(2), note: 12, tags: '<img src=x onerror=alert(1)>' };
    await chooseFile(root, JSON.stringify({ format: 'reglens', version: 1, exportedAt: '2024-05-01T00:00:00Z', highlights: [hostile, 'x', null] }));
    const summary = await waitFor(() => root.querySelector('.lib-import-summary'));
    expect([...summary.querySelectorAll('.lib-import-counts li')].map((li) => li.textContent)).toEqual(['New: 0', 'Already saved, skipped: 0', 'Invalid, skipped: 3']);
    expect(summary.querySelectorAll('.lib-import-invalid li')).toHaveLength(3);
    expect(button(root, 'Import 0 highlights').disabled).toBe(true);
    expect(summary.textContent).toContain('Nothing new to import.');
    expect(store.size).toBe(1);
  });

  it('imports markup in a quote as text', async () => {
    const store = new MemoryHighlightStore();
    const { root } = await mount(store);
    const xss = '<img src=x onerror="globalThis.pwned=1">';
    await chooseFile(root, toJson([highlight(2, { note: xss, title: xss, tags: [xss.slice(0, 60)], selectors: { quote: { exact: xss, prefix: '', suffix: '' }, position: { start: 0, end: 10 } } })]));
    await waitFor(() => root.querySelector('.lib-import-summary'));
    await act(() => button(root, 'Import 1 highlight').click());
    await waitFor(() => quotes(root).length === 1);
    expect(quotes(root)).toEqual([xss]);
    expect(root.querySelector('.lib-article-title')!.textContent).toBe(xss);
    expect(root.querySelector('img')).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('reports a failed write and keeps the list as it was', async () => {
    const store = new MemoryHighlightStore([highlight(1)]);
    store.import = () => Promise.reject(new Error('QuotaExceededError'));
    const { root } = await mount(store);
    await chooseFile(root, toJson([highlight(2)]));
    await waitFor(() => root.querySelector('.lib-import-summary'));
    await act(() => button(root, 'Import 1 highlight').click());
    const alert = await waitFor(() => root.querySelector('.lib-import [role="alert"]'));
    expect(alert.textContent).toBe('Nothing was imported: QuotaExceededError');
    expect(quotes(root)).toEqual(['Quote 1']);
  });
});
