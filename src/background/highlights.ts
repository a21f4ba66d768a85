import { HighlightSchema, type Highlight } from '../core/highlights/model.ts';
import { normaliseUrl } from '../core/highlights/url.ts';
import type { HighlightDraft, HighlightPlacement } from '../messaging/protocol.ts';
import type { RegLensDb } from '../storage/db.ts';
import * as v from 'valibot';

/** Turns what a page sends into a stored highlight: ids, times and the saved URL are ours to set. */
export function highlightFromDraft(draft: HighlightDraft, now: number): Highlight {
  const url = normaliseUrl(draft.url, draft.canonical);
  if (!url) throw new Error('Only web pages (http and https) can hold highlights.');
  const published = draft.published && !Number.isNaN(Date.parse(draft.published)) ? draft.published : undefined;
  return v.parse(HighlightSchema, {
    id: draft.id,
    url,
    title: draft.title,
    site: new URL(url).hostname,
    ...(published ? { published } : {}),
    created: now,
    updated: now,
    color: draft.color ?? 'yellow',
    note: '',
    tags: [],
    entities: [...new Set(draft.entities)],
    selectors: draft.selectors,
  });
}

export async function placementsFor(db: RegLensDb, url: string, canonical?: string): Promise<HighlightPlacement[]> {
  const urls = [...new Set([normaliseUrl(url, canonical), normaliseUrl(url)].filter((u): u is string => !!u))];
  const rows = await db.highlights.where('url').anyOf(urls).toArray();
  return rows.map(({ id, color, selectors }) => ({ id, color, selectors }));
}
