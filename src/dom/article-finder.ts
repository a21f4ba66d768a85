import { proseUnits } from '../core/text/chars.ts';
import { isFurniture, isSkippedTag } from './skip-rules.ts';

export interface ArticleGuess {
  /** The element holding the headline and body; `body` when no article was found. */
  root: Element;
  isArticle: boolean;
  /** Why: which evidence was seen ("jsonld:NewsArticle", "og:article", "p-cluster:2140"...). */
  signals: string[];
}

const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'BlogPosting', 'Report', 'ScholarlyArticle',
]);
/** A paragraph shorter than this is a caption, teaser or button label, not prose. */
const MIN_PARAGRAPH = 60;
/** Prose needed under metadata that says "article" (short news briefs exist). */
const MIN_TEXT_WITH_METADATA = 300;
/** Prose needed when nothing but the text itself says "article". */
const MIN_TEXT_ALONE = 1200;
/**
 * Paragraphs scored at most: enough to tell a story from a list on any page, and keeps the cost of a
 * 200k-word page the same as a 2k-word one.
 */
const MAX_PARAGRAPHS = 250;
/** Above this share of link text, a cluster is a list of links (a homepage), not a story. */
const MAX_LINK_DENSITY = 0.35;

/**
 * A cheap guess, not Readability: metadata, then one capped scan of <p> elements scoring their
 * parents by prose length. An itemprop=articleBody, when present, is trusted over the scan.
 */
export function findArticle(doc: Document): ArticleGuess {
  const body = doc.body ?? doc.documentElement;
  const signals: string[] = [];
  const types = jsonLdTypes(doc);
  for (const t of types) signals.push(`jsonld:${t}`);
  const metaSaysArticle = ogTypeIsArticle(doc, signals) || types.some((t) => ARTICLE_TYPES.has(t));

  const marked = markedBody(doc);
  const cluster = bestParagraphCluster(body);
  if (marked) signals.push('itemprop:articleBody');
  if (cluster) signals.push(`p-cluster:${cluster.prose}`);

  let rejected = false;
  if (!marked && cluster && cluster.linkDensity > MAX_LINK_DENSITY) {
    signals.push('link-list');
    rejected = true;
  }
  if (!marked && cluster && looksLikeFeed(cluster.element)) {
    signals.push('feed');
    rejected = true;
  }
  const found = marked ?? cluster?.element;
  const prose = marked ? proseLength(marked) : (cluster?.prose ?? 0);
  const needed = metaSaysArticle || marked ? MIN_TEXT_WITH_METADATA : MIN_TEXT_ALONE;
  if (!found || rejected || prose < needed) return { root: body, isArticle: false, signals };
  return { root: widenToArticle(found, signals), isArticle: true, signals };
}

function jsonLdTypes(doc: Document): string[] {
  const types: string[] = [];
  const add = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(add);
    const record = node as Record<string, unknown>;
    const t = record['@type'];
    for (const one of Array.isArray(t) ? t : [t]) if (typeof one === 'string') types.push(one);
    // Only the top level and @graph: a homepage's ItemList of NewsArticles is not an article.
    add(record['@graph']);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      add(JSON.parse(script.textContent ?? ''));
    } catch {
      // Sites ship broken JSON-LD often enough; other signals still decide.
    }
  }
  return types;
}

function ogTypeIsArticle(doc: Document, signals: string[]): boolean {
  const og = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim();
  if (og) signals.push(`og:${og}`);
  return og === 'article';
}

function markedBody(doc: Document): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const el of doc.querySelectorAll('[itemprop~="articleBody"]')) {
    const length = el.textContent?.length ?? 0;
    if (length > bestLength) [best, bestLength] = [el, length];
  }
  return best;
}

interface Cluster {
  element: Element;
  prose: number;
  linkDensity: number;
}

/** The parent whose paragraphs hold the most prose; a grandparent gets half credit (wrapped <p>s). */
function bestParagraphCluster(body: Element): Cluster | null {
  const prose = new Map<Element, number>();
  const links = new Map<Element, number>();
  const credit = (el: Element | null, text: number, link: number, share: number): void => {
    if (!el) return;
    prose.set(el, (prose.get(el) ?? 0) + text * share);
    links.set(el, (links.get(el) ?? 0) + link * share);
  };
  let scored = 0;
  for (const p of body.getElementsByTagName('p')) {
    if (scored >= MAX_PARAGRAPHS) break;
    const text = proseUnits(p.textContent?.trim() ?? '');
    if (text < MIN_PARAGRAPH || insideSkipped(p, body)) continue;
    scored++;
    let linkText = 0;
    for (const a of p.getElementsByTagName('a')) linkText += proseUnits(a.textContent ?? '');
    credit(p.parentElement, text, linkText, 1);
    credit(p.parentElement?.parentElement ?? null, text, linkText, 0.5);
  }
  let best: Cluster | null = null;
  for (const [element, score] of prose) {
    if (!best || score > best.prose) {
      best = { element, prose: Math.round(score), linkDensity: (links.get(element) ?? 0) / score };
    }
  }
  return best;
}

/** Teaser cards or search results: several articles, or several linked headings, side by side. */
function looksLikeFeed(el: Element): boolean {
  if (el.getElementsByTagName('article').length >= 3) return true;
  let linkedHeadings = 0;
  for (const tag of ['h2', 'h3', 'h4']) {
    for (const h of el.getElementsByTagName(tag)) {
      if (h.getElementsByTagName('a').length || h.parentElement?.closest('a')) linkedHeadings++;
    }
  }
  return linkedHeadings >= 4;
}

/** Paragraphs in comments, asides or related-story boxes do not make a page an article. */
function insideSkipped(el: Element, stop: Element): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
    if (isSkippedTag(e) || isFurniture(e)) return true;
  }
  return false;
}

function proseLength(el: Element): number {
  let total = 0;
  for (const p of el.getElementsByTagName('p')) {
    total += proseUnits(p.textContent?.trim() ?? '');
    if (total > MIN_TEXT_ALONE) break; // only compared with the thresholds
  }
  if (total > 0) return total;
  // Units never fall below characters, so a long text is past every threshold without counting.
  const text = el.textContent?.trim() ?? '';
  return text.length > MIN_TEXT_ALONE ? text.length : proseUnits(text);
}

/**
 * The headline and standfirst name regulators as often as the body does, so the root grows to the
 * body's enclosing <article> (or schema.org Article item), unless that holds other articles (a feed);
 * without one, to the nearest close ancestor holding the <h1>.
 */
const ARTICLE_CONTAINER = 'article, [itemtype*="Article"], [itemtype*="BlogPosting"]';
const HEADLINE_CLIMB = 2;

function widenToArticle(el: Element, signals: string[]): Element {
  const article = el.closest(ARTICLE_CONTAINER);
  if (article && !article.querySelector(ARTICLE_CONTAINER)) {
    signals.push('article-container');
    return article;
  }
  if (article || el.querySelector('h1')) return el;
  let up = el.parentElement;
  for (let i = 0; i < HEADLINE_CLIMB && up && up !== el.ownerDocument.body; i++, up = up.parentElement) {
    if (up.querySelector('h1')) {
      signals.push('headline-parent');
      return up;
    }
  }
  return el;
}
