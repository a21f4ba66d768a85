import * as v from 'valibot';
import type { EntryFacts } from '../core/glossary/facts.ts';
import type { PackedMatches } from '../core/matcher/packed.ts';
import { COLORS, SelectorsSchema, type Color, type Selectors } from '../core/highlights/model.ts';
import { MAX_MATCH_TEXT } from './limits.ts';
import type { StorageStatus } from './storage-status.ts';

/**
 * The one protocol between RegLens's parts. Each message names its request schema, its reply type and
 * who may send it: `page` messages come from content scripts (a tab), `extension` messages only from
 * RegLens's own pages (popup, options), `any` from either. The background validates both before any handler runs.
 */
const url = v.pipe(v.string(), v.maxLength(4096), v.url());
const id = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,80}$/));
const count = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000));

export const PageSeenSchema = v.strictObject({
  url,
  title: v.pipe(v.string(), v.maxLength(1000)),
  entities: v.pipe(v.array(v.strictObject({ id, count })), v.maxLength(2000)),
});
export type PageSeen = v.InferOutput<typeof PageSeenSchema>;

export interface PageRecord extends PageSeen {
  seenAt: number;
}

export const CategoriesSchema = v.strictObject({ body: v.boolean(), law: v.boolean(), phrase: v.boolean() });
const host = v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9.-]+(?::\d+)?$/));

const termText = v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(120));

/** A term of the reader's own. Its note is private: pages (and content scripts) never receive it. */
export const UserTermSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^user-[a-z0-9-]{1,60}$/)),
  term: termText,
  aliases: v.pipe(v.array(termText), v.maxLength(20)),
  note: v.pipe(v.string(), v.maxLength(2000)),
});
export type UserTerm = v.InferOutput<typeof UserTermSchema>;

export const SettingsSchema = v.strictObject({
  categories: CategoriesSchema,
  mutedTerms: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,80}$/))), v.maxLength(5000)),
  neverSites: v.pipe(v.array(host), v.maxLength(5000)),
  /** Annotated on load even when the page does not look like an article. */
  alwaysSites: v.pipe(v.array(host), v.maxLength(5000)),
  defaultColor: v.picklist(COLORS),
  userTerms: v.pipe(v.array(UserTermSchema), v.maxLength(500)),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = {
  categories: { body: true, law: true, phrase: true },
  mutedTerms: [],
  neverSites: [],
  alwaysSites: [],
  defaultColor: 'yellow',
  userTerms: [],
};

/** Settings as a page-side feature sees them: the reader's term notes stay in extension pages. */
export type PageSettings = Omit<Settings, 'userTerms'> & { userTerms: Array<Omit<UserTerm, 'note'>> };

const pageUrl = v.pipe(v.string(), v.maxLength(4096));

export const HighlightDraftSchema = v.strictObject({
  /** Chosen by the page side, so a save retried after a lost reply cannot be stored twice. */
  id: v.pipe(v.string(), v.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)),
  url: pageUrl,
  canonical: v.optional(pageUrl),
  title: v.pipe(v.string(), v.maxLength(1000)),
  published: v.optional(v.pipe(v.string(), v.maxLength(40))),
  selectors: SelectorsSchema,
  entities: v.pipe(v.array(id), v.maxLength(64)),
  color: v.optional(v.picklist(COLORS)),
});
export type HighlightDraft = v.InferInput<typeof HighlightDraftSchema>;

/** What a page is told about its saved highlights: where and how to draw them, never notes or tags. */
export interface HighlightPlacement {
  id: string;
  color: Color;
  selectors: Selectors;
}

export const protocol = {
  'page/seen': {
    from: 'page',
    request: PageSeenSchema,
    reply: {} as { stored: true },
  },
  /**
   * A page's prose matched in the background, where the matcher is built once and stays compiled and
   * warm from page to page; a page would build it, and run it cold, every time. A long text is sent
   * in parts cut after block breaks (splitAtBlocks), numbered from 0 within a job; the last part's
   * reply has the matches, the others' null.
   */
  'text/match': {
    from: 'page',
    request: v.strictObject({
      job: v.pipe(v.number(), v.integer(), v.minValue(0)),
      part: v.pipe(v.number(), v.integer(), v.minValue(0)),
      text: v.pipe(v.string(), v.maxLength(MAX_MATCH_TEXT)),
      last: v.boolean(),
    }),
    reply: {} as PackedMatches | null,
    maxBytes: 2 * MAX_MATCH_TEXT + 256,
  },
  'glossary/facts': {
    from: 'any',
    request: v.strictObject({ ids: v.pipe(v.array(id), v.maxLength(500)) }),
    reply: {} as EntryFacts[],
  },
  'settings/get': {
    from: 'page',
    request: v.strictObject({}),
    reply: {} as PageSettings,
  },
  'settings/read': {
    from: 'extension',
    request: v.strictObject({}),
    reply: {} as Settings,
  },
  'settings/mute-term': {
    from: 'page',
    request: v.strictObject({ id }),
    reply: {} as PageSettings,
  },
  /** A page may switch RegLens off for its own site only; the handler checks the sender's tab. */
  'settings/never-on-site': {
    from: 'page',
    request: v.strictObject({ host }),
    reply: {} as PageSettings,
  },
  'settings/update': {
    from: 'extension',
    request: SettingsSchema,
    reply: {} as Settings,
  },
  'highlight/create': {
    from: 'page',
    request: HighlightDraftSchema,
    reply: {} as { id: string },
  },
  'highlights/for-page': {
    from: 'page',
    request: v.strictObject({ url: pageUrl, canonical: v.optional(pageUrl) }),
    reply: {} as HighlightPlacement[],
  },
  /** Opens the article in a new tab and reveals the highlight there once the page is ready. */
  'highlight/open': {
    from: 'extension',
    request: v.strictObject({ id: v.pipe(v.string(), v.maxLength(64)) }),
    reply: {} as { opened: boolean },
  },
  /**
   * Whether the reader's data can be read and written, for the banner in extension pages. Pages learn
   * of a problem only when a save fails (the Failure carries the same label).
   */
  'storage/status': {
    from: 'extension',
    request: v.strictObject({}),
    reply: {} as StorageStatus,
  },
  'pages/recent': {
    from: 'extension',
    request: v.strictObject({ limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)) }),
    reply: {} as PageRecord[],
  },
} as const satisfies Record<string, { from: 'page' | 'extension' | 'any'; request: v.GenericSchema; reply: unknown; maxBytes?: number }>;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = v.InferOutput<Protocol[T]['request']>;
export type ReplyOf<T extends MessageType> = Protocol[T]['reply'];
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}
