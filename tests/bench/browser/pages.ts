// Generated pages for the browser benchmark: news articles of a given length and a homepage of link
// lists, all from a seeded PRNG so every run (and every browser) sees the same bytes.

/** Mulberry32: small, seeded, good enough to make the same article every run. */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Aliases to mention, split by where they fit in a sentence: an institution ({B}) or a policy term ({P}). */
export interface Mentionable {
  bodies: string[];
  phrases: string[];
}

// {B} takes an institution, {P} a policy phrase or law. Slots are filled with a knowledge-base alias
// only as often as the mention rate needs; otherwise with a plain noun phrase RegLens does not know.
const SENTENCES = [
  'Markets were little changed on Tuesday as investors weighed fresh data on inflation and jobs.',
  '{B} said in a statement that it would keep a close eye on funding conditions.',
  'Analysts at several banks expect borrowing costs to stay higher for longer this year.',
  'The decision surprised some traders, who had bet on a cut before the summer.',
  'Officials at {B} declined to comment on the report, citing an ongoing review.',
  'Shares of regional lenders fell after a warning from {B} about commercial property loans.',
  'The yield on the benchmark ten-year bond rose four basis points to its highest level since March.',
  'Critics argue the new rules on {P} will raise costs for smaller firms without making the system safer.',
  'A spokesperson for {B} said the review would conclude by the end of the quarter.',
  'Growth slowed in the second quarter, held back by weak exports and softer consumer spending.',
  'The proposal, backed by {B}, would tighten capital requirements for the largest lenders.',
  'Economists polled by a news agency had expected a smaller increase in consumer prices.',
  'In a speech on Thursday, the governor said the economy was "in a good place" despite the slowdown.',
  'Lawmakers pressed {B} over its handling of the collapse and asked for documents by Friday.',
  'The currency weakened against the dollar after the announcement, before recovering in late trading.',
  'Fund managers said they were trimming exposure to long-dated government debt.',
  'People familiar with the matter said talks on {P} had stalled over the timing of the changes.',
  'The company, which employs about 12,000 people, said it had set aside money for possible fines.',
  'Property developers have struggled to refinance debt since sales began to slide two years ago.',
  'Under the plan, banks would have to report exposures to {P} every quarter instead of once a year.',
  'Investors will look to minutes from the latest meeting of {B} for clues about the next move.',
  'Smaller lenders have complained that the cost of compliance falls hardest on them.',
  'The index of factory activity rose to 50.8 in May from 49.6 a month earlier.',
  'Several board members left the company last year after a dispute over strategy.',
  '"We are watching this very carefully," said one senior executive, who asked not to be named.',
  'Local governments have been told to rein in spending on infrastructure projects that do not pay off.',
  'The ruling could open the door to similar claims against other firms in the sector.',
  'Regulators in several countries have stepped up scrutiny of {P} since the start of the year.',
  'Exports rose 4.1 per cent from a year earlier, beating forecasts for a 2.5 per cent gain.',
  'The firm agreed to pay $52 million to settle the case without admitting or denying the findings.',
  'Deposit growth at the big state banks slowed for a third straight month.',
  'A separate survey showed business confidence at its lowest level in almost two years.',
  'The changes follow a consultation by {B} that drew hundreds of responses from the industry.',
  'Bond issuance by local financing vehicles fell sharply in the first half.',
  'Traders now see about a 60 per cent chance of a rate cut by September.',
  'The plan builds on earlier guidance on {P} published late last year.',
];
const FILLERS = ['the company', 'the group', 'the lender', 'the ministry', 'the committee', 'the board', 'the firm'];
const HEADINGS = ['What happens next', 'Market reaction', 'Background', 'The wider picture', 'Why it matters', 'Industry response'];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Page head shared by every generated page. Its inline script runs before anything else, so it sees
 * the whole load: a 'longtask' observer (buffered), a console line when RegLens has annotated (the
 * bench waits for it instead of polling the page), and, on RegLens runs (no ?run=), a setTimeout
 * heartbeat whose gaps show how long the main thread was blocked. The heartbeat exists because
 * Chromium's long-task entries leave out work done by extension content scripts (isolated world),
 * and Firefox has no long-task API. bench.js runs a baseline only when the URL asks (?run=...).
 */
