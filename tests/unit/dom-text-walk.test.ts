// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BLOCK_BREAK } from '../../src/core/matcher/types.ts';
import { collectText, collectTextInSteps, joinTextMaps } from '../../src/dom/text-walk.ts';

/**
 * Built as a fragment, not through innerHTML (lint bans it everywhere, tests included), inside the
 * global document because happy-dom's Range stays collapsed on nodes of a DOMParser document.
 */
function page(html: string): HTMLElement {
  document.body.replaceChildren(document.createRange().createContextualFragment(html));
  return document.body;
}

/** The collected text with BLOCK_BREAK shown as `|` and whitespace collapsed, for readable asserts. */
function shown(root: Element, allText = false): string {
  return collectText(root, { allText })
    .text.replaceAll(BLOCK_BREAK, '|')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('collectText', () => {
  it('keeps a name split by inline markup as one run of text', () => {
    const root = page(`<p>The <b>People's</b> <a href="/pboc">Bank</a> of <span>China</span> said</p>`);
    expect(shown(root)).toBe("The People's Bank of China said|");
  });

  it('puts a block break between paragraphs, headings, list items and cells', () => {
    const root = page(`<h2>SEC</h2><p>one</p><ul><li>a</li><li>b</li></ul><table><tr><td>x</td><td>y</td></tr></table>`);
    expect(shown(root)).toBe('SEC|one|a|b|x|y|');
  });

  it('breaks at <br> so a name cannot run across a line break', () => {
    expect(shown(page(`<p>Bank of<br>England</p>`))).toBe('Bank of|England|');
  });

  it('never puts two block breaks in a row, nor one at the start', () => {
    const text = collectText(page(`<div><div><p>a</p></div></div><div><p>b</p></div>`)).text;
    expect(text).toBe(`a${BLOCK_BREAK}b${BLOCK_BREAK}`);
  });

  it('skips scripts, styles, forms, controls, code and hidden elements', () => {
    const root = page(
      `<p>kept</p><script>SEC()</script><style>.fed{}</style><noscript>FCA</noscript>` +
        `<form><label>ECB</label><input value="PBOC"></form><button>Fed</button><select><option>SEC</option></select>` +
        `<textarea>SEC</textarea><pre>SEC</pre><p>call <code>sec()</code> now</p><svg><text>SEC</text></svg>` +
        `<div hidden>SEC</div><div aria-hidden="true">SEC</div><div style="display: none">SEC</div>` +
        `<div contenteditable="true">SEC</div><template>SEC</template>`,
    );
    expect(shown(root)).toBe('kept|call now|');
  });

  it('skips navigation, asides, landmarks and page furniture by role, class or id', () => {
    const root = page(
      `<header><a>Markets</a> SEC</header><nav>Fed</nav><div role="navigation">Fed</div>` +
        `<article><p>story</p><aside>Related: SEC fines bank</aside>` +
        `<div class="comments-section">PBOC is bad</div><div id="ad-slot-2">Sponsored</div>` +
        `<div class="promo-box">FCA</div><ul class="related-links"><li>ECB</li></ul>` +
        `<div class="most-read">Fed</div><div class="newsletter-signup">CMA</div>` +
        `<div role="complementary">x</div></article><footer>© SEC</footer>`,
    );
    expect(shown(root)).toBe('story|');
  });

  it('keeps figure captions, headline headers and article footers', () => {
    const root = page(
      `<article><header><h1>PBOC acts</h1></header><figure><img src="x"><figcaption>The PBOC in Beijing</figcaption></figure>` +
        `<p>text</p><footer>Additional reporting by the SEC desk</footer></article>`,
    );
    expect(shown(root)).toBe('PBOC acts|The PBOC in Beijing|text|Additional reporting by the SEC desk|');
  });

  // A tag list names the story's topics ("Tags: SAMR FTC CMA"), not what the story says about them:
  // marks there would add mentions the reader never reads in the prose.
  it('skips tag and topic lists inside the article', () => {
    const root = page(
      `<article><p>story</p><div class="post-tags">Tags: <a>SAMR</a> <a>FTC</a></div>` +
        `<footer class="article-footer"><div class="tags">Topics: <a>Fintech</a></div></footer>` +
        `<ul id="story-topics"><li>Federal Reserve</li></ul><footer class="article-tags">Filed under: ECB</footer></article>`,
    );
    expect(shown(root)).toBe('story|');
  });

  it('keeps words that merely contain "ad", "comment", "tag" or "topic" as class names', () => {
    const root = page(
      `<div class="lead-paragraph">lead</div><div class="headline">head</div><div class="commentary-body">opinion</div>`,
    );
    expect(shown(root)).toBe('lead|head|opinion|');
    const tagLike = page(`<p class="tagline">tagline</p><div class="stage">stage</div><div class="topical-lead">topical</div>`);
    expect(shown(tagLike)).toBe('tagline|stage|topical|');
  });

  it('walks the whole body with allText but still skips scripts and navigation', () => {
    const root = page(`<nav>Fed</nav><div class="intro">Intro SEC</div><script>x</script><article><p>Body</p></article>`);
    const article = root.querySelector('article')!;
    expect(shown(article)).toBe('Body|');
    expect(shown(article, true)).toBe('Intro SEC|Body|');
  });

  it('walks the article even when a wrapper has a furniture-like class, in allText mode', () => {
    const root = page(`<div class="page has-comments"><article><p>Body</p></article></div>`);
    expect(shown(root.querySelector('article')!, true)).toBe('Body|');
  });

  it('maps a span of the text back to the text nodes it came from', () => {
    const root = page(`<p>Says the <b>People's</b> Bank of China.</p><p>Next</p>`);
    const map = collectText(root);
    const start = map.text.indexOf("People's");
    const end = start + "People's Bank of China".length;
    const span = map.toSpan(start, end)!;
    expect(span.startNode.data).toBe("People's");
    expect(span.startOffset).toBe(0);
    expect(span.endNode.data).toBe(' Bank of China.');
    expect(span.endOffset).toBe(' Bank of China'.length);
    expect(map.toRange(start, end)!.toString()).toBe("People's Bank of China");
  });

  it('joins walked subtrees into one text whose offsets still lead to their own nodes', () => {
    page(`<div id="a"><p>The SEC said</p></div><div id="b"><p>and the <i>Fed</i> agreed</p></div>`);
    const maps = ['#a', '#b'].map((id) => collectText(document.querySelector(id)!));
    const joined = joinTextMaps(maps);
    expect(joined.text).toBe(maps[0]!.text + BLOCK_BREAK + maps[1]!.text);
    const start = joined.text.indexOf('Fed');
    const span = joined.toSpan(start, start + 3)!;
    expect(span.startNode.data).toBe('Fed');
    expect([span.startOffset, span.endOffset]).toEqual([0, 3]);
    expect(joinTextMaps([maps[0]!])).toBe(maps[0]);
  });

  it('ends a span that stops at a node boundary inside that node, not at the next one', () => {
    const map = collectText(page(`<p><b>SEC</b>'s rule</p>`));
    const span = map.toSpan(0, 3)!;
    expect(span.endNode.data).toBe('SEC');
    expect(span.endOffset).toBe(3);
  });

  it('finds the same nodes for spans asked in any order as for each asked alone', () => {
    const html = Array.from({ length: 40 }, (_, i) => (i % 3 ? `<p>para ${i} <b>x</b>y</p>` : `<p>${'w'.repeat(i)}</p>`)).join('');
    const root = page(`<article>${html}</article>`);
    const length = collectText(root).text.length;
    const span = fc.tuple(fc.nat(length), fc.nat(12)).map(([start, size]) => [start, Math.min(length, start + size)] as const);
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), (spans) => {
        const map = collectText(root);
        for (const [start, end] of spans) expect(map.toSpan(start, end)).toEqual(collectText(root).toSpan(start, end));
      }),
      { numRuns: 100 },
    );
  });

  it('returns null for a span outside any text node', () => {
    const map = collectText(page(`<p>a</p>`));
    expect(map.toSpan(5, 6)).toBeNull();
    expect(collectText(page('')).toSpan(0, 0)).toBeNull();
  });

  it('does not change the words nor lose the mapping when inline markup splits a name', () => {
    const words = ['Securities', 'and', 'Exchange', 'Commission'];
    const tags = ['b', 'span', 'a', 'em', 'i', 'strong'];
    const wrapping = fc.array(fc.constantFrom(...tags, null), { minLength: words.length, maxLength: words.length });
    fc.assert(
      fc.property(wrapping, fc.boolean(), (wraps, splitInside) => {
        const html = words
          .map((word, i) => {
            const tag = wraps[i];
            // Also split inside a word: "Exch<b>ange</b>" must stay "Exchange".
            const body = splitInside && word.length > 3 ? `${word.slice(0, 2)}<span>${word.slice(2)}</span>` : word;
            return tag ? `<${tag}>${body}</${tag}>` : body;
          })
          .join(' ');
        const root = page(`<p>The ${html} said.</p>`);
        const map = collectText(root);
        expect(map.text.replace(/[ \t\n]+/g, ' ')).toBe(`The ${words.join(' ')} said.${BLOCK_BREAK}`);
        const name = words.join(' ');
        const start = map.text.indexOf(name);
        expect(map.toRange(start, start + name.length)!.toString()).toBe(name);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same text and nodes in steps as in one go, for any step size', () => {
    const block = fc.constantFrom('p', 'div', 'li', 'h2', 'section');
    const inline = fc.constantFrom('b', 'span', 'a', 'em');
    const leaf = fc.constantFrom('SEC', 'Bank of', ' England ', 'the Fed', '', 'x');
    const tree = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(block, fc.array(tie('node'), { maxLength: 4 })).map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
        fc.tuple(inline, fc.array(tie('node'), { maxLength: 3 })).map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
        fc.array(tie('node'), { maxLength: 3 }).map((kids) => `<nav>${kids.join('')}</nav>`),
      ),
    })).node;
    fc.assert(
      fc.property(tree, fc.integer({ min: 1, max: 7 }), fc.boolean(), (html, perStep, allText) => {
        const root = page(`<article>${html}</article>`).firstElementChild!;
        const whole = collectText(root, { allText });
        const steps = collectTextInSteps(root, { allText }, perStep);
        let yields = 0;
        let next = steps.next();
        for (; !next.done; next = steps.next()) yields++;
        expect(next.value.text).toBe(whole.text);
        expect(next.value.nodes).toEqual(whole.nodes);
        expect(next.value.starts).toEqual(whole.starts);
        if (whole.nodes.length > perStep) expect(yields).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
