// Behaviour of the matcher on a small inline glossary, independent of the real knowledge base.
import type { Alias, Anaphor, Entry, Kind } from '../../src/core/glossary/schema.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentWords } from '../../src/core/matcher/context-rules.ts';
import { compileMatcher, createMatcher } from '../../src/core/matcher/index.ts';
import { documentWords, ruleWords } from '../../src/core/text/words.ts';

function entry(id: string, kind: Kind, name: string, aliases: Alias[] = [], more: Partial<Entry> = {}): Entry {
  return {
    id,
    kind,
    name,
    aliases,
    jurisdiction: 'US',
    sectors: ['banking'],
    summary: `Test entry for ${name}, long enough for the schema.`,
    ...more,
  };
}

const testEntries: Entry[] = [
  entry('fed', 'central_bank', 'Federal Reserve', [{ text: 'Fed', notBefore: ['up'], notAfter: ['well'] }, 'the Fed'], {
    sectors: ['monetary'],
  }),
  entry('fed-ny', 'central_bank', 'Federal Reserve Bank of New York', ['New York Fed'], { sectors: ['monetary'] }),
  entry('sec', 'regulator', 'Securities and Exchange Commission', ['SEC'], { sectors: ['securities'] }),
  entry('pboc', 'central_bank', "People's Bank of China", ['PBOC'], {
    jurisdiction: 'CN',
    sectors: ['monetary'],
    native: { 'zh-Hans': ['中国人民银行', '人民银行'] },
  }),
  entry('boj', 'central_bank', 'Bank of Japan', ['BOJ'], { jurisdiction: 'JP', native: { ja: ['日本銀行', '日銀'] } }),
  entry('bok', 'central_bank', 'Bank of Korea', [], { jurisdiction: 'KR', native: { ko: ['한국은행'] } }),
  entry(
    'fca',
    'regulator',
    'Financial Conduct Authority',
    [{ text: 'FCA', avoidNear: ['Fiat', 'Chrysler', 'Stellantis'], avoidInDocument: ['Fiat Chrysler', 'Stellantis'] }],
    { jurisdiction: 'GB' },
  ),
  entry('state-council', 'government_body', 'State Council of the PRC', [
    { text: 'State Council', notBefore: ['of'], requireInDocument: ['China', 'Chinese', 'Beijing'] },
  ], { jurisdiction: 'CN' }),
  entry('bundesbank', 'central_bank', 'Bundesbank', [], { jurisdiction: 'DE' }),
  entry('fsc-kr', 'regulator', 'Financial Services Commission', [{ text: 'FSC', requireNear: ['Korea', "Korea's"] }], {
    jurisdiction: 'KR',
  }),
  entry('fsc-tw', 'regulator', 'Financial Supervisory Commission', [{ text: 'FSC', requireNear: ['Taiwan', "Taiwan's"] }], {
    jurisdiction: 'TW',
  }),
  entry('nse', 'regulator', 'National Stock Exchange', [], { jurisdiction: 'IN', sectors: ['markets', 'exchange'] }),
  entry('sebi', 'regulator', 'Securities and Exchange Board of India', ['SEBI'], { jurisdiction: 'IN', sectors: ['securities'] }),
  entry('cma-uk', 'regulator', 'Competition and Markets Authority', [{ text: 'CMA', avoidNear: ['Saudi', 'Tadawul'] }], {
    jurisdiction: 'GB',
    sectors: ['competition'],
  }),
  entry('cma-sa', 'regulator', 'Capital Market Authority', [{ text: 'CMA', requireNear: ['Saudi', 'Tadawul'], window: 10 }], {
    jurisdiction: 'SA',
    sectors: ['securities'],
  }),
  entry('us-treasury', 'government_body', 'US Department of the Treasury', [
    { text: 'Treasury', notBefore: ['yields', 'bills'], notAfter: ['corporate'] },
  ]),
  entry('cbi', 'central_bank', 'Central Bank of Ireland', [], { jurisdiction: 'IE' }),
  entry('ecb', 'central_bank', 'European Central Bank', ['ECB'], { jurisdiction: 'EU' }),
  entry('qe', 'policy_phrase', 'quantitative easing', ['QE']),
  entry('stress-tests', 'policy_phrase', 'stress tests'),
  entry('basel-iii', 'policy_phrase', 'Basel III', [{ text: 'Basel III', case: 'insensitive' }]),
  entry('sox', 'law', 'Sarbanes-Oxley Act', ['SOX']),
];

