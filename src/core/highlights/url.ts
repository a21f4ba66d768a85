/**
 * The URL a highlight is saved under. Two visits to the same article must give the same string, so
 * the highlight comes back: trackers, fragments, default ports and credentials are not part of it.
 */

/** Query parameters that only say how the reader arrived. Compared lowercased. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  '_ga',
  '_gl',
  'ref_src',
  'yclid',
  'twclid',
  // Alibaba's "super position model" click tracker, common on Chinese financial news sites.
  'spm',
]);
const TRACKING_PREFIXES = ['utm_'];

/** Second-level labels under which sites register names (news.bbc.co.uk, www.caixin.com.cn). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'gob', 'or', 'ne', 'go']);

const MAX_URL_LENGTH = 4096;

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

function parseHttpUrl(text: string): URL | null {
  if (text.length > MAX_URL_LENGTH || !/^https?:\/\//i.test(text.trim())) return null;
  try {
    return new URL(text.trim());
  } catch {
    return null;
  }
}

/** A cheap stand-in for the Public Suffix List: good enough to tell www.ft.com from evil.com. */
function siteOf(hostname: string): string {
  const labels = hostname.replace(/\.$/, '').split('.');
  const take = labels.length >= 3 && SECOND_LEVEL.has(labels.at(-2) ?? '') && (labels.at(-1) ?? '').length === 2 ? 3 : 2;
  return labels.slice(-take).join('.');
}

/**
 * Pages often point their canonical link at the home page by mistake; an article's canonical URL is
 * trusted only when it is an absolute http(s) URL on the same site and not the site's root.
 */
function usableCanonical(page: URL, canonical: string | undefined): URL | null {
  if (canonical === undefined) return null;
  const candidate = parseHttpUrl(canonical);
  if (!candidate || siteOf(candidate.hostname) !== siteOf(page.hostname)) return null;
  if (candidate.pathname === '/' && page.pathname !== '/') return null;
  return candidate;
}

/**
 * Normalises `url` (or the page's `canonical` link when it is usable): lowercase host, no default
 * port, no credentials, no fragment, no tracking parameters, no empty "?". Other parameters keep
 * their order and their exact encoding, because some sites route on them. Returns null for anything
 * but an absolute http(s) URL.
 */
export function normaliseUrl(url: string, canonical?: string): string | null {
  const page = parseHttpUrl(url);
  if (!page) return null;
  const chosen = usableCanonical(page, canonical) ?? page;
  chosen.hash = '';
  chosen.username = '';
  chosen.password = '';
  const kept = chosen.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(decodeName(pair)));
  // Assigning '' removes the query, "?" included; "?" alone would stay in href.
  chosen.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return chosen.href;
}

function decodeName(pair: string): string {
  const name = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
}
