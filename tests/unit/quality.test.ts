import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BODY_KINDS, type Kind } from '../../src/core/glossary/schema.ts';
import { annotateHtml } from '../../src/cli/annotate-document.ts';
import { loadKnowledgeBase } from '../../src/cli/knowledge-base.ts';

/**
 * The quality bar: every article fixture is annotated by the CLI core and compared with its
 * hand-labelled baseline (`<name>.expected.json`, what a reader means, never tool output).
 */
const FIXTURES = 'tests/fixtures/articles';
const MIN_PRECISION = 0.97;
const MIN_RECALL = 0.95;

interface Mention {
  text: string;
  id: string;
  kind: Kind;
}

const isBody = (m: Mention): boolean => BODY_KINDS.includes(m.kind);
const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
/** Same entity, and one span holds the other: "the Fed" vs "Fed", "SEC" vs "SEC's" are one mention. */
const same = (a: Mention, b: Mention): boolean =>
  a.id === b.id && (norm(a.text).includes(norm(b.text)) || norm(b.text).includes(norm(a.text)));

/** Length of the longest common subsequence: baselines are ordered, so order counts too. */
function aligned(found: readonly Mention[], expected: readonly Mention[]): number {
  let previous = new Array<number>(expected.length + 1).fill(0);
  for (const f of found) {
    const row = [0];
    for (let j = 0; j < expected.length; j++) {
      row.push(same(f, expected[j]!) ? previous[j]! + 1 : Math.max(previous[j + 1]!, row[j]!));
    }
    previous = row;
  }
  return previous[expected.length]!;
}

interface Score {
  name: string;
  found: number;
  expected: number;
  hits: number;
}
const ratio = (hits: number, of: number): number => (of === 0 ? 1 : hits / of);
const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);

function score(name: string, found: Mention[], expected: Mention[]): Score {
  return { name, found: found.length, expected: expected.length, hits: aligned(found, expected) };
}

function table(title: string, rows: Score[]): string {
  const total = rows.reduce(
    (sum, r) => ({ ...sum, found: sum.found + r.found, expected: sum.expected + r.expected, hits: sum.hits + r.hits }),
    { name: 'overall', found: 0, expected: 0, hits: 0 },
  );
  const line = (r: Score): string =>
    `${r.name.padEnd(36)} ${String(r.expected).padStart(4)} ${String(r.found).padStart(5)} ${String(r.hits).padStart(4)}` +
    ` ${pct(ratio(r.hits, r.found))} ${pct(ratio(r.hits, r.expected))}`;
  return [title, `${'fixture'.padEnd(36)} want found  hit  prec%   rec%`, ...rows.map(line), line(total)].join('\n');
}

/** For reading a failure: mentions paired greedily in order, the rest listed as `text=id`. */
function differences(found: readonly Mention[], expected: readonly Mention[]): { missed: string; extra: string } {
  const unused = [...found];
  const missed: Mention[] = [];
  for (const e of expected) {
    const i = unused.findIndex((f) => same(f, e));
    if (i < 0) missed.push(e);
    else unused.splice(i, 1);
  }
  const show = (ms: Mention[]): string => ms.map((m) => `${m.text}=${m.id}`).join(', ') || '-';
  return { missed: show(missed), extra: show(unused) };
}

const kb = loadKnowledgeBase();
const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length))
  .sort();
const results = names.map((name) => {
  const annotation = annotateHtml(readFileSync(`${FIXTURES}/${name}.html`, 'utf8'), kb.matcher, kb.lookup);
  const expected = JSON.parse(readFileSync(`${FIXTURES}/${name}.expected.json`, 'utf8')) as Mention[];
  return { name, found: annotation.matches as Mention[], expected };
});

describe('recognition quality on the article fixtures', () => {
  it('every fixture has a baseline whose ids are knowledge-base entries of the labelled kind', () => {
    for (const { expected } of results) {
      for (const m of expected) expect(kb.lookup(m.id)?.kind, m.id).toBe(m.kind);
    }
  });

  it(`reaches precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL} on regulator kinds`, () => {
    const bodies = results.map((r) => score(r.name, r.found.filter(isBody), r.expected.filter(isBody)));
    const phrases = results.map((r) =>
      score(r.name, r.found.filter((m) => !isBody(m)), r.expected.filter((m) => !isBody(m))),
    );
    console.log(`${table('Bodies (central banks, regulators, government, international, rating):', bodies)}\n`);
    console.log(`${table('Laws and policy phrases (reported, not gated):', phrases)}\n`);
    for (const r of results) {
      const { missed, extra } = differences(r.found, r.expected);
      if (missed.length || extra.length) console.log(`${r.name}\n  missed: ${missed}\n  extra:  ${extra}`);
    }
    const hits = bodies.reduce((n, r) => n + r.hits, 0);
    expect(ratio(hits, bodies.reduce((n, r) => n + r.found, 0))).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(ratio(hits, bodies.reduce((n, r) => n + r.expected, 0))).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  it('finds no UK regulator in a story about Fiat Chrysler (FCA) and Stellantis', () => {
    const story = results.find((r) => r.name === 'stellantis-fiat-chrysler-legacy')!;
    expect(story.found.filter((m) => m.id === 'fca')).toEqual([]);
  });

  it('reads 央行 after another country or a group of countries as not the PBOC', () => {
    const story = results.find((r) => r.name === 'zh-global-central-banks-week')!;
    const found = story.found.filter(isBody);
    expect(aligned(found, story.expected.filter(isBody))).toBe(found.length);
  });

  it('hits no look-alike: on the look-alike pages every body found is in the baseline, in order', () => {
    for (const r of results.filter((x) => x.name.startsWith('lookalikes-'))) {
      const found = r.found.filter(isBody);
      const expected = r.expected.filter(isBody);
      expect(aligned(found, expected), r.name).toBe(found.length);
    }
  });

  it('annotates nothing on a homepage of link lists', () => {
    expect(results.find((r) => r.name === 'homepage-link-lists')!.found).toEqual([]);
  });
});