const testAnaphora: Anaphor[] = [
  { text: 'the central bank', kinds: ['central_bank'] },
  { text: 'the regulator', kinds: ['regulator'], notSectors: ['exchange'] },
  { text: 'the securities regulator', kinds: ['regulator'], sectors: ['securities'] },
  { text: 'the commission', kinds: ['regulator', 'government_body'], nameHas: 'Commission', notBefore: ['of', 'on'] },
];

const testMatcher = createMatcher(compileMatcher(testEntries, testAnaphora));

/** Just what a reader would check: [matched text, id], plus '*' for resolved anaphora. */
function found(text: string): string[][] {
  return testMatcher.match(text).map((m) => (m.anaphor ? [m.text, m.id, '*'] : [m.text, m.id]));
}

describe('names and offsets', () => {
  it('returns the exact input slice, offsets, id and kind', () => {
    const text = 'Officials at the Securities and Exchange Commission said';
    expect(testMatcher.match(text)).toEqual([
      { start: 17, end: 51, text: 'Securities and Exchange Commission', id: 'sec', kind: 'regulator' },
    ]);
  });

  it('longest match wins: Federal Reserve Bank of New York over Federal Reserve', () => {
    expect(found('the Federal Reserve Bank of New York said')).toEqual([['Federal Reserve Bank of New York', 'fed-ny']]);
  });

  it('reports matches in document order without overlaps', () => {
    expect(found('SEC, then the Fed, then the ECB and BOJ.')).toEqual([
      ['SEC', 'sec'],
      ['the Fed', 'fed'],
      ['ECB', 'ecb'],
      ['BOJ', 'boj'],
    ]);
  });

  it('a name that starts with an anaphor beats the anaphor: the Central Bank of Ireland', () => {
    expect(found('ECB staff and the Central Bank of Ireland met')).toEqual([
      ['ECB', 'ecb'],
      ['Central Bank of Ireland', 'cbi'],
    ]);
  });
});

describe('word boundaries', () => {
  it('does not match Fed inside Federation or Federer', () => {
    expect(found('The Federation Cup and Federer')).toEqual([]);
  });

  it('uses Unicode letters for boundaries: no SEC in SECé or ΩSEC, none in ECB2', () => {
    expect(found('SECé ΩSEC ECB2 _SEC')).toEqual([['SEC', 'sec']]);
  });

  it('keeps SEC’s as SEC, Fed’s as Fed and stress tests’ as stress tests', () => {
    expect(found("The SEC's rule, the Fed’s view, the stress tests' results")).toEqual([
      ['SEC', 'sec'],
      ['the Fed', 'fed'],
      ['stress tests', 'stress-tests'],
    ]);
  });
});

describe('case', () => {
  it('never matches a lower-cased acronym: sec, pboc', () => {
    expect(found('a sec later the pboc fell')).toEqual([]);
  });

  it('does not match "fed" the verb', () => {
    expect(found('the cattle were fed')).toEqual([]);
  });

  it('accepts an all-caps headline of a multi-word name', () => {
    expect(found("PEOPLE'S BANK OF CHINA CUTS RATES")).toEqual([["PEOPLE'S BANK OF CHINA", 'pboc']]);
  });

  it('accepts a capitalised first letter opening a sentence: The Fed', () => {
    expect(found('The Fed held.')).toEqual([['The Fed', 'fed']]);
  });

  it('matches lower-case phrases in any case: Quantitative Easing', () => {
    expect(found('Quantitative Easing and QE')).toEqual([
      ['Quantitative Easing', 'qe'],
      ['QE', 'qe'],
    ]);
  });

  it('honours an explicit case: insensitive on an alias with capitals', () => {
    expect(found('under basel iii rules')).toEqual([['basel iii', 'basel-iii']]);
  });

  it('does not match mixed-case renderings of a sensitive name', () => {
    expect(found("PEOPLE'S Bank of China")).toEqual([]);
  });
});

