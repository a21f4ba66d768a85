import type { Entry } from '../core/glossary/schema.ts';
import type { Anaphor } from '../core/glossary/schema.ts';
import { compileMatcher, type CompiledMatcher } from '../core/matcher/index.ts';
import type { Settings, UserTerm } from '../messaging/protocol.ts';

/** A reader's term as a knowledge-base entry, so the one matcher finds it like any other. */
export function userTermEntry(term: UserTerm): Entry {
  return {
    id: term.id,
    kind: 'policy_phrase',
    name: term.term,
    aliases: term.aliases,
    jurisdiction: 'INT',
    sectors: [],
    summary: 'One of your own terms. Your note about it is in the RegLens options.',
  };
}

/**
 * The precompiled knowledge base when the reader has no terms of their own; otherwise one compiled
 * with them, remembered until the terms change.
 */
export function matcherSource(glossary: readonly Entry[], anaphora: readonly Anaphor[], precompiled: CompiledMatcher) {
  let cached: { key: string; compiled: CompiledMatcher } | null = null;
  return (settings: Settings): CompiledMatcher => {
    if (settings.userTerms.length === 0) return precompiled;
    const key = JSON.stringify(settings.userTerms.map(({ id, term, aliases }) => [id, term, aliases]));
    if (cached?.key !== key) cached = { key, compiled: compileMatcher([...glossary, ...settings.userTerms.map(userTermEntry)], anaphora) };
    return cached.compiled;
  };
}

export const pageSettings = (settings: Settings) => ({
  ...settings,
  userTerms: settings.userTerms.map(({ id, term, aliases }) => ({ id, term, aliases })),
});
