import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toJson } from '../../src/core/export/json.ts';
import { toMarkdown } from '../../src/core/export/markdown.ts';
import { toWebAnnotation } from '../../src/core/export/web-annotation.ts';
import { yamlString } from '../../src/core/export/yaml.ts';
import { parseImport } from '../../src/core/export/import.ts';
import { COLORS, LIMITS, normaliseTags, type Highlight } from '../../src/core/highlights/model.ts';
import { normaliseUrl } from '../../src/core/highlights/url.ts';

/** Strings that have broken exporters before: markup, quotes, separators, scripts, bidi, emoji. */
const NASTY = [
  '<img src=x onerror=alert(1)>',
  '"quoted", with comma',
  "it's; semi",
  'line one\nline two\r\nline three\rend',
  '中国人民银行 宏观审慎',
  'مصرف لبنان \u202eRTL override',
  '😀 👨‍👩‍👧 🏳️‍🌈',
  '__proto__',
  'key: value # comment',
  '- list item',
  '=HYPERLINK("http://evil")',
  'null',
  'yes',
  '\u2028\u2029\u0085\u007f\ufeff',
  '\\ backslash \\n',
  '   padded   ',
];

const text = (maxLength: number) => fc.oneof(fc.string({ unit: 'binary', maxLength }), fc.string({ unit: 'grapheme', maxLength }), fc.constantFrom(...NASTY));
const nonEmpty = (maxLength: number) => text(maxLength).filter((s) => s.length > 0);

const url = fc
  .webUrl({ withQueryParameters: true })
  .map((u) => normaliseUrl(u))
  .filter((u): u is string => u !== null);

const highlightArbitrary: fc.Arbitrary<Highlight> = fc
  .record(
    {
      id: fc.uuid({ version: 4 }),
      url,
      title: text(200),
      published: fc.oneof(
        fc.date({ min: new Date(0), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
        fc.date({ min: new Date(0), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      ),
      created: fc.integer({ min: 0, max: LIMITS.time - 1_000_000 }),
      age: fc.integer({ min: 0, max: 1_000_000 }),
      color: fc.constantFrom(...COLORS),
      note: text(500),
      tags: fc.array(nonEmpty(40), { maxLength: 6 }),
      entities: fc.uniqueArray(fc.constantFrom('pboc', 'sasac', 'ndrc', 'sec', 'fed', 'fca', 'basel-iii', 'common-prosperity'), { maxLength: 4 }),
      exact: nonEmpty(300),
      prefix: text(32),
      suffix: text(32),
      start: fc.nat({ max: 1_000_000 }),
    },
    { requiredKeys: ['id', 'url', 'title', 'created', 'age', 'color', 'note', 'tags', 'entities', 'exact', 'prefix', 'suffix', 'start'] },
  )
  .map(({ age, exact, prefix, suffix, start, published, ...h }) => ({
    id: h.id,
    url: h.url,
    title: h.title,
    site: new URL(h.url).hostname,
    ...(published === undefined ? {} : { published }),
    created: h.created,
    updated: h.created + age,
    color: h.color,
    note: h.note,
    tags: normaliseTags(h.tags).filter((tag) => tag.length <= LIMITS.tag),
    entities: h.entities,
    selectors: { quote: { exact, prefix, suffix }, position: { start, end: start + exact.length } },
  }));

const highlights = fc.uniqueArray(highlightArbitrary, { maxLength: 8, selector: (h) => h.id });

describe('export then import', () => {
  it('restores every highlight exactly from the RegLens JSON file', () => {
    fc.assert(
      fc.property(highlights, (saved) => {
        expect(parseImport(toJson(saved))).toStrictEqual({ kind: 'reglens', highlights: saved, invalid: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('restores every highlight exactly from W3C Web Annotation JSON-LD', () => {
    fc.assert(
      fc.property(highlights, (saved) => {
        expect(parseImport(toWebAnnotation(saved, 'urn:uuid:00000000-0000-4000-8000-000000000000'))).toStrictEqual({
          kind: 'w3c',
          highlights: saved,
          invalid: [],
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('Markdown front matter', () => {
  it('quotes every string so that any title, URL or tag reads back unchanged', () => {
    for (const nasty of NASTY) expect(YAML_PRINTABLE.test(yamlString(nasty))).toBe(true);
    fc.assert(
      fc.property(highlightArbitrary, (h) => {
        const [file] = toMarkdown([h], { perArticle: true });
        expect(YAML_PRINTABLE.test(file!.content.split('\n---\n')[0]!)).toBe(true);
        expect(readFrontMatter(file!.content)).toEqual({
          title: h.title,
          url: h.url,
          site: h.site,
          ...(h.published === undefined ? {} : { published: h.published }),
          tags: h.tags,
          entities: h.entities,
        });
        expect(file!.name).toMatch(/^[\p{L}\p{N}][\p{L}\p{N}-]*\.md$/u);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Reads our front matter back: each line is `key: value`, where value is a double-quoted scalar or a
 * flow sequence of them. Our YAML escapes are a subset of JSON's once \u escapes are allowed, so
 * JSON.parse can read the values; any raw line break or stray syntax would fail here.
 */
function readFrontMatter(content: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(content);
  if (!match) throw new Error('no front matter');
  return Object.fromEntries(
    match[1]!.split('\n').map((line) => {
      const [, key, value] = /^([a-z]+): (.*)$/.exec(line) ?? [];
      if (!key || value === undefined) throw new Error(`not a key: value line: ${line}`);
      return [key, JSON.parse(value)];
    }),
  );
}

const YAML_PRINTABLE = /^[\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
