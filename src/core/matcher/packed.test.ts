import { describe, expect, it } from 'vitest';
import { anaphora, glossary } from '../glossary/load.ts';
import { compileMatcher } from './compile.ts';
import { createMatcher } from './create-matcher.ts';
import { packMatches, unpackMatches } from './packed.ts';
import { BLOCK_BREAK } from './types.ts';

describe('packed matches', () => {
  const matcher = createMatcher(compileMatcher(glossary, anaphora));
  const text = [
    "The People's Bank of China said risks were controllable. The central bank added that the PBOC would act.",
    'SASAC and the NDRC met; the Fed and the SEC did not comment.',
  ].join(BLOCK_BREAK);

  it('unpack gives back exactly what the matcher found, generic references included', () => {
    const matches = matcher.match(text);
    expect(matches.some((m) => m.anaphor)).toBe(true);
    expect(matches.length).toBeGreaterThan(5);
    // Through JSON, as a runtime message carries it.
    expect(unpackMatches(JSON.parse(JSON.stringify(packMatches(matches))), text)).toEqual(matches);
  });

  it('names each entry once however often it is matched', () => {
    const packed = packMatches(matcher.match(`${text} ${text}`.replaceAll(BLOCK_BREAK, ' ')));
    expect(new Set(packed.entries.map(([id]) => id)).size).toBe(packed.entries.length);
    expect(packed.spans.length % 4).toBe(0);
  });

  it('packs nothing to nothing', () => {
    expect(unpackMatches(packMatches([]), 'no names here')).toEqual([]);
  });
});
