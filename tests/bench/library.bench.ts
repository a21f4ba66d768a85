// `npx tsx tests/bench/library.bench.ts`: the popup Library with 10,000 highlights in happy-dom.
// - first render: from render() to the first rows in the DOM (newest(100) answered and drawn);
// - all loaded: until the whole list is in and searchable (aria-busy="false");
// - search: from the input event to the updated list (debounce off), median over several queries,
//   and the pure search/group step alone.
// Both an in-memory store and Dexie over fake-indexeddb. happy-dom has no layout, so the list draws
// the rows its fallback viewport height holds, much as the popup does.
import 'fake-indexeddb/auto';
import { Window } from 'happy-dom';

const window = new Window({ url: 'https://reglens.invalid/popup.html', width: 380, height: 600 });
// The browser globals Preact and the components use, taken from happy-dom's window (what
// @happy-dom/global-registrator does), without replacing Node's own (timers, URL, Blob...).
for (const key of Object.getOwnPropertyNames(window)) {
  if (key in globalThis || key === 'undefined') continue;
  Object.defineProperty(globalThis, key, { configurable: true, writable: true, value: (window as unknown as Record<string, unknown>)[key] });
}
Object.assign(globalThis, { window, document: window.document });

const { h, render } = await import('preact');
const { createSearch, groupByArticle } = await import('../../src/core/highlights/query.ts');
const { Library } = await import('../../src/ui/library/Library.tsx');
const { MemoryHighlightStore } = await import('../../src/ui/library/memory-store.ts');
const { toRows } = await import('../../src/ui/library/rows.ts');
const { RegLensDb } = await import('../../src/storage/db.ts');
const { createHighlightStore, importHighlights } = await import('../../src/storage/highlight-store.ts');
type Highlight = import('../../src/core/highlights/model.ts').Highlight;
type HighlightStore = import('../../src/core/highlights/store.ts').HighlightStore;

const COUNT = 10_000;
const TARGET_FIRST_RENDER_MS = 200;
const TARGET_SEARCH_MS = 50;