describe('normalisation without changing offsets', () => {
  it('matches across a line break inside a name', () => {
    expect(found("the People's\nBank  of China said")).toEqual([["People's\nBank  of China", 'pboc']]);
  });

  it('matches with a curly apostrophe inside a name', () => {
    expect(found('the People’s Bank of China')).toEqual([['People’s Bank of China', 'pboc']]);
  });

  it('treats no-break, thin and narrow no-break spaces as spaces', () => {
    expect(found('Bank\u00a0of\u2009Japan and Bank\u202fof Korea')).toEqual([
      ['Bank\u00a0of\u2009Japan', 'boj'],
      ['Bank\u202fof Korea', 'bok'],
    ]);
  });

  it('ignores zero-width characters and soft hyphens', () => {
    expect(found('the Peo\u00adple’s Bank\u200b of Chi\u200dna')).toEqual([['Peo\u00adple’s Bank\u200b of Chi\u200dna', 'pboc']]);
  });

  it('matches an en dash for a hyphen: Sarbanes–Oxley Act', () => {
    expect(found('under the Sarbanes–Oxley Act')).toEqual([['Sarbanes–Oxley Act', 'sox']]);
  });

  it('does not match a name across a block break', () => {
    expect(found("People's Bank\u2029of China")).toEqual([]);
  });
});

describe('CJK', () => {
  it('matches 中国人民银行 inside CJK text without spaces', () => {
    expect(found('据中国人民银行周五宣布')).toEqual([['中国人民银行', 'pboc']]);
  });

  it('matches a Korean name followed by a particle: 한국은행은', () => {
    expect(found('한국은행은 금리를 동결했다')).toEqual([['한국은행', 'bok']]);
  });

  it('matches Japanese short forms: 日銀', () => {
    expect(found('日銀の総裁')).toEqual([['日銀', 'boj']]);
  });

  it('matches a Latin acronym embedded in Chinese text', () => {
    expect(found('美国SEC周一表示')).toEqual([['SEC', 'sec']]);
  });
});

