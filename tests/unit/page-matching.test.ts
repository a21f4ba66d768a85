import { describe, expect, it } from 'vitest';
import { pageMatching, sampleOf } from '../../src/background/page-matching.ts';
import { anaphora, glossary } from '../../src/core/glossary/load.ts';
import { compileMatcher, createMatcher, splitAtBlocks } from '../../src/core/matcher/index.ts';
import { packMatches } from '../../src/core/matcher/packed.ts';
import { BLOCK_BREAK } from '../../src/core/matcher/types.ts';
import { MAX_MATCH_TEXT } from '../../src/messaging/limits.ts';

const compiled = compileMatcher(glossary, anaphora);
const text = [
  "The People's Bank of China said risks in fintech were controllable.",
  'The central bank also named SASAC and the NDRC.',
  'In Washington, the SEC and the Fed declined to comment; the central bank there was quiet.',
].join(BLOCK_BREAK);
const expected = packMatches(createMatcher(compiled).match(text));

describe("the background's matching of a page's text", () => {
  it('matches a text sent in parts, all at once, as it matches the whole', async () => {
    const match = pageMatching();
    const parts = splitAtBlocks(text, 20);
    expect(parts.length).toBe(3);
    const replies = await Promise.all(parts.map((part, i) => match({ job: 1, part: i, text: part, last: i === parts.length - 1 }, 'tab 1', async () => compiled)));
    expect(replies.slice(0, -1)).toEqual([null, null]);
    expect(replies.at(-1)).toEqual(expected);
  });

  it('keeps two pages’ texts apart, even with the same job number', async () => {
    const match = pageMatching();
    const [a, b] = [splitAtBlocks(text, 20), splitAtBlocks('The PBOC said so.', 20)];
    const replies = await Promise.all([
      match({ job: 1, part: 0, text: a[0]!, last: false }, 'tab 1', async () => compiled),
      match({ job: 1, part: 0, text: b[0]!, last: true }, 'tab 2', async () => compiled),
      match({ job: 1, part: 1, text: a[1]!, last: false }, 'tab 1', async () => compiled),
      match({ job: 1, part: 2, text: a[2]!, last: true }, 'tab 1', async () => compiled),
    ]);
    expect(replies[1]).toEqual(packMatches(createMatcher(compiled).match('The PBOC said so.')));
    expect(replies[3]).toEqual(expected);
  });

  it('refuses a part that comes without the ones before it, and a text over the limit', async () => {
    const match = pageMatching();
    await expect(match({ job: 7, part: 1, text: 'The SEC', last: true }, 'tab 1', async () => compiled)).rejects.toThrow(/incomplete/);
    await match({ job: 8, part: 0, text: 'x'.repeat(MAX_MATCH_TEXT - 10), last: false }, 'tab 1', async () => compiled);
    await expect(match({ job: 8, part: 1, text: 'x'.repeat(20), last: true }, 'tab 1', async () => compiled)).rejects.toThrow(/too long/);
  });

  it('builds the matcher once per compiled knowledge base', async () => {
    const match = pageMatching();
    let asked = 0;
    const source = async () => (asked++, compiled);
    for (let job = 1; job <= 3; job++) await match({ job, part: 0, text, last: true }, 'tab 1', source);
    expect(asked).toBe(3); // asked per text, for the reader's current terms
  });
});

describe('warming up as the background starts', () => {
  it("runs the matcher over the knowledge base's own names, generic references included", () => {
    const sample = sampleOf(compiled);
    const found = createMatcher(compiled).match(sample);
    expect(new Set(found.map((m) => m.id)).size).toBeGreaterThan(compiled.ids.length / 20);
    expect(found.some((m) => m.anaphor)).toBe(true);
    expect(() => pageMatching().warmUp(compiled)).not.toThrow();
  });
});

describe('texts received half-way', () => {
  it('keeps every text when twenty tabs send theirs at once, parts interleaved', async () => {
    const match = pageMatching();
    const parts = splitAtBlocks(text, 20);
    const replies: Array<Promise<unknown>> = [];
    // Every tab's first part, then every tab's second, then every last one.
    for (const [i, part] of parts.entries()) {
      for (let tab = 0; tab < 20; tab++) replies.push(match({ job: 1, part: i, text: part, last: i === parts.length - 1 }, `tab ${tab}`, async () => compiled));
    }
    expect((await Promise.all(replies)).slice(-20)).toEqual(Array.from({ length: 20 }, () => expected));
  });

  it('drops a text whose next part has not come for half a minute, when another starts', async () => {
    let clock = 0;
    const match = pageMatching(() => clock);
    const [first, second] = splitAtBlocks(text, 20);
    await match({ job: 1, part: 0, text: first!, last: false }, 'tab 1', async () => compiled);
    clock += 29_000;
    await match({ job: 1, part: 0, text: first!, last: false }, 'tab 2', async () => compiled);
    await match({ job: 1, part: 1, text: second!, last: false }, 'tab 1', async () => compiled); // still kept
    clock += 31_000;
    await match({ job: 2, part: 0, text: 'The SEC.', last: true }, 'tab 3', async () => compiled);
    await expect(match({ job: 1, part: 1, text: second!, last: false }, 'tab 2', async () => compiled)).rejects.toThrow(/incomplete/);
  });
});
