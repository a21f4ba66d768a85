import type { Alias, Anaphor, Entry, Kind } from '../glossary/schema.ts';
import { ruleWords } from '../text/words.ts';
import { sortedKeys } from './normalise.ts';
import { startPatternOf } from './start-filter.ts';
import { trieSize } from './automaton.ts';

const toWordPhrase = (phrase: string): string => ruleWords(phrase).join(' ');

/**
 * Context rules of one alias, as in the schema, each phrase already split into its comparable words
 * and joined by single spaces ("People's Bank" -> "people s bank"): a page only splits on spaces.
 * Shared between aliases that have the same rules.
 */
export interface CompiledRule {
  avoidNear?: string[];
  requireNear?: string[];
  notBefore?: string[];
  notAfter?: string[];
  window?: number;
  avoidInDocument?: string[];
  requireInDocument?: string[];
}

/** One anaphor as shipped: `rule` indexes `rules` (notBefore/notAfter); who it may refer to is in `antecedents`. */
export interface CompiledAnaphor {
  text: string;
  rule?: number;
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
 * can precompile it and the background only has to load it. The automaton itself is
 * built at load, lazily, from `keys`: it is several times larger than the strings it is built from.
 */
export interface CompiledMatcher {
  format: 3;
  ids: string[];
  kinds: Kind[];
  /**
   * Per entry, the anaphora that can refer to it ("the central bank" to the PBOC), decided at build
   * time from their kinds, sectors and head words: a page would otherwise test every anaphor
   * against every entry it names.
   */
  antecedents: number[][];
  /** Per entry (parallel to `ids`); grouping saves a target number per alias (12% gzip). */
  aliases: CompiledAlias[][];
  rules: CompiledRule[];
  anaphora: CompiledAnaphor[];
  /**
   * Every row of `aliasRows` in the form the automaton is keyed on (normalised, case-folded), sorted
   * by UTF-16 code units; `keyRows` is each key's row. Computed at load when absent.
   */
  keys?: string[];
  keyRows?: number[];
  /** trieSize(keys): the automaton's arrays are sized to it. Computed at load when absent. */
  trieNodes?: number;
  /** startPatternOf(keys), shipped so that a page does not build it from 3,000 keys. Computed at load when absent. */
  startPattern?: string;
}

/** Whether a generic reference can stand for this entry (the rule is documented on AnaphorSchema). */
function canRefer(anaphor: Anaphor, entry: Entry): boolean {
  if (!anaphor.kinds.includes(entry.kind)) return false;
  if (anaphor.sectors && !anaphor.sectors.some((s) => entry.sectors.includes(s))) return false;
  if (anaphor.notSectors?.some((s) => entry.sectors.includes(s))) return false;
  if (!anaphor.nameHas) return true;
  const names = [entry.name, ...(entry.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text))];
  return names.some((name) => name.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(anaphor.nameHas!.toLowerCase()));
}

/** Schema default: an alias with an uppercase letter ("SEC", "the Fed") is case-sensitive. */
export function isCaseSensitive(alias: Alias): boolean {
  const text = typeof alias === 'string' ? alias : alias.text;
  const explicit = typeof alias === 'string' ? undefined : alias.case;
  return explicit ? explicit === 'sensitive' : text !== text.toLowerCase();
}

export function compileMatcher(entries: readonly Entry[], anaphora: readonly Anaphor[] = []): CompiledMatcher {
  const rules: CompiledRule[] = [];
  const ruleIndex = new Map<string, number>();
  const ruleOf = (schemaRule: CompiledRule): number => {
    const rule = Object.fromEntries(
      Object.entries(schemaRule).map(([field, value]) => [field, Array.isArray(value) ? value.map(toWordPhrase).filter(Boolean) : value]),
    ) as CompiledRule;
    if (Object.keys(rule).length === 0) return -1;
    const key = JSON.stringify(rule);
    const index = ruleIndex.get(key) ?? rules.push(rule) - 1;
    ruleIndex.set(key, index);
    return index;
  };
  const compileAlias = (alias: Alias): CompiledAlias => {
    if (typeof alias === 'string') return alias;
    const { text, case: _case, ...rule } = alias;
    const index = ruleOf(rule);
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
  const compiledAnaphora = anaphora.map(({ text, notBefore, notAfter }): CompiledAnaphor => {
    const rule = ruleOf({ ...(notBefore && { notBefore }), ...(notAfter && { notAfter }) });
    return rule >= 0 ? { text, rule } : { text };
  });
  const result: CompiledMatcher = {
    format: 3,
    ids: entries.map((e) => e.id),
    kinds: entries.map((e) => e.kind),
    antecedents: entries.map((entry) => anaphora.flatMap((anaphor, index) => (canRefer(anaphor, entry) ? [index] : []))),
    aliases,
    rules,
    anaphora: compiledAnaphora,
  };
  const { keys, keyRows } = sortedKeys(aliasRows(result).map((row) => row[0]));
  result.keys = keys;
  result.keyRows = keyRows;
  result.trieNodes = trieSize(keys);
  result.startPattern = startPatternOf(keys);
  return result;
}

/** All aliases, anaphora last, as rows; anaphor targets are -1 - index. */
export function aliasRows(compiled: CompiledMatcher): AliasRow[] {
  const rows: AliasRow[] = [];
  compiled.aliases.forEach((aliases, target) => {
    for (const alias of aliases) {
      rows.push(typeof alias === 'string' ? [alias, target, isCaseSensitive(alias) ? 1 : 0, -1] : [alias[0], target, alias[1], alias[2]]);
    }
  });
  compiled.anaphora.forEach(({ text, rule }, index) => rows.push([text, -1 - index, isCaseSensitive(text) ? 1 : 0, rule ?? -1]));
  return rows;
}
