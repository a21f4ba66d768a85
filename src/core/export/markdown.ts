import { normaliseTags, type Highlight } from '../highlights/model.ts';
import { yamlList, yamlString } from './yaml.ts';

/**
 * Markdown for note-taking apps (Obsidian, Logseq, plain folders): one file per article with YAML
 * front matter, or one file for everything. Page text is escaped so a quote cannot become markup or
 * raw HTML; notes keep the reader's own Markdown, minus raw HTML (an imported note is not trusted).
 */

export interface ExportedFile {
  name: string;
  content: string;
}

export interface MarkdownOptions {
  perArticle: boolean;
}

export const SINGLE_FILE_NAME = 'reglens-highlights.md';
const MAX_NAME_LENGTH = 80;

interface Article {
  url: string;
  title: string;
  site: string;
  published: string | undefined;
  highlights: Highlight[];
}

function byArticle(highlights: readonly Highlight[]): Article[] {
  const articles = new Map<string, Article>();
  for (const h of highlights) {
    const article = articles.get(h.url) ?? { url: h.url, title: h.title, site: h.site, published: h.published, highlights: [] };
    article.highlights.push(h);
    articles.set(h.url, article);
  }
  for (const article of articles.values()) article.highlights.sort((a, b) => a.selectors.position.start - b.selectors.position.start);
  return [...articles.values()];
}

/** Backslash-escapes what CommonMark could read as markup (any ASCII punctuation may be escaped). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** Raw HTML in a note would run in some Markdown viewers; everything else in a note is the reader's Markdown. */
function escapeHtml(text: string): string {
  return text.replace(/[<&]/g, '\\$&');
}

function frontMatter(article: Article): string {
  const lines = [
    '---',
    `title: ${yamlString(article.title)}`,
    `url: ${yamlString(article.url)}`,
    `site: ${yamlString(article.site)}`,
    ...(article.published === undefined ? [] : [`published: ${yamlString(article.published)}`]),
    `tags: ${yamlList(normaliseTags(article.highlights.flatMap((h) => h.tags)))}`,
    `entities: ${yamlList([...new Set(article.highlights.flatMap((h) => h.entities))])}`,
    '---',
  ];
  return `${lines.join('\n')}\n`;
}

function highlightBlock(h: Highlight): string {
  const quote = escapeMarkdown(h.selectors.quote.exact)
    .split(/\r\n|\r|\n|\u2029/)
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
  const parts = [quote];
  if (h.note.trim() !== '') parts.push(escapeHtml(h.note.trim()));
  if (h.tags.length > 0) parts.push(`Tags: ${h.tags.map((tag) => escapeMarkdown(tag.replace(/\s+/g, ' '))).join(', ')}`);
  return parts.join('\n\n');
}

function articleBody(article: Article, headingLevel: '#' | '##'): string {
  const title = escapeMarkdown(article.title.replace(/\s+/g, ' ').trim()) || escapeMarkdown(article.site);
  const heading = `${headingLevel} [${title}](<${article.url}>)`;
  return [heading, ...article.highlights.map(highlightBlock)].join('\n\n');
}

const slug = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/^-+|-+$/g, '');

/** A file name from the title, safe on every desktop OS; numbered when two articles share one. */
function fileName(article: Article, taken: Set<string>): string {
  const stem = slug(article.title) || slug(article.site) || 'article';
  let name = `${stem}.md`;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}.md`;
  taken.add(name);
  return name;
}

export function toMarkdown(highlights: readonly Highlight[], { perArticle }: MarkdownOptions): ExportedFile[] {
  const articles = byArticle(highlights);
  if (perArticle) {
    const taken = new Set<string>();
    return articles.map((article) => ({
      name: fileName(article, taken),
      content: `${frontMatter(article)}\n${articleBody(article, '#')}\n`,
    }));
  }
  const header = ['---', `title: ${yamlString('RegLens highlights')}`, `tags: ${yamlList(normaliseTags(highlights.flatMap((h) => h.tags)))}`, `entities: ${yamlList([...new Set(highlights.flatMap((h) => h.entities))])}`, '---'].join('\n');
  const sections = articles.map((article) => {
    const meta = [`Site: ${escapeMarkdown(article.site)}`, ...(article.published ? [`Published: ${escapeMarkdown(article.published)}`] : [])].join(' · ');
    return `${articleBody(article, '##')}\n\n${meta}`;
  });
  return [{ name: SINGLE_FILE_NAME, content: `${header}\n\n# RegLens highlights\n\n${sections.join('\n\n')}\n` }];
}
