import * as v from 'valibot';

/**
 * The one protocol between RegLens's parts. Each message names its request schema, its reply type and
 * who may send it: `page` messages come from content scripts (a tab), `extension` messages only from
 * RegLens's own pages (popup, options). The background validates both before any handler runs.
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

export const protocol = {
  'page/seen': {
    from: 'page',
    request: PageSeenSchema,
    reply: {} as { stored: true },
  },
  'pages/recent': {
    from: 'extension',
    request: v.strictObject({ limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)) }),
    reply: {} as PageRecord[],
  },
} as const satisfies Record<string, { from: 'page' | 'extension'; request: v.GenericSchema; reply: unknown }>;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = v.InferOutput<Protocol[T]['request']>;
export type ReplyOf<T extends MessageType> = Protocol[T]['reply'];
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

/** Larger messages are refused before parsing: a page must not make the background allocate freely. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
