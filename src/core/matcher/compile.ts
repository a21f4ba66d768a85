import type { Alias, Anaphor, Entry, Kind } from '../glossary/schema.ts';

/** Context rules of one alias, as in the schema; shared between aliases that have the same rules. */
export interface CompiledRule {
  avoidNear?: string[];
  requireNear?: string[];
  notBefore?: string[];
  notAfter?: string[];
  window?: number;
}

/**
 * One alias as shipped: just its text when it has the schema's default case and no rules (most of
 * them), else [text, 1 = case-sensitive / 0 = not, index into `rules` or -1].
 */
export type CompiledAlias = string | [text: string, caseSensitive: 0 | 1, rule: number];

/** One alias as the matcher uses it: [text, target, case-sensitive, rule index or -1]. */
export type AliasRow = [text: string, target: number, caseSensitive: 0 | 1, rule: number];

/**
 * Everything the matcher needs and nothing else (no summaries, no URLs), as plain JSON so the build
 * can precompile it and the content script only has to JSON.parse it. The automaton itself is
 * rebuilt from `aliases` at load: it is several times larger than the strings it is built from.
 */
export interface CompiledMatcher {
  format: 2;
  ids: string[];
  kinds: Kind[];
  /** Per entry, only those of its sectors that some anaphor filters on ("the securities regulator"). */
  sectors: string[][];
  /** Per entry (parallel to `ids`); grouping saves a target number per alias (12% gzip). */
  aliases: CompiledAlias[][];
  rules: CompiledRule[];
  anaphora: { text: string; kinds: Kind[]; sectors?: string[] }[];
}

/** Schema default: an alias with an uppercase letter ("SEC", "the Fed") is case-sensitive. */
export function isCaseSensitive(alias: Alias): boolean {
  const text = typeof alias === 'string' ? alias : alias.text;
  const explicit = typeof alias === 'string' ? undefined : alias.case;
  return explicit ? explicit === 'sensitive' : text !== text.toLowerCase();
}

export function compileMatcher(entries: readonly Entry[], anaphora: readonly Anaphor[] = []): CompiledMatcher {
  const anaphorSectors = new Set(anaphora.flatMap((a) => a.sectors ?? []));
  const rules: CompiledRule[] = [];
  const ruleIndex = new Map<string, number>();
  const compileAlias = (alias: Alias): CompiledAlias => {
    if (typeof alias === 'string') return alias;
    const { text, case: _case, ...rule } = alias;
    let index = -1;
    if (Object.keys(rule).length > 0) {
      const key = JSON.stringify(rule);
      index = ruleIndex.get(key) ?? rules.push(rule) - 1;
      ruleIndex.set(key, index);
    }
    const sensitive = isCaseSensitive(alias);
    return index < 0 && sensitive === isCaseSensitive(text) ? text : [text, sensitive ? 1 : 0, index];
  };
  const aliases = entries.map((entry) => {
    // An alias object repeating the name carries guards for it; the bare name must not bypass them.
    const guardsName = entry.aliases?.some((a) => typeof a !== 'string' && a.text === entry.name);
    const all = [...(guardsName ? [] : [entry.name]), ...(entry.aliases ?? []), ...Object.values(entry.native ?? {}).flat()];
    const compiled = all.map(compileAlias);
    // The name repeated among the aliases, or one native name under two language tags.
    return compiled.filter((alias, i) => compiled.findIndex((other) => JSON.stringify(other) === JSON.stringify(alias)) === i);
  });
  return {
    format: 2,
    ids: entries.map((e) => e.id),
    kinds: entries.map((e) => e.kind),
    sectors: entries.map((e) => e.sectors.filter((s) => anaphorSectors.has(s))),
    aliases,
    rules,
    anaphora: anaphora.map(({ text, kinds, sectors }) => (sectors ? { text, kinds, sectors } : { text, kinds })),
  };
}

/** All aliases, anaphora last, as rows; anaphor targets are -1 - index. */
export function aliasRows(compiled: CompiledMatcher): AliasRow[] {
  const rows: AliasRow[] = [];
  compiled.aliases.forEach((aliases, target) => {
    for (const alias of aliases) {
      rows.push(typeof alias === 'string' ? [alias, target, isCaseSensitive(alias) ? 1 : 0, -1] : [alias[0], target, alias[1], alias[2]]);
    }
  });
  compiled.anaphora.forEach(({ text }, index) => rows.push([text, -1 - index, isCaseSensitive(text) ? 1 : 0, -1]));
  return rows;
}