describe('context rules', () => {
  it('does not match "Fed up" (notBefore)', () => {
    expect(found('Investors are Fed up with it')).toEqual([]);
  });

  it('matches Fed before an ordinary word: Fed officials', () => {
    expect(found('Fed officials said')).toEqual([['Fed', 'fed']]);
  });

  it('notBefore needs adjacency: punctuation between keeps the name', () => {
    expect(found('blame the Fed. Up next')).toEqual([['the Fed', 'fed']]);
  });

  it('drops Treasury before yields and after corporate (notBefore, notAfter)', () => {
    expect(found('Treasury yields rose; corporate treasury teams; the Treasury said')).toEqual([['Treasury', 'us-treasury']]);
  });

  it('FCA near Fiat is not the regulator', () => {
    expect(found('Fiat Chrysler, known as FCA, sold cars')).toEqual([]);
  });

  it('FCA far from Fiat is the regulator (window)', () => {
    const filler = ' word'.repeat(40);
    expect(found(`Fiat sold cars.${filler} The FCA fined a bank.`)).toEqual([['FCA', 'fca']]);
  });

  it('context windows stop at a block break', () => {
    expect(found('Fiat sold cars.\u2029The FCA fined a bank.')).toEqual([['FCA', 'fca']]);
  });

  it('drops FCA anywhere on a page that mentions Fiat Chrysler (avoidInDocument)', () => {
    const page = 'Fiat Chrysler merged with PSA.\u2029Analysts were upbeat.\u2029FCA shareholders will own half.';
    expect(found(page)).toEqual([]);
  });

  it('keeps FCA on such a page when the page also spells out the body: it defined the abbreviation', () => {
    const page = 'Fiat Chrysler sold cars.\u2029The Financial Conduct Authority fined a bank.\u2029The FCA said more may come.';
    expect(found(page)).toEqual([
      ['Financial Conduct Authority', 'fca'],
      ['FCA', 'fca'],
    ]);
  });

  it('keeps State Council only on a page that mentions China somewhere (requireInDocument)', () => {
    expect(found('Beijing set targets.\u2029The State Council said.')).toEqual([['State Council', 'state-council']]);
    expect(found('The State Council said it would meet in Lansing.')).toEqual([]);
  });

  it('a notBefore rule drops the State Council of Michigan Ports even in a China story', () => {
    expect(found('China ships grain. The State Council of Michigan Ports said')).toEqual([]);
  });

  it('gives a shared abbreviation to the body whose evidence is nearest', () => {
    expect(found("South Korea's FSC and Taiwan's FSC differ")).toEqual([
      ['FSC', 'fsc-kr'],
      ['FSC', 'fsc-tw'],
    ]);
  });

  it('counts the full name, named earlier, as evidence for the short form (requireNear)', () => {
    const filler = ' word'.repeat(40);
    expect(found(`The Financial Services Commission met.${filler} The FSC said.`)).toEqual([
      ['Financial Services Commission', 'fsc-kr'],
      ['FSC', 'fsc-kr'],
    ]);
    expect(found(`The FSC said.`)).toEqual([]);
  });

  it('still counts the full name as evidence on a page whose document rules checked every candidate first', () => {
    // "Fiat Chrysler" has FCA's avoidInDocument check every candidate's context (without the full
    // name's help) before the first one is decided: that first verdict must not stick to the FSC.
    const filler = ' word'.repeat(40);
    expect(found(`Fiat Chrysler sold cars. The FCA said.\u2029The Financial Services Commission met.${filler} The FSC said.`)).toEqual([
      ['Financial Services Commission', 'fsc-kr'],
      ['FSC', 'fsc-kr'],
    ]);
  });

  it('shares an abbreviation by requireNear: CMA near Saudi is the Saudi regulator', () => {
    expect(found('The Saudi CMA approved the listing')).toEqual([['CMA', 'cma-sa']]);
    expect(found('The CMA blocked the merger')).toEqual([['CMA', 'cma-uk']]);
  });
});

