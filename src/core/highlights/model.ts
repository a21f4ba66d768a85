import * as v from 'valibot';
import { normaliseUrl } from './url.ts';

/**
 * A saved highlight. The schema validates highlights arriving in messages and in imported files, so
 * every field has a size limit: an import is untrusted input.
 * Selectors follow the W3C Web Annotation model (https://www.w3.org/TR/annotation-model/#selectors).
 */

export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type Color = (typeof COLORS)[number];

export const LIMITS = {
  url: 4096,
  title: 1000,
  site: 253,
  note: 10_000,
  tag: 64,
  tags: 32,
  entity: 80,
  entities: 64,
  quote: 20_000,
  context: 256,
  /** Offsets into a page's text; far beyond any article. */
  offset: 50_000_000,
  /** Epoch ms of 9999-12-31T23:59:59.999Z: every value has a plain four-digit-year ISO form. */
  time: 253_402_300_799_999,
} as const;

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.offset));
const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.time));

/** Trims tags, drops empty ones and keeps the first spelling of case-insensitive duplicates. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(tag);
  }
  return kept;
}

const TagsSchema = v.pipe(
  v.array(v.pipe(v.string(), v.maxLength(LIMITS.tag * 4), v.trim(), v.maxLength(LIMITS.tag))),
  v.maxLength(LIMITS.tags),
  v.transform((tags: string[]) => normaliseTags(tags)),
);

const UrlSchema = v.pipe(
  text(LIMITS.url),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const url = normaliseUrl(dataset.value);
    if (url === null) {
      addIssue({ message: 'url must be an absolute http(s) URL' });
      return NEVER;
    }
    return url;
  }),
);

export const TextQuoteSelectorSchema = v.strictObject({
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.quote)),
  prefix: text(LIMITS.context),
  suffix: text(LIMITS.context),
});

export const TextPositionSelectorSchema = v.pipe(
  v.strictObject({ start: offset, end: offset }),
  v.check(({ start, end }) => start <= end, 'position start must not be after its end'),
);

export const SelectorsSchema = v.strictObject({
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
});
export type Selectors = v.InferOutput<typeof SelectorsSchema>;

export const HighlightSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(UUID_V4, 'id must be a lowercase UUID v4')),
    url: UrlSchema,
    title: text(LIMITS.title),
    site: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.site), v.regex(/^[^\s/?#@]+$/, 'site is a hostname')),
    /** Only when the page states it. */
    published: v.optional(
      v.pipe(v.string(), v.maxLength(40), v.regex(ISO_DATE, 'published must be an ISO 8601 date'), v.check((d) => !Number.isNaN(Date.parse(d)), 'published must be a real date')),
    ),
    created: time,
    updated: time,
    color: v.picklist(COLORS),
    note: text(LIMITS.note),
    tags: TagsSchema,
    /** Knowledge-base entry ids (src/core/glossary). */
    entities: v.pipe(v.array(v.pipe(v.string(), v.maxLength(LIMITS.entity), v.regex(SLUG, 'entities are knowledge-base ids'))), v.maxLength(LIMITS.entities)),
    selectors: SelectorsSchema,
  }),
  v.check((h) => h.updated >= h.created, 'updated must not be before created'),
);
export type Highlight = v.InferOutput<typeof HighlightSchema>;

export const EXPORT_FORMAT = 'reglens';
export const EXPORT_VERSION = 1;
/** More highlights than one reader makes in years; an import beyond it is refused whole. */
export const MAX_IMPORT_HIGHLIGHTS = 50_000;

/**
 * The versioned RegLens JSON file. Highlights are checked one by one on import (see parseImport), so
 * one bad entry does not sink the rest; this schema describes the envelope and the whole file.
 */
export const ExportFileSchema = v.strictObject({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: v.pipe(v.string(), v.maxLength(40), v.isoTimestamp()),
  highlights: v.pipe(v.array(HighlightSchema), v.maxLength(MAX_IMPORT_HIGHLIGHTS)),
});
export type ExportFile = v.InferOutput<typeof ExportFileSchema>;

export const ExportEnvelopeSchema = v.strictObject({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: v.pipe(v.string(), v.maxLength(40), v.isoTimestamp()),
  highlights: v.pipe(v.array(v.unknown()), v.maxLength(MAX_IMPORT_HIGHLIGHTS)),
});
