import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../src/core/highlights/model.ts';
import { csvField, toCsv } from '../../src/core/export/csv.ts';
import { toMarkdown } from '../../src/core/export/markdown.ts';
import { parseImport, planImport, MAX_IMPORT_CHARS } from '../../src/core/export/import.ts';
import { toJson } from '../../src/core/export/json.ts';
import { toWebAnnotation, toAnnotation, ANNO_CONTEXT } from '../../src/core/export/web-annotation.ts';

const fixedHighlight: Highlight = {
  id: '0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f',
  url: 'https://www.reuters.com/markets/pboc-cuts-rrr/',
  title: 'PBOC: "cuts" RRR\nby 50bp',
  site: 'www.reuters.com',
  published: '2024-02-05',
  created: 1_707_100_000_000,
  updated: 1_707_100_060_000,
  color: 'green',
  note: 'Watch <b>liquidity</b> & yields',
  tags: ['monetary policy', 'rrr'],
  entities: ['pboc'],
  selectors: {
    quote: { exact: 'cut the reserve requirement ratio, "RRR"', prefix: 'said it would ', suffix: ' by 50 basis points' },
    position: { start: 120, end: 160 },
  },
};

describe('CSV export (RFC 4180)', () => {
  it('starts with a UTF-8 BOM and the header row', () => {
    expect(toCsv([])).toBe('\ufeffid,url,title,site,published,created,updated,color,quote,note,tags,entities\r\n');
  });

  it('ends every record with CRLF, newlines inside fields included', () => {
    const csv = toCsv([fixedHighlight]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
  });

  it('writes a plain field as it is', () => {
    expect(csvField('PBOC')).toBe('PBOC');
    expect(csvField('中国人民银行 😀')).toBe('中国人民银行 😀');
  });

  it('quotes a field with a comma, a quote, a CR or an LF, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "RRR"')).toBe('"say ""RRR"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('one\rtwo')).toBe('"one\rtwo"');
  });

  it('keeps spreadsheets from running page text as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes one row per highlight with ISO times and semicolon-joined tags', () => {
    const [, row] = toCsv([fixedHighlight]).split(/\r\n(?=0b7e)/);
    expect(row).toBe(
      [
        '0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f',
        'https://www.reuters.com/markets/pboc-cuts-rrr/',
        '"PBOC: ""cuts"" RRR\nby 50bp"',
        'www.reuters.com',
        '2024-02-05',
        '2024-02-05T02:26:40.000Z',
        '2024-02-05T02:27:40.000Z',
        'green',
        '"cut the reserve requirement ratio, ""RRR"""',
        'Watch <b>liquidity</b> & yields',
        'monetary policy;rrr',
        'pboc',
      ].join(',') + '\r\n',
    );
  });
});

describe('Markdown export', () => {
  it('writes one file per article with front matter, quotes and notes', () => {
    expect(toMarkdown([fixedHighlight], { perArticle: true })).toEqual([
      {
        name: 'pboc-cuts-rrr-by-50bp.md',
        content: [
          '---',
          'title: "PBOC: \\"cuts\\" RRR\\nby 50bp"',
          'url: "https://www.reuters.com/markets/pboc-cuts-rrr/"',
          'site: "www.reuters.com"',
          'published: "2024-02-05"',
          'tags: ["monetary policy", "rrr"]',
          'entities: ["pboc"]',
          '---',
          '',
          '# [PBOC: "cuts" RRR by 50bp](<https://www.reuters.com/markets/pboc-cuts-rrr/>)',
          '',
          '> cut the reserve requirement ratio, "RRR"',
          '',
          'Watch \\<b>liquidity\\</b> \\& yields',
          '',
          'Tags: monetary policy, rrr',
          '',
        ].join('\n'),
      },
    ]);
  });

  it('escapes page text that Markdown would read as markup', () => {
    const quote = '# Not a heading\n- nor a list <img src=x onerror=alert(1)> *bold*';
    const [file] = toMarkdown([{ ...fixedHighlight, selectors: { ...fixedHighlight.selectors, quote: { ...fixedHighlight.selectors.quote, exact: quote } } }], { perArticle: true });
    expect(file!.content).toContain('> \\# Not a heading\n> \\- nor a list \\<img src=x onerror=alert(1)\\> \\*bold\\*');
  });

  it('gives articles with the same title distinct file names', () => {
    const other = { ...fixedHighlight, id: '1b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f', url: 'https://www.reuters.com/other' };
    expect(toMarkdown([fixedHighlight, other], { perArticle: true }).map((f) => f.name)).toEqual(['pboc-cuts-rrr-by-50bp.md', 'pboc-cuts-rrr-by-50bp-2.md']);
  });

  it('puts every article in one file when asked', () => {
    const files = toMarkdown([fixedHighlight], { perArticle: false });
    expect(files.map((f) => f.name)).toEqual(['reglens-highlights.md']);
    expect(files[0]!.content).toMatch(/^---\ntitle: "RegLens highlights"\ntags: \["monetary policy", "rrr"\]\nentities: \["pboc"\]\n---\n/);
    expect(files[0]!.content).toContain('## [PBOC: "cuts" RRR by 50bp](<https://www.reuters.com/markets/pboc-cuts-rrr/>)');
  });

});