describe('anaphora', () => {
  it('resolves "the central bank" to the one central bank named before', () => {
    expect(found("The People's Bank of China cut rates. The central bank said more may come.")).toEqual([
      ["People's Bank of China", 'pboc'],
      ['The central bank', 'pboc', '*'],
    ]);
  });

  it('resolves across block breaks and after repeated mentions of the same body', () => {
    expect(found('The ECB met. ECB staff agreed.\u2029Later the central bank spoke.')).toEqual([
      ['ECB', 'ecb'],
      ['ECB', 'ecb'],
      ['the central bank', 'ecb', '*'],
    ]);
  });

  it('leaves "the central bank" unresolved when two central banks were named', () => {
    expect(found('The Fed and the ECB met. The central bank said.')).toEqual([
      ['The Fed', 'fed'],
      ['ECB', 'ecb'],
    ]);
  });

  it('resolves to the body named in the same or the previous paragraph, not the one named first', () => {
    const page = 'The ECB held rates.\u2029Filler.\u2029Filler.\u2029The Bundesbank said growth would stay weak.\u2029The central bank also cut its forecast.';
    expect(found(page)).toEqual([
      ['ECB', 'ecb'],
      ['Bundesbank', 'bundesbank'],
      ['The central bank', 'bundesbank', '*'],
    ]);
  });

  it('with no body named nearby, resolves to the one named at least twice as often as any other', () => {
    const page = 'The ECB held.\u2029ECB staff spoke.\u2029The Bundesbank agreed.\u2029Filler.\u2029Filler.\u2029The central bank will meet again.';
    expect(found(page).at(-1)).toEqual(['The central bank', 'ecb', '*']);
    const even = 'The ECB held.\u2029The Bundesbank agreed.\u2029Filler.\u2029Filler.\u2029The central bank will meet again.';
    expect(found(even).map(([, id]) => id)).toEqual(['ecb', 'bundesbank']);
  });

  it('with several bodies named nearby, resolves only to the dominant one among them', () => {
    const page = 'The ECB held.\u2029ECB staff spoke.\u2029The ECB met as the Fed cut. The central bank said.';
    expect(found(page).at(-1)).toEqual(['The central bank', 'ecb', '*']);
  });

  it('does not read "the commission of inquiry" as a reference back (anaphor notBefore)', () => {
    expect(found('The SEC and the Fed met. The commission of inquiry met; the commission said.')).toEqual([
      ['SEC', 'sec'],
      ['the Fed', 'fed'],
      ['the commission', 'sec', '*'],
    ]);
  });

  it('resolves "the commission" only to a body whose name has Commission (nameHas)', () => {
    expect(found('The Fed met.\u2029The commission said.')).toEqual([['The Fed', 'fed']]);
  });

  it('does not count blank blocks as paragraphs', () => {
    const page = 'The ECB held.\u2029 \u2029\u2029Filler.\u2029  \u2029The Bundesbank agreed.\u2029The ECB staff spoke.\u2029The central bank said.';
    expect(found(page).at(-1)).toEqual(['The central bank', 'ecb', '*']);
  });

  it('never resolves "the regulator" to a stock exchange (notSectors)', () => {
    expect(found('SEBI proposed curbs.\u2029Volumes on the National Stock Exchange fell. Every time the regulator acts, they do.')).toEqual([
      ['SEBI', 'sebi'],
      ['National Stock Exchange', 'nse'],
      ['the regulator', 'sebi', '*'],
    ]);
  });

  it('leaves an anaphor before any name unresolved', () => {
    expect(found('The central bank said. Later the ECB agreed.')).toEqual([['ECB', 'ecb']]);
  });

  it('filters by sector: the securities regulator among two regulators', () => {
    expect(found('The SEC and the CMA met. The securities regulator said; the regulator added.')).toEqual([
      ['SEC', 'sec'],
      ['CMA', 'cma-uk'],
      ['The securities regulator', 'sec', '*'],
    ]);
  });
});

describe('compiled form', () => {
  it('survives a JSON round trip, so the build can precompile it', () => {
    const compiled = compileMatcher(testEntries, testAnaphora);
    const text = "The People's Bank of China and the SEC. The securities regulator said; Fed up.";
    expect(createMatcher(JSON.parse(JSON.stringify(compiled))).match(text)).toEqual(testMatcher.match(text));
  });

  it('builds the same matcher when the sorted keys are not shipped (an older compiled form)', () => {
    const { keys: _keys, keyRows: _keyRows, ...older } = compileMatcher(testEntries, testAnaphora);
    const text = "The People's Bank of China and the SEC. The securities regulator said; Fed up. The FCA, not Stellantis.";
    expect(createMatcher(older).match(text)).toEqual(testMatcher.match(text));
  });

  it('guards the name itself when an alias object repeats it', () => {
    const guarded = [{ ...testEntries[0]!, id: 'cup', name: 'Cup', aliases: [{ text: 'Cup', notAfter: ['World'] }] }];
    expect(createMatcher(compileMatcher(guarded)).match('the World Cup and the Cup').map((m) => m.start)).toEqual([22]);
  });
});

