import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseUrl } from '../../src/core/highlights/url.ts';

describe('normaliseUrl', () => {
  it('drops utm_ parameters from the saved URL', () => {
    expect(normaliseUrl('https://www.ft.com/content/abc?utm_source=twitter&utm_medium=social')).toBe('https://www.ft.com/content/abc');
  });

  it('drops click identifiers and newsletter trackers but keeps the other parameters in their order', () => {
    const url = 'https://news.example/story?page=2&fbclid=x&gclid=y&id=7&mc_cid=a&mc_eid=b&igshid=c&_ga=d&ref_src=e&yclid=f&msclkid=g&dclid=h&spm=a2.b';
    expect(normaliseUrl(url)).toBe('https://news.example/story?page=2&id=7');
  });

  it('matches tracker names case-insensitively and even when percent-encoded', () => {
    expect(normaliseUrl('https://a.example/x?UTM_Source=1&%75tm_campaign=2&q=1')).toBe('https://a.example/x?q=1');
  });

  it('keeps the exact encoding of the parameters it keeps', () => {
    expect(normaliseUrl('https://a.example/search?q=Basel+III&tag=%E4%B8%AD')).toBe('https://a.example/search?q=Basel+III&tag=%E4%B8%AD');
  });

  it('drops the fragment, including text fragments', () => {
    expect(normaliseUrl('https://a.example/x#:~:text=PBOC')).toBe('https://a.example/x');
  });

  it('lowercases the host, strips the default port and credentials', () => {
    expect(normaliseUrl('HTTPS://user:pw@News.Example:443/Path')).toBe('https://news.example/Path');
    expect(normaliseUrl('http://news.example:80/')).toBe('http://news.example/');
    expect(normaliseUrl('http://news.example:8080/')).toBe('http://news.example:8080/');
  });

  it('leaves no bare "?" behind', () => {
    expect(normaliseUrl('https://a.example/x?')).toBe('https://a.example/x');
    expect(normaliseUrl('https://a.example/x?utm_source=a')).toBe('https://a.example/x');
    expect(normaliseUrl('https://a.example/x?&&')).toBe('https://a.example/x');
  });

  it('keeps a question mark that is part of the query', () => {
    expect(normaliseUrl('https://a.example/x??')).toBe('https://a.example/x??');
  });

  it('prefers the canonical link on the same site', () => {
    expect(normaliseUrl('https://amp.ft.com/content/abc?utm_source=x', 'https://www.ft.com/content/abc#top')).toBe('https://www.ft.com/content/abc');
    expect(normaliseUrl('https://news.bbc.co.uk/a', 'https://www.bbc.co.uk/news/a')).toBe('https://www.bbc.co.uk/news/a');
  });

  it('ignores a canonical link to another site, a relative one, or the site root', () => {
    expect(normaliseUrl('https://news.example/a', 'https://evil.example/a')).toBe('https://news.example/a');
    expect(normaliseUrl('https://news.example/a', '/a?x=1')).toBe('https://news.example/a');
    expect(normaliseUrl('https://news.example/a', 'https://news.example/')).toBe('https://news.example/a');
    expect(normaliseUrl('https://a.co.uk/a', 'https://b.co.uk/a')).toBe('https://a.co.uk/a');
  });

  it('refuses anything but an absolute http(s) URL', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'about:blank', '/relative', 'not a url', `https://a.example/${'x'.repeat(5000)}`]) {
      expect(normaliseUrl(url)).toBeNull();
    }
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const once = normaliseUrl(url);
        expect(once === null ? null : normaliseUrl(once)).toBe(once);
      }),
    );
  });
});
