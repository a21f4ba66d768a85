import type { Kind } from '../core/glossary/schema.ts';
import type { StorageProblem } from './storage-status.ts';

/**
 * Messages from RegLens's own pages and background to a tab's content script. The content script
 * answers only senders that are RegLens and not in a tab (so never another page's content script).
 */
export interface EntityCount {
  id: string;
  kind: Kind;
  count: number;
}

export interface TabSummary {
  url: string;
  /** The page's canonical link, which is what saved highlights are filed under. */
  canonical?: string;
  title: string;
  isArticle: boolean;
  annotated: boolean;
  entities: EntityCount[];
}

export interface TabProtocol {
  'tab/summary': { request: Record<string, never>; reply: TabSummary };
  'tab/annotate': { request: Record<string, never>; reply: TabSummary };
  'tab/focus': { request: { id: string }; reply: { found: boolean } };
  'tab/step': { request: { direction: 1 | -1 }; reply: { found: boolean } };
  'tab/settings-changed': { request: Record<string, never>; reply: { applied: true } };
  /** Saves the reader's current selection (context menu, keyboard command). */
  'tab/save-selection': { request: Record<string, never>; reply: SaveResult };
  /** A RegLens page changed or deleted highlights: fetch and redraw them. */
  'tab/highlights-changed': { request: Record<string, never>; reply: HighlightStatus };
  'tab/highlight-status': { request: Record<string, never>; reply: HighlightStatus };
  'tab/reveal': { request: { id: string }; reply: { found: boolean } };
}

/** `problem` labels a storage failure (see storage-status.ts); `reason` is the sentence the Save control shows. */
export type SaveResult = { saved: true; id: string } | { saved: false; reason: string; problem?: StorageProblem };

/** Which of the page's saved highlights were drawn, and which could not be found in its text. */
export interface HighlightStatus {
  placed: string[];
  missing: string[];
}
export type TabMessageType = keyof TabProtocol;
export const TAB_MESSAGE_TYPES: readonly TabMessageType[] = [
  'tab/summary',
  'tab/annotate',
  'tab/focus',
  'tab/step',
  'tab/settings-changed',
  'tab/save-selection',
  'tab/highlights-changed',
  'tab/highlight-status',
  'tab/reveal',
];
