// The knowledge base is data, so tests guard it: every file in src/core/glossary/data parses against the
// schema, and the entries of all files together are consistent. Files are read from disk (not through
// load.ts) so a partial or newly added file is still checked.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BODY_KINDS, GlossaryFileSchema, type Alias, type Entry } from '../../src/core/glossary/schema.ts';
import { isCaseSensitive } from '../../src/core/matcher/compile.ts';
import { normaliseText } from '../../src/core/matcher/create-matcher.ts';

const dir = join(import.meta.dirname, '../../src/core/glossary/data');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

function parse(file: string): ReturnType<typeof v.safeParse<typeof GlossaryFileSchema>> {
  return v.safeParse(GlossaryFileSchema, JSON.parse(readFileSync(join(dir, file), 'utf8')));
}

const entries: Entry[] = files.flatMap((file) => {
  try {
    const result = parse(file);
    return result.success ? result.output.entries : [];
  } catch {
    return []; // unparsable JSON is reported by the schema test of that file
  }
});
const ids = new Set(entries.map((e) => e.id));

describe('knowledge-base files', () => {
  it.each(files)('%s parses against the schema', (file) => {
    const result = parse(file);
    const problems = result.success ? [] : result.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
    expect(problems).toEqual([]);
  });

  it('data/index.ts imports every data file', () => {
    const index = readFileSync(join(dir, 'index.ts'), 'utf8');
    expect(files.filter((file) => !index.includes(`'./${file}'`))).toEqual([]);
  });

  it('load.ts exposes every entry of every file', async () => {
    const { glossary, entryById } = await import('../../src/core/glossary/load.ts');
    expect(glossary.length).toBe(entries.length);
    expect(entryById.size).toBe(ids.size);
  });
});

describe('knowledge-base consistency', () => {
  it('has no duplicate ids', () => {
    const seen = new Set<string>();
    const duplicates = entries.filter((e) => seen.size === seen.add(e.id).size).map((e) => e.id);
    expect(duplicates).toEqual([]);
  });

  it('gives no alias to two entries unless one side is guarded by a near or document rule', () => {
    // Insensitive aliases collide with anything that folds to the same text; sensitive ones only with
    // the identical spelling or an insensitive alias.
    const byFolded = new Map<string, { id: string; text: string; sensitive: boolean; guarded: boolean }[]>();
    for (const entry of entries) {
      const aliases: Alias[] = [entry.name, ...(entry.aliases ?? []), ...Object.values(entry.native ?? {}).flat()];
      for (const alias of aliases) {
        const text = normaliseText(typeof alias === 'string' ? alias : alias.text);
        const guarded =
          typeof alias !== 'string' &&
          Boolean(alias.requireNear?.length || alias.avoidNear?.length || alias.requireInDocument?.length || alias.avoidInDocument?.length);
        const list = byFolded.get(text.toLowerCase()) ?? [];
        list.push({ id: entry.id, text, sensitive: isCaseSensitive(alias), guarded });
        byFolded.set(text.toLowerCase(), list);
      }
    }
    const clashes: string[] = [];
    for (const list of byFolded.values()) {
      for (const [i, a] of list.entries()) {
        for (const b of list.slice(i + 1)) {
          const sameSurface = !a.sensitive || !b.sensitive || a.text === b.text;
          if (a.id !== b.id && sameSurface && !a.guarded && !b.guarded) clashes.push(`"${a.text}": ${a.id} / ${b.id}`);
        }
      }
    }
    expect([...new Set(clashes)]).toEqual([]);
  });

  it('refers only to existing entries (parent, predecessors, successors, usedBy)', () => {
    const dangling = entries.flatMap((e) =>
      [e.parent ?? [], e.predecessors ?? [], e.successors ?? [], e.usedBy ?? []]
        .flat()
        .filter((ref) => !ids.has(ref))
        .map((ref) => `${e.id} -> ${ref}`),
    );
    expect(dangling).toEqual([]);
  });

  it('lists successors and predecessors symmetrically', () => {
    const byId = new Map(entries.map((e) => [e.id, e]));
    const asymmetric = entries.flatMap((e) => [
      ...(e.successors ?? [])
        .filter((s) => byId.has(s) && !byId.get(s)!.predecessors?.includes(e.id))
        .map((s) => `${e.id} has successor ${s}, which does not list it as predecessor`),
      ...(e.predecessors ?? [])
        .filter((p) => byId.has(p) && !byId.get(p)!.successors?.includes(e.id))
        .map((p) => `${e.id} has predecessor ${p}, which does not list it as successor`),
    ]);
    expect(asymmetric).toEqual([]);
  });

  it('gives every anaphor nameHas word to at least one entry of its kinds', () => {
    type Anaphor = { text: string; kinds: string[]; nameHas?: string };
    const anaphora = files.flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { anaphora?: Anaphor[] }).anaphora ?? []);
    const unused = anaphora
      .filter((a) => a.nameHas)
      .filter((a) => !entries.some((e) => a.kinds.includes(e.kind) && new RegExp(`\\b${a.nameHas}\\b`, 'i').test([e.name, ...(e.aliases ?? []).map((x) => (typeof x === 'string' ? x : x.text))].join(' | '))))
      .map((a) => a.text);
    expect(unused).toEqual([]);
  });

  it('dissolves nothing before it was established', () => {
    const inverted = entries
      .filter((e) => e.established !== undefined && e.dissolved !== undefined && e.dissolved < e.established)
      .map((e) => `${e.id}: ${e.established}-${e.dissolved}`);
    expect(inverted).toEqual([]);
  });
});

describe('knowledge-base coverage', () => {
  const bodies = entries.filter((e) => BODY_KINDS.includes(e.kind));

  it('names at least 300 bodies', () => {
    expect(bodies.length).toBeGreaterThanOrEqual(300);
  });

  it('covers at least 40 jurisdictions among the bodies', () => {
    expect(new Set(bodies.map((e) => e.jurisdiction)).size).toBeGreaterThanOrEqual(40);
  });

  it('explains at least 150 laws and policy phrases', () => {
    expect(entries.filter((e) => e.kind === 'law' || e.kind === 'policy_phrase').length).toBeGreaterThanOrEqual(150);
  });
});
