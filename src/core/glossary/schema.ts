import * as v from 'valibot';

/**
 * The knowledge base is data (src/core/glossary/data/*.json) validated by this schema in tests and at
 * build time. Matching rules live here as fields, not as branches in the matcher.
 */

export const KINDS = [
  'central_bank',
  'regulator',
  'government_body',
  'international_body',
  'rating_agency',
  'law',
  'policy_phrase',
] as const;
export type Kind = (typeof KINDS)[number];

/** Kinds that name an institution (the "regulator-type" coverage of issue 3). */
export const BODY_KINDS: readonly Kind[] = [
  'central_bank',
  'regulator',
  'government_body',
  'international_body',
  'rating_agency',
];

export const SECTORS = [
  'monetary',
  'banking',
  'securities',
  'insurance',
  'pensions',
  'payments',
  'fintech',
  'crypto',
  'competition',
  'consumer',
  'data',
  'cyber',
  'telecom',
  'trade',
  'fiscal',
  'tax',
  'planning',
  'state_assets',
  'foreign_exchange',
  'aml',
  'sanctions',
  'accounting',
  'audit',
  'credit_rating',
  'financial_stability',
  'resolution',
  'development',
  'statistics',
  'energy',
  'property',
  'legislation',
  'enforcement',
  'markets',
  'governance',
  'climate',
  /** Runs a market (stock exchanges, clearing houses): an operator, not what "the regulator" means. */
  'exchange',
] as const;

const slug = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lowercase slugs'));
const year = v.pipe(v.number(), v.integer(), v.minValue(1600), v.maxValue(2026));
const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1));
const words = v.array(nonEmpty);

/** ISO 3166-1 alpha-2, or a US state / subdivision as ISO 3166-2 (US-NY), or EU, or INT. */
const jurisdiction = v.pipe(v.string(), v.regex(/^(?:[A-Z]{2}(?:-[A-Z0-9]{1,3})?|EU|INT)$/));

/**
 * How one surface form may match.
 * - `case`: `sensitive` (default when the text has an uppercase letter: SEC, Fed, Treasury, proper
 *   names) or `insensitive` (default otherwise: "controllable risks", "quantitative easing").
 * - `avoidNear`: the match is dropped when any of these words occurs within `window` words (default
 *   30) on either side — "FCA" near "Fiat", "Chrysler", "Stellantis".
 * - `requireNear`: the match is kept only when one of these words occurs within the window — how two
 *   bodies may share an abbreviation ("CMA" of Saudi Arabia near "Saudi", "Tadawul").
 * - `notBefore`: dropped when the next word is one of these ("Treasury yields", "Fed up").
 * - `notAfter`: dropped when the previous word is one of these ("corporate treasury").
 * - `avoidInDocument`: dropped when any of these words occurs anywhere in the text, in any paragraph
 *   ("FCA" on a page about "Fiat Chrysler"), unless the page also names the same entry by a form that
 *   has no document rule ("the Financial Conduct Authority (FCA)"): a page that spells the body out has
 *   defined the abbreviation.
 * - `requireInDocument`: kept only when one of these words occurs somewhere in the text ("State
 *   Council" on a page that mentions China or Beijing at all).
 * Words compare case-insensitively, on whole words; multi-word entries are allowed.
 */
export const AliasSchema = v.union([
  nonEmpty,
  v.strictObject({
    text: nonEmpty,
    case: v.optional(v.picklist(['sensitive', 'insensitive'])),
    avoidNear: v.optional(words),
    requireNear: v.optional(words),
    notBefore: v.optional(words),
    notAfter: v.optional(words),
    window: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
    avoidInDocument: v.optional(words),
    requireInDocument: v.optional(words),
  }),
]);
export type Alias = v.InferOutput<typeof AliasSchema>;

export const EntrySchema = v.strictObject({
  id: slug,
  kind: v.picklist(KINDS),
  name: nonEmpty,
  /** Abbreviations, short forms ("the Fed"), former and informal names, all matched. */
  aliases: v.optional(v.array(AliasSchema)),
  /** Native-language names, keyed by BCP 47 tag (zh-Hans, zh-Hant, ja, ko, de, fr, ...). Matched too. */
  native: v.optional(v.record(v.string(), v.array(AliasSchema))),
  jurisdiction,
  sectors: v.array(v.picklist(SECTORS)),
  /** One or two sentences in the project's own words: what it is and what it does. */
  summary: v.pipe(v.string(), v.minLength(20), v.maxLength(400)),
  established: v.optional(year),
  dissolved: v.optional(year),
  predecessors: v.optional(v.array(slug)),
  successors: v.optional(v.array(slug)),
  parent: v.optional(slug),
  url: v.optional(v.pipe(v.string(), v.url(), v.startsWith('https://'))),
  /** Laws and policy phrases: what it means in plain words. */
  meaning: v.optional(v.pipe(v.string(), v.minLength(20), v.maxLength(400))),
  /** Laws and policy phrases: who coined, enacted or uses it (entry ids). */
  usedBy: v.optional(v.array(slug)),
  /** Laws: the year it took effect (entered into force). Policy phrases: the year first used in this sense. */
  since: v.optional(year),
});
export type Entry = v.InferOutput<typeof EntrySchema>;

/**
 * A generic reference ("the central bank", "the regulator") resolves to a body of one of `kinds` named
 * before it: the only such body named in its paragraph, else the only one named in its paragraph and
 * the previous one (a reporter says "the central bank" right after naming it); with none nearby, the
 * one named at least twice as often as any other so far; with several nearby, that same body if it is
 * one of them; otherwise nothing (ambiguous or dangling). Blank blocks do not count as paragraphs.
 */
export const AnaphorSchema = v.strictObject({
  text: nonEmpty,
  kinds: v.array(v.picklist(KINDS)),
  /** Restrict to bodies in these sectors (e.g. "the securities regulator" -> securities). */
  sectors: v.optional(v.array(v.picklist(SECTORS))),
  /** Never bodies in these sectors ("the regulator" is not the stock exchange named in between). */
  notSectors: v.optional(v.array(v.picklist(SECTORS))),
  /**
   * Restrict to bodies whose name or an alias has this word ("the commission" -> the Securities and
   * Exchange Commission, never the Fed), so a head noun is not read as a reference to another body.
   */
  nameHas: v.optional(nonEmpty),
  /** As for aliases: "the central bank of Brazil" names a bank, it does not refer back to one. */
  notBefore: v.optional(words),
  notAfter: v.optional(words),
});
export type Anaphor = v.InferOutput<typeof AnaphorSchema>;

export const GlossaryFileSchema = v.strictObject({
  entries: v.array(EntrySchema),
  anaphora: v.optional(v.array(AnaphorSchema)),
});
export type GlossaryFile = v.InferOutput<typeof GlossaryFileSchema>;
