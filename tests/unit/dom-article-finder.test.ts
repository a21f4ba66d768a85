// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findArticle } from '../../src/dom/article-finder.ts';

const FIXTURES = 'tests/fixtures/articles';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
const fixture = (name: string): Document => parse(readFileSync(`${FIXTURES}/${name}.html`, 'utf8'));

const PARAGRAPH =
  'The regulator said on Tuesday that it would review how banks price their savings accounts, ' +
  'after finding that some customers were paid far less than the base rate for years.';
const prose = (count: number): string => Array.from({ length: count }, () => `<p>${PARAGRAPH}</p>`).join('');

describe('findArticle on the article fixtures', () => {
  it.each([
    ['scmp-pboc-zhejiang-fintech', 'article', 'jsonld:NewsArticle'],
    ['sec-structured-notes-enforcement', 'div', 'itemprop:articleBody'],
    ['ecb-holds-rates-forward-guidance', 'article', 'jsonld:NewsArticle'],
    ['uk-fca-consumer-duty-savings', 'div', 'headline-parent'],
    ['stellantis-fiat-chrysler-legacy', 'article', 'jsonld:Article'],
    ['zh-pboc-zhejiang-fintech', 'article', 'og:article'],
    ['lookalikes-shipping-markets', 'article', 'jsonld:BlogPosting'],
  ])('finds the story and its headline in %s', (name, tag, signal) => {
    const guess = findArticle(fixture(name));
    expect(guess.isArticle).toBe(true);
    expect(guess.root.localName).toBe(tag);
    expect(guess.root.querySelector('h1')).not.toBeNull();
    expect(guess.signals).toContain(signal);
  });

  it('says a homepage of link lists is not an article', () => {
    const guess = findArticle(fixture('homepage-link-lists'));
    expect(guess.isArticle).toBe(false);
    expect(guess.root.localName).toBe('body');
  });
});

describe('findArticle on small pages', () => {
  it('accepts plain paragraphs without any metadata when there is enough prose', () => {
    const guess = findArticle(parse(`<body><div id="story"><h1>Title</h1>${prose(8)}</div></body>`));
    expect(guess.isArticle).toBe(true);
    expect(guess.root.id).toBe('story');
  });

  it('needs less prose when metadata says article', () => {
    const short = `<div id="story">${prose(3)}</div>`;
    expect(findArticle(parse(`<body>${short}</body>`)).isArticle).toBe(false);
    const meta = '<head><meta property="og:type" content="article"></head>';
    expect(findArticle(parse(`<html>${meta}<body>${short}</body></html>`)).isArticle).toBe(true);
  });

  it('weighs Chinese and Japanese prose by what it says, not by its character count', () => {
    // 47 characters each: as much news as a 25-word English sentence; ten of them make a story.
    const zh = '中国人民银行周五开展逆回购操作，保持银行体系流动性合理充裕，市场人士预计央行年内仍有降准空间。';
    const ja = '日本銀行は金曜日、政策金利を引き上げると発表し、円安が物価を押し上げていることを理由に挙げた。';
    for (const sentence of [zh, ja]) {
      const story = `<div id="story"><h1>标题</h1>${Array.from({ length: 10 }, () => `<p>${sentence}</p>`).join('')}</div>`;
      const guess = findArticle(parse(`<body>${story}</body>`));
      expect(guess.isArticle, sentence).toBe(true);
      expect(guess.root.id).toBe('story');
    }
  });

  it('ignores paragraphs inside comments and asides', () => {
    const page = `<body><main><p>Short intro.</p></main><div class="comments">${prose(10)}</div><aside>${prose(5)}</aside></body>`;
    expect(findArticle(parse(page)).isArticle).toBe(false);
  });

  it('rejects a list of teaser cards even with long summaries', () => {
    const card = `<article><h3><a href="/x">Headline</a></h3><p>${PARAGRAPH} ${PARAGRAPH}</p></article>`;
    const page = `<body><section>${card.repeat(12)}</section></body>`;
    expect(findArticle(parse(page)).isArticle).toBe(false);
  });

  it('rejects a cluster whose text is mostly links', () => {
    const linked = `<p><a href="/a">${PARAGRAPH}</a></p>`.repeat(12);
    expect(findArticle(parse(`<body><div>${linked}</div></body>`)).isArticle).toBe(false);
  });

  it('rejects an app screen with no prose', () => {
    const page = `<body><div id="app"><button>New</button><ul><li>Inbox</li><li>Sent</li></ul><p>No messages.</p></div></body>`;
    expect(findArticle(parse(page)).isArticle).toBe(false);
  });

  it('survives broken JSON-LD', () => {
    const page = `<html><head><script type="application/ld+json">{ "@type": "NewsArticle",</script></head><body><div>${prose(8)}</div></body></html>`;
    expect(findArticle(parse(page)).isArticle).toBe(true);
  });

  // Its cost is measured by `npm run bench:browser` (non-article page), not timed here.
  it('finds the article on a large page with thousands of links', () => {
    const big = parse(`<body><article><h1>Big</h1>${prose(3000)}</article><ul>${'<li><a href="#">link</a></li>'.repeat(3000)}</ul></body>`);
    expect(findArticle(big).isArticle).toBe(true);
  });
});