const file = (highlights: unknown[]) => JSON.stringify({ format: 'reglens', version: 1, exportedAt: '2024-02-05T00:00:00.000Z', highlights });
const otherId = '1b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f';

describe('parseImport', () => {
  it('reads a RegLens JSON export', () => {
    expect(parseImport(toJson([fixedHighlight], new Date(0)))).toEqual({ kind: 'reglens', highlights: [fixedHighlight], invalid: [] });
  });

  it('reads W3C annotations given as a collection, a page, an array or a single annotation', () => {
    const annotation = { '@context': ANNO_CONTEXT, ...toAnnotation(fixedHighlight) };
    const page = { '@context': ANNO_CONTEXT, type: 'AnnotationPage', items: [annotation] };
    for (const text of [toWebAnnotation([fixedHighlight], 'urn:uuid:x'), JSON.stringify(page), JSON.stringify([annotation]), JSON.stringify(annotation)]) {
      expect(parseImport(text)).toEqual({ kind: 'w3c', highlights: [fixedHighlight], invalid: [] });
    }
  });

  it('fills what another tool leaves out of a W3C annotation with defaults', () => {
    const minimal = {
      '@context': ANNO_CONTEXT,
      id: `urn:uuid:${otherId}`,
      type: 'Annotation',
      created: '2024-02-05T00:00:00Z',
      body: { type: 'TextualBody', value: 'A note' },
      target: { source: 'https://news.example/a?utm_source=x', selector: { type: 'TextQuoteSelector', exact: 'SEC' } },
    };
    expect(parseImport(JSON.stringify(minimal))).toMatchObject({
      kind: 'w3c',
      highlights: [{ id: otherId, url: 'https://news.example/a', site: 'news.example', title: '', color: 'yellow', note: 'A note', tags: [], updated: Date.parse('2024-02-05T00:00:00Z') }],
    });
  });

  it('keeps the valid highlights and names each invalid one with its reason', () => {
    const result = parseImport(file([fixedHighlight, { ...fixedHighlight, id: otherId, color: 'red' }, 'nonsense']));
    expect(result).toMatchObject({ kind: 'reglens', highlights: [fixedHighlight] });
    expect('invalid' in result && result.invalid).toEqual([
      { index: 1, reason: expect.stringContaining('color') },
      { index: 2, reason: expect.any(String) },
    ]);
  });

  it('refuses a file from a newer RegLens', () => {
    expect(parseImport(JSON.stringify({ format: 'reglens', version: 2, highlights: [] }))).toEqual({ error: expect.stringContaining('newer RegLens') });
  });

  it.each([
    ['not JSON', '{"format": "reglens",'],
    ['a bare number', '42'],
    ['null', 'null'],
    ['an unrelated object', '{"hello": "world"}'],
    ['highlights that are not a list', JSON.stringify({ format: 'reglens', version: 1, exportedAt: '2024-02-05T00:00:00.000Z', highlights: {} })],
    ['a __proto__ key', file([JSON.parse(`{"__proto__": {"polluted": true}, "id": "x"}`)])],
    ['a nested constructor.prototype', file([{ ...fixedHighlight, selectors: { constructor: { prototype: { polluted: true } } } }])],
    ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['a file over the size limit', ' '.repeat(MAX_IMPORT_CHARS + 1)],
  ])('refuses %s with an error and no highlights', (_name, text) => {
    const result = parseImport(text);
    expect(result).toEqual({ error: expect.any(String) });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects an oversized field in one highlight without reading the rest of it', () => {
    const result = parseImport(file([{ ...fixedHighlight, note: 'x'.repeat(1_000_000) }]));
    expect(result).toMatchObject({ kind: 'reglens', highlights: [], invalid: [{ index: 0, reason: expect.stringContaining('note') }] });
  });
});

describe('planImport', () => {
  it('sorts highlights into new, duplicate (by id, also within the file) and invalid', () => {
    const second = { ...fixedHighlight, id: otherId };
    const parsed = { highlights: [fixedHighlight, second, second], invalid: [{ index: 3, reason: 'color: Invalid' }] };
    expect(planImport(new Set([fixedHighlight.id]), parsed)).toEqual({ new: [second], duplicate: [fixedHighlight, second], invalid: parsed.invalid });
  });
});
