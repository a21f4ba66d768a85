/**
 * Which elements hold no article prose. Decided from tag names and attributes only: computed style
 * would force layout on the page (and does not exist in linkedom), so a CSS-hidden block is walked.
 */

/** Never prose, in any mode: code, UI controls, embedded documents, graphics. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'code', 'pre', 'kbd', 'samp',
  'form', 'button', 'select', 'option', 'textarea', 'input', 'label',
  'nav', 'aside', 'menu', 'dialog',
  // Chart labels and icon titles are fragments, not sentences a reader connects to a name.
  'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio', 'map',
  'head', 'title',
]);

const SKIPPED_ROLES = new Set([
  'navigation', 'complementary', 'banner', 'contentinfo', 'search', 'menu', 'menubar', 'toolbar',
  'dialog', 'alertdialog', 'tablist', 'form',
]);

/**
 * Class or id of page furniture: comments, ads, related links, newsletter boxes, share bars, tag
 * lists. `comment(?!ary)` keeps opinion pages ("commentary-body"); `ads?`, `share`, `tags` and `topics`
 * must be whole dash/underscore segments so "head", "lead", "download", "tagline" and "topical" are
 * not furniture.
 */
const FURNITURE =
  /comment(?!ary)|disqus|(?:^|[\s_-])(?:ads?|share|tags|topics)(?:$|[\s_-])|advert|sponsor|promo|outbrain|taboola|related|recommend|most-?read|most-?popular|newsletter|social|breadcrumb|paywall|cookie|subscribe/i;

/** ARIA gives header/footer a landmark role only outside these: there they are page banners. */
const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);

export function isSkipped(el: Element): boolean {
  return isSkippedTag(el) || isFurniture(el);
}

/**
 * Whether `el`, or an ancestor of it below `stop`, holds no prose. A rescan hands the text walk the
 * root of a new subtree, and the walk always enters its root: without this check a paragraph typed
 * into a contenteditable editor (or appended to a comments box) inside the article would be marked,
 * although the first full pass skips the editor. `furniture: false` applies the hard rules only.
 */
export function withinSkipped(el: Element, stop: Element, { furniture = true } = {}): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
    if (isSkippedTag(e) || (furniture && isFurniture(e))) return true;
  }
  return false;
}

/** Hard rules: never prose, whatever the page. */
export function isSkippedTag(el: Element): boolean {
  const tag = el.localName;
  if (SKIPPED_TAGS.has(tag)) return true;
  if ((tag === 'header' || tag === 'footer') && !insideSectioning(el)) return true;
  // Most paragraphs have no attribute at all: one call instead of five (each crosses into the page's
  // DOM, which costs most in Firefox's content scripts).
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = el.getAttribute('role');
  if (role !== null && SKIPPED_ROLES.has(role)) return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Soft rule from class/id names: a wrapper can be misnamed, so callers may overrule it. */
export function isFurniture(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  const id = el.getAttribute('id');
  if (id && FURNITURE.test(id)) return true;
  const cls = el.getAttribute('class');
  return !!cls && FURNITURE.test(cls);
}

function insideSectioning(el: Element): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) {
    if (SECTIONING.has(p.localName)) return true;
  }
  return false;
}

/**
 * Elements the browser lays out as blocks by default (HTML's rendering section). Unknown and custom
 * elements count as inline: a wrongly joined pair of blocks only risks a name across a gap, while a
 * wrongly split inline element loses "<b>People's</b> Bank of China" entirely.
 */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1',
  'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing',
  'main', 'nav', 'ol', 'p', 'picture', 'plaintext', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'xmp',
]);
