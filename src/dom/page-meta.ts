/** Facts a page states about itself, for a saved highlight: its canonical URL and publication date. */
export interface PageMeta {
  canonical?: string;
  published?: string;
}

export function readPageMeta(doc: Document): PageMeta {
  const canonical = (doc.querySelector('link[rel~="canonical"]') as HTMLLinkElement | null)?.href || undefined;
  return { canonical, published: publishedDate(doc) };
}

function publishedDate(doc: Document): string | undefined {
  const meta =
    doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content') ??
    doc.querySelector('meta[itemprop="datePublished"]')?.getAttribute('content') ??
    jsonLdDate(doc) ??
    doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime');
  const date = meta?.trim();
  return date && !Number.isNaN(Date.parse(date)) ? date.slice(0, 40) : undefined;
}

function jsonLdDate(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const found = findDate(JSON.parse(script.textContent ?? ''));
      if (found) return found;
    } catch {
      // A page's broken JSON-LD is the page's business.
    }
  }
  return undefined;
}

function findDate(value: unknown, depth = 0): string | undefined {
  if (depth > 4 || typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) return value.map((item) => findDate(item, depth + 1)).find(Boolean);
  const record = value as Record<string, unknown>;
  if (typeof record.datePublished === 'string') return record.datePublished;
  return findDate(record['@graph'], depth + 1);
}
