import * as v from 'valibot';
import { COLORS, LIMITS, type Highlight } from '../highlights/model.ts';

/**
 * W3C Web Annotation (https://www.w3.org/TR/annotation-model/) as JSON-LD, so highlights move to and
 * from other annotation tools. Every Highlight field maps to a standard property and back:
 * - note -> TextualBody, purpose commenting; each tag -> TextualBody, purpose tagging;
 * - each entity -> SpecificResource body, purpose identifying, source urn:reglens:entity:<id>;
 * - color -> target styleClass `reglens-<color>` (the model's way to say how a segment is styled);
 * - page title, site (hostname) and published date -> Dublin Core terms on the target; the
 *   anno.jsonld context defines the `dcterms:` prefix, so JSON-LD processors expand them.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const UUID_URN = 'urn:uuid:';
const ENTITY_URN = 'urn:reglens:entity:';
const STYLE_PREFIX = 'reglens-';

interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}
interface EntityBody {
  type: 'SpecificResource';
  source: string;
  purpose: 'identifying';
}

export function toAnnotation(h: Highlight) {
  const body: (TextualBody | EntityBody)[] = [
    ...(h.note === '' ? [] : [{ type: 'TextualBody', value: h.note, format: 'text/plain', purpose: 'commenting' } as const]),
    ...h.tags.map((value) => ({ type: 'TextualBody', value, purpose: 'tagging' }) as const),
    ...h.entities.map((id) => ({ type: 'SpecificResource', source: `${ENTITY_URN}${id}`, purpose: 'identifying' }) as const),
  ];
  return {
    id: `${UUID_URN}${h.id}`,
    type: 'Annotation',
    motivation: h.note === '' ? 'highlighting' : 'commenting',
    created: new Date(h.created).toISOString(),
    modified: new Date(h.updated).toISOString(),
    body,
    target: {
      type: 'SpecificResource',
      source: h.url,
      styleClass: `${STYLE_PREFIX}${h.color}`,
      'dcterms:title': h.title,
      'dcterms:publisher': h.site,
      ...(h.published === undefined ? {} : { 'dcterms:issued': h.published }),
      selector: [
        { type: 'TextQuoteSelector', ...h.selectors.quote },
        { type: 'TextPositionSelector', ...h.selectors.position },
      ],
    },
  };
}

/**
 * An AnnotationCollection with its one page embedded (https://www.w3.org/TR/annotation-model/#collections).
 * `id` names the export; pass a fresh urn:uuid.
 */
export function toWebAnnotation(highlights: readonly Highlight[], id: string = `${UUID_URN}${crypto.randomUUID()}`): string {
  const collection = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'RegLens highlights',
    total: highlights.length,
    first: { id: `${id}#page-1`, type: 'AnnotationPage', startIndex: 0, items: highlights.map(toAnnotation) },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

// ---- Reading annotations back (ours, or another tool's when it uses the same building blocks) ----

const str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const oneOrMany = <T extends v.GenericSchema>(item: T) =>
  v.pipe(v.union([v.pipe(v.array(item), v.maxLength(LIMITS.tags + LIMITS.entities + 8)), item]), v.transform((x) => (Array.isArray(x) ? x : [x]) as v.InferOutput<T>[]));

const BodySchema = v.looseObject({
  type: v.optional(str(40)),
  value: v.optional(str(LIMITS.note)),
  source: v.optional(str(LIMITS.url)),
  purpose: v.optional(str(40)),
});
const SelectorSchema = v.looseObject({
  type: str(40),
  exact: v.optional(v.string()),
  prefix: v.optional(v.string()),
  suffix: v.optional(v.string()),
  start: v.optional(v.number()),
  end: v.optional(v.number()),
});
const TargetSchema = v.looseObject({
  source: str(LIMITS.url),
  styleClass: v.optional(str(40)),
  'dcterms:title': v.optional(v.string()),
  'dcterms:publisher': v.optional(v.string()),
  'dcterms:issued': v.optional(v.string()),
  selector: oneOrMany(SelectorSchema),
});
export const AnnotationSchema = v.looseObject({
  id: str(200),
  type: v.literal('Annotation'),
  created: str(40),
  modified: v.optional(str(40)),
  body: v.optional(oneOrMany(BodySchema)),
  target: v.union([TargetSchema, v.pipe(v.tuple([TargetSchema]), v.transform(([t]) => t))]),
});

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};

/**
 * The candidate Highlight an annotation describes, still to be validated by HighlightSchema (which
 * gives the reader-facing reason when a field is out of range). Throws a message when the shape is
 * not an annotation RegLens can use.
 */
export function fromAnnotation(input: unknown): unknown {
  const parsed = v.safeParse(AnnotationSchema, input);
  if (!parsed.success) throw new Error(v.summarize(parsed.issues).split('\n')[0]);
  const a = parsed.output;
  if (!a.id.startsWith(UUID_URN)) throw new Error('id is not a urn:uuid');
  const bodies = a.body ?? [];
  const textOf = (purpose: string | undefined) => bodies.filter((b) => b.type === 'TextualBody' && b.purpose === purpose && b.value !== undefined).map((b) => b.value!);
  const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
  const position = a.target.selector.find((s) => s.type === 'TextPositionSelector');
  if (!quote) throw new Error('target has no TextQuoteSelector');
  const color = a.target.styleClass?.startsWith(STYLE_PREFIX) ? a.target.styleClass.slice(STYLE_PREFIX.length) : 'yellow';
  const created = Date.parse(a.created);
  const site = a.target['dcterms:publisher'] ?? hostOf(a.target.source);
  return {
    id: a.id.slice(UUID_URN.length),
    url: a.target.source,
    title: a.target['dcterms:title'] ?? '',
    site,
    ...(a.target['dcterms:issued'] === undefined ? {} : { published: a.target['dcterms:issued'] }),
    created,
    updated: a.modified === undefined ? created : Date.parse(a.modified),
    color: (COLORS as readonly string[]).includes(color) ? color : 'yellow',
    // Tools that leave out the purpose mean the body as a comment.
    note: [...textOf('commenting'), ...textOf(undefined)].join('\n\n'),
    tags: textOf('tagging'),
    entities: bodies
      .filter((b) => b.type === 'SpecificResource' && b.source?.startsWith(ENTITY_URN))
      .map((b) => b.source!.slice(ENTITY_URN.length)),
    selectors: {
      quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
      position: { start: position?.start ?? 0, end: position?.end ?? 0 },
    },
  };
}

/** The annotations of a collection, a page, an array or a single annotation; null when none of those. */
export function annotationsIn(root: unknown): unknown[] | null {
  if (Array.isArray(root)) return root;
  if (typeof root !== 'object' || root === null) return null;
  const record = root as Record<string, unknown>;
  if (record.type === 'Annotation') return [root];
  if (record.type === 'AnnotationPage') return Array.isArray(record.items) ? record.items : null;
  if (record.type === 'AnnotationCollection') {
    const first = record.first as Record<string, unknown> | undefined;
    return first && typeof first === 'object' && Array.isArray(first.items) ? first.items : null;
  }
  return null;
}

export const isWebAnnotationContext = (context: unknown): boolean =>
  context === ANNO_CONTEXT || (Array.isArray(context) && context.includes(ANNO_CONTEXT));