describe('properties', () => {
  const fragments = [
    'the Fed', 'Fed up', 'SEC', "SEC's", 'Federal Reserve', 'Federal Reserve Bank of New York', "People's Bank",
    'of China', '中国人民银行', '周五', 'the central bank', 'FCA', 'Fiat', 'CMA', 'Saudi', 'Treasury', 'yields', 'said',
    ' ', '  ', '\n', '\u00a0', '\u200b', '\u00ad', '\u2029', ',', '.', '’', '-', '–', 'é', 'QE',
  ];
  const article = fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join(''));

  it('every match is the exact slice of the input between its offsets', () => {
    fc.assert(
      fc.property(article, (text) => {
        for (const m of testMatcher.match(text)) expect(m.text).toBe(text.slice(m.start, m.end));
      }),
    );
  });

  it('matches are sorted and never overlap', () => {
    fc.assert(
      fc.property(article, (text) => {
        const matches = testMatcher.match(text);
        for (let i = 1; i < matches.length; i++) expect(matches[i]!.start).toBeGreaterThanOrEqual(matches[i - 1]!.end);
        for (const m of matches) expect(m.end).toBeGreaterThan(m.start);
      }),
    );
  });

  it('extra whitespace, zero-width characters and soft hyphens between the words of a name do not lose it', () => {
    const names: [string, string][] = [
      ["People's Bank of China", 'pboc'],
      ['Federal Reserve Bank of New York', 'fed-ny'],
      ['Securities and Exchange Commission', 'sec'],
      ['quantitative easing', 'qe'],
    ];
    const noise = fc.array(fc.constantFrom(' ', '\n', '\t', '\u00a0', '\u2009', '\u202f', '\u200b', '\u00ad', '\ufeff'), {
      maxLength: 4,
    });
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(noise, { minLength: 6, maxLength: 6 }), ([name, id], gaps) => {
        const words = name.split(' ');
        const spaced = words.map((word, i) => (i === 0 ? word : ' ' + (gaps[i - 1] ?? []).join('') + word)).join('');
        const text = `Yesterday ${spaced} said.`;
        const matches = testMatcher.match(text);
        expect(matches.map((m) => [m.id, m.start, m.end])).toEqual([[id, 10, 10 + spaced.length]]);
      }),
    );
  });

  // Long enough for several scan chunks (1,024 units each) and candidate batches.
  const longArticle = fc.array(fc.constantFrom(...fragments), { minLength: 100, maxLength: 900 }).map((parts) => parts.join(''));

  it('matching in slices gives exactly the one-shot result', () => {
    fc.assert(
      fc.property(longArticle, fc.integer({ min: 0, max: 3 }), (text, budget) => {
        const job = testMatcher.matchIncremental(text);
        // Deadline already passed: one unit of work per step, the finest slicing there is.
        for (let steps = 0; !job.step(budget === 0 ? 0 : performance.now() + budget); steps++) expect(job.result).toBeNull();
        expect(job.result).toEqual(testMatcher.match(text));
      }),
      { numRuns: 60 },
    );
  });

  it('document rules find a phrase exactly when the word-by-word tokenisation has it', () => {
    const pieces = ['Fiat', 'FIAT', 'Chrysler', 'fiatchrysler', ' ', '  ', '\u2029', '-', "'", '.', '\u00ad', 'ΟΔΟΣ', 'οδος', 'ς', 'σ',
      '沙特', '沙', '特', 'İ', 'é', 'e\u0301', 'China', 'Chinese', '中', 'x'];
    const phrases = ['Fiat Chrysler', 'Fiat', 'Chrysler', 'οδος', 'ΟΔΟΣ', '沙特', 'China', 'é', 'e\u0301', 'x fiat', 'i̇'].map(ruleWords);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
        const joined = ` ${documentWords(text).join(' ')} `;
        const doc = new DocumentWords(text);
        for (const phrase of phrases) expect(doc.has(phrase)).toBe(joined.includes(` ${phrase.join(' ')} `));
      }),
      { numRuns: 300 },
    );
  });
});
