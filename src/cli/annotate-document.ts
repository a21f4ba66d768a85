import { parseHTML } from 'linkedom';
import type { Matcher } from '../core/matcher/types.ts';
import { findArticle } from '../dom/article-finder.ts';
import { collectText } from '../dom/text-walk.ts';
import { buildAnnotation, type Annotation, type LookupEntry } from './format.ts';

export interface AnnotateOptions {
  /** Match the whole body, not only the article; also annotates pages that are not articles. */
  allText?: boolean;
}

/**
 * The CLI without its I/O: page in, annotation out. The matcher and the entry lookup come in as
 * arguments so tests can run it with a stub and the quality test with the real knowledge base.
 */
export function annotateDocument(
  doc: Document,
  matcher: Matcher,
  lookup: LookupEntry,
  options: AnnotateOptions = {},
): Annotation {
  const article = findArticle(doc);
  const searched = article.isArticle || options.allText === true;
  const text = searched ? collectText(article.root, { allText: options.allText ?? false }).text : '';
  return buildAnnotation(
    {
      title: pageTitle(doc, article.root),
      url: canonicalUrl(doc),
      isArticle: article.isArticle,
      text,
      matches: searched ? matcher.match(text) : [],
    },
    lookup,
  );
}

/**
 * The same from HTML source. linkedom rather than happy-dom: it parses a large page several times
 * faster, and its TreeWalker and Range gaps do not matter because text-walk needs neither.
 */
export function annotateHtml(
  html: string,
  matcher: Matcher,
  lookup: LookupEntry,
  options: AnnotateOptions = {},
): Annotation {
  const { document } = parseHTML(html);
  return annotateDocument(document as unknown as Document, matcher, lookup, options);
}

function pageTitle(doc: Document, root: Element): string {
  return (
    meta(doc, 'og:title') ??
    root.querySelector('h1')?.textContent ??
    doc.querySelector('title')?.textContent ??
    ''
  );
}

function canonicalUrl(doc: Document): string | null {
  return doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url');
}

function meta(doc: Document, property: string): string | null {
  const content = doc.querySelector(`meta[property="${property}"]`)?.getAttribute('content')?.trim();
  return content || null;
}
