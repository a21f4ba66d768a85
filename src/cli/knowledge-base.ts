import { anaphora, entryById, glossary } from '../core/glossary/load.ts';
import { compileMatcher, createMatcher } from '../core/matcher/index.ts';
import type { Matcher } from '../core/matcher/types.ts';
import type { LookupEntry } from './format.ts';

/** The real knowledge base, wired once for the CLI and the quality test. */
export function loadKnowledgeBase(): { matcher: Matcher; lookup: LookupEntry; entries: typeof glossary } {
  return {
    matcher: createMatcher(compileMatcher(glossary, anaphora)),
    lookup: (id) => entryById.get(id),
    entries: glossary,
  };
}