/** Mulberry32: the same highlights every run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENTITIES = ['pboc', 'fed', 'ecb', 'sec', 'sasac', 'ndrc', 'fca', 'hkma', 'nfra', 'basel-iii', 'common-prosperity', 'macroprudential'];
const SENTENCES = [
  'The central bank said it would keep liquidity reasonably ample and cut the reserve requirement ratio.',
  'Regulators signalled that risks in the property sector remain controllable.',
  'The Federal Reserve held rates steady and pointed to two cuts later in the year.',
  'Officials vowed to promote common prosperity while supporting private enterprise.',
  'Banks must hold more capital under the final Basel III rules, the regulator said.',
  '中国人民银行决定下调金融机构存款准备金率0.5个百分点。',
  'The ECB president said inflation was on track to return to target.',
  'Macroprudential tools will be used to lean against excessive credit growth.',
];
const NOTES = ['', '', 'Compare with last quarter', 'Watch bond yields', 'Ask the desk about this', '关注流动性'];
const TAGS = ['rates', 'liquidity', 'property', 'capital', 'fx', 'china', 'us', 'europe'];
const SITES = ['www.reuters.com', 'www.ft.com', 'www.caixin.com', 'www.scmp.com', 'www.bloomberg.com'];

function generate(count: number): Highlight[] {
  const random = prng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const highlights: Highlight[] = [];
  for (let i = 0; i < count; i++) {
    const article = Math.floor(i / 8);
    const site = SITES[article % SITES.length]!;
    const quote = `${pick(SENTENCES)} ${random() < 0.3 ? pick(SENTENCES) : ''}`.trim();
    const created = 1_600_000_000_000 + i * 3_600_000;
    highlights.push({
      id: `${(i + 1).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
      url: `https://${site}/article-${article}`,
      title: `Article ${article}: ${pick(SENTENCES).slice(0, 60)}`,
      site,
      created,
      updated: created,
      color: pick(['yellow', 'green', 'blue', 'pink', 'purple'] as const),
      note: pick(NOTES),
      tags: random() < 0.5 ? [pick(TAGS)] : [],
      entities: [pick(ENTITIES), ...(random() < 0.3 ? [pick(ENTITIES)] : [])].filter((id, index, all) => all.indexOf(id) === index),
      selectors: { quote: { exact: quote, prefix: '', suffix: '' }, position: { start: i, end: i + quote.length } },
    });
  }
  return highlights;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
async function until(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error('timed out');
    await tick();
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => value.toFixed(1);

const QUERIES = ['pboc', 'reserve requirement', 'liquidity', '人民银行', 'basel capital', 'yields', 'nothing-matches-this'];
const RUNS_PER_QUERY = 3;

async function measure(label: string, makeStore: () => Promise<HighlightStore>) {
  const store = await makeStore();
  const container = document.createElement('div');
  document.body.append(container);
  const entityName = (id: string) => id.toUpperCase();

  const start = performance.now();
  render(h(Library, { store, entityName, onOpen: () => {}, searchDelay: 0 }), container as unknown as Element);
  await until(() => container.querySelector('.lib-item') !== null);
  const firstRender = performance.now() - start;
  await until(() => container.querySelector('.library[aria-busy="false"]') !== null);
  const allLoaded = performance.now() - start;
  const rendered = container.querySelectorAll('.lib-item').length;

  const input = container.querySelector('input[type="search"]') as unknown as HTMLInputElement;
  const count = () => container.querySelector('.lib-count')!.textContent;
  const times: number[] = [];
  for (let run = 0; run < RUNS_PER_QUERY; run++) {
    for (const query of [...QUERIES, '']) {
      const before = count();
      const t0 = performance.now();
      input.value = query;
      input.dispatchEvent(new window.Event('input', { bubbles: true }) as unknown as Event);
      // Same count (a query matching as many as the last one) still needs a render: wait one turn.
      await until(() => count() !== before);
      times.push(performance.now() - t0);
    }
  }
  render(null, container as unknown as Element);
  container.remove();
  return { label, firstRender, allLoaded, rendered, search: median(times) };
}

const highlights = generate(COUNT);
const newestFirst = [...highlights].sort((a, b) => b.created - a.created);

// The pure step, without the DOM: filter + group + flatten, over a warm cache.
const search = createSearch({ entityName: (id) => id.toUpperCase() });
const core: number[] = [];
for (let run = 0; run < RUNS_PER_QUERY + 1; run++) {
  for (const query of QUERIES) {
    const t0 = performance.now();
    toRows(groupByArticle(search.filter(newestFirst, { text: query })));
    if (run > 0) core.push(performance.now() - t0);
  }
}

const results = [
  await measure('in-memory store', async () => new MemoryHighlightStore(highlights)),
  await measure('Dexie + fake-indexeddb', async () => {
    const db = new RegLensDb(`bench-${Date.now()}`);
    await importHighlights(db, highlights);
    return createHighlightStore(db);
  }),
];

console.log(`Library with ${COUNT.toLocaleString('en')} highlights (happy-dom, Node ${process.version})`);
for (const r of results) {
  console.log(`\n[${r.label}]`);
  console.log(`first render: ${ms(r.firstRender)} ms (target < ${TARGET_FIRST_RENDER_MS} ms)`);
  console.log(`all loaded and searchable: ${ms(r.allLoaded)} ms; rows in the DOM: ${r.rendered}`);
  console.log(`search: ${ms(r.search)} ms per query (target < ${TARGET_SEARCH_MS} ms; median of ${RUNS_PER_QUERY * (QUERIES.length + 1)}, input event to updated list)`);
}
console.log(`\nsearch step alone (filter + group + rows): ${ms(median(core))} ms per query (median)`);

const failed = results.some((r) => r.firstRender >= TARGET_FIRST_RENDER_MS || r.search >= TARGET_SEARCH_MS);
if (failed) {
  console.log('\nABOVE TARGET');
  process.exitCode = 1;
}
await window.happyDOM.close();