function head(title: string, meta: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<script>window.__longtasks=[];try{new PerformanceObserver((l)=>{for(const e of l.getEntries())__longtasks.push({start:e.startTime,duration:e.duration})}).observe({type:'longtask',buffered:true});window.__longtaskSupported=PerformanceObserver.supportedEntryTypes.includes('longtask')}catch(e){window.__longtaskSupported=false}
try{new PerformanceObserver((l)=>{for(const e of l.getEntries())if(e.name==='reglens:annotate')console.debug(e.name)}).observe({type:'measure'})}catch(e){}
window.__gaps=[];if(!location.search.includes('run=')){let last=performance.now();const tick=()=>{const now=performance.now();if(now-last>=10)__gaps.push({start:last,end:now});last=now;if(now<60000)setTimeout(tick,0)};setTimeout(tick,0)}</script>
${meta}
<style>body{font:16px/1.5 Georgia,serif;max-width:44em;margin:auto}::highlight(baseline){background:#fe8}</style>
<script src="bench.js" defer></script></head>`;
}

/** A news article of about `words` words mentioning knowledge-base aliases once per ~`every` words. */
export function articlePage(words: number, terms: Mentionable, every = 60, seed = 7): { html: string; words: number; mentions: number } {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  let count = 0;
  let mentions = 0;
  const fill = (slot: string): string => {
    // Mention when behind the target rate; the jitter keeps mentions from landing on a fixed grid.
    if (mentions < (count + random() * every) / every) {
      mentions++;
      return pick(slot === '{B}' ? terms.bodies : terms.phrases);
    }
    return slot === '{B}' ? pick(FILLERS) : 'the new rules';
  };
  const sentence = (): string => {
    const s = pick(SENTENCES).replace(/\{[BP]\}/g, fill);
    count += s.split(' ').length;
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  const blocks: string[] = [];
  while (count < words) {
    if (blocks.length > 0 && blocks.length % 14 === 0) blocks.push(`<h2>${pick(HEADINGS)}</h2>`);
    const n = 2 + Math.floor(random() * 3);
    blocks.push(`<p>${escapeHtml(Array.from({ length: n }, sentence).join(' '))}</p>`);
  }
  const title = `Regulators weigh new curbs as lenders brace for tighter rules (${words} words)`;
  const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: '2025-05-20T08:00:00Z', author: { '@type': 'Person', name: 'Staff Reporter' } });
  const html = `${head(title, `<meta property="og:type" content="article"><meta property="og:title" content="${escapeHtml(title)}">
<script type="application/ld+json">${jsonLd}</script>`)}
<body><header class="masthead"><a href="/">Ledger Wire</a> <nav><a href="/markets">Markets</a> <a href="/regulation">Regulation</a> <a href="/china">China</a></nav></header>
<main><article><h1>${escapeHtml(title)}</h1><p class="byline">By Staff Reporter, 20 May 2025</p>
${blocks.join('\n')}
</article></main><footer><p>© Ledger Wire. All rights reserved.</p></footer></body></html>`;
  return { html, words: count, mentions };
}

/** A homepage of link lists and teaser cards (~`words` words): RegLens should only run its detector. */
export function homepage(words: number, terms: Mentionable, seed = 11): { html: string; words: number } {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  let count = 0;
  let link = 100;
  const headline = (): string => {
    const s = pick(SENTENCES).replace(/\{B\}/g, () => pick(terms.bodies)).replace(/\{P\}/g, () => pick(terms.phrases));
    const short = s.split(' ').slice(0, 6 + Math.floor(random() * 6)).join(' ').replace(/[,.]$/, '');
    count += short.split(' ').length;
    return `<a href="/a/${link++}">${escapeHtml(short)}</a>`;
  };
  const sections: string[] = [];
  while (count < words) {
    const cards = Array.from({ length: 4 }, () => {
      const h = headline();
      const teaser = pick(SENTENCES).replace(/\{[BP]\}/g, () => pick(FILLERS));
      count += teaser.split(' ').length;
      return `<article class="story-card"><h3>${h}</h3><p>${escapeHtml(teaser)}</p></article>`;
    });
    const items = Array.from({ length: 10 }, () => `<li><span class="time">${10 + Math.floor(random() * 12)}:${String(Math.floor(random() * 60)).padStart(2, '0')}</span> ${headline()}</li>`);
    sections.push(`<section class="stories"><h2>${pick(HEADINGS)}</h2>${cards.join('')}<ul>${items.join('')}</ul></section>`);
  }
  const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@type': 'WebSite', name: 'Ledger Wire', url: 'https://ledgerwire.example/' });
  const html = `${head('Ledger Wire | Business, markets and regulation news', `<meta property="og:type" content="website"><script type="application/ld+json">${jsonLd}</script>`)}
<body><header class="masthead"><a href="/">Ledger Wire</a></header><main>${sections.join('\n')}</main></body></html>`;
  return { html, words: count };
}
