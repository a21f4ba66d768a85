// The page's own script (bench.js, main world). With ?run=<variant> it runs one baseline once, after
// the load event (RegLens runs at document_idle), and records performance.measure('baseline:<variant>').
// Terms are fetched before the clock starts: RegLens's background also has its knowledge base loaded
// before a page asks. Results land in window.__bench ({ count } or { error }).
export const BENCH_JS = String.raw`(() => {
  const variant = new URLSearchParams(location.search).get('run');
  if (!variant) return;
  const done = (result) => { window.__bench = result; };
  const terms = fetch('terms.json').then((r) => r.json());
  const script = variant.startsWith('markjs') ? new Promise((ok, fail) => {
    const s = document.createElement('script'); s.src = 'mark.min.js'; s.onload = ok; s.onerror = fail; document.head.append(s);
  }) : null;
  const loaded = new Promise((ok) => (document.readyState === 'complete' ? ok() : addEventListener('load', ok, { once: true })));
  Promise.all([terms, script, loaded]).then(([terms]) => {
    // A macrotask of its own, so the measured work is one task, as RegLens's annotation is.
    setTimeout(() => {
      const root = document.querySelector('article');
      const start = performance.now();
      try {
        const count = RUN[variant](root, terms);
        performance.measure('baseline:' + variant, { start, end: performance.now() });
        done({ count });
      } catch (error) {
        done({ error: String(error && error.message || error) });
      }
    }, 0);
  }, (error) => done({ error: String(error) }));

  // One alternation, longest first, Unicode-aware word boundaries; compiling it is part of the cost.
  const bigRegExp = (terms) => {
    const escape = (t) => t.replace(/[.*+?^${'$'}{}()|[\]\\]/g, '\\$&');
    const sources = [...new Set(terms)].sort((a, b) => b.length - a.length).map(escape);
    return new RegExp('(?<![\\p{L}\\p{N}])(?:' + sources.join('|') + ')(?![\\p{L}\\p{N}])', 'gu');
  };
  const MARK_OPTIONS = { separateWordSearch: false, accuracy: 'exactly', diacritics: false };
  const RUN = {
    // The floor: visit every text node and read its data, nothing else.
    walk(root) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let chars = 0;
      for (let node; (node = walker.nextNode()); ) chars += node.data.length;
      return chars;
    },
    // The big RegExp over every text node, matches registered as one CSS Highlight.
    regexp(root, terms) {
      const re = bigRegExp(terms);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const ranges = [];
      for (let node; (node = walker.nextNode()); ) {
        const data = node.data;
        re.lastIndex = 0;
        for (let m; (m = re.exec(data)); ) {
          const range = new Range();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          ranges.push(range);
        }
      }
      CSS.highlights.set('baseline', new Highlight(...ranges));
      return ranges.length;
    },
    // mark.js as documented for a list of terms. It chains one callback per term, so 3,000+ terms
    // overflow the stack; when it does, that failure is the result.
    markjs(root, terms) {
      let count = 0;
      new Mark(root).mark(terms, { ...MARK_OPTIONS, done: (n) => { count = n; } });
      return count;
    },
    // The same work without the recursion: one mark() call per term (each walks the DOM again).
    'markjs-each'(root, terms) {
      let count = 0;
      const mark = new Mark(root);
      for (const term of [...terms].sort((a, b) => b.length - a.length)) mark.mark(term, { ...MARK_OPTIONS, done: (n) => { count += n; } });
      return count;
    },
    // mark.js given the single RegExp instead: one DOM walk, <mark> elements instead of Highlight ranges.
    'markjs-regexp'(root, terms) {
      let count = 0;
      new Mark(root).markRegExp(bigRegExp(terms), { done: (n) => { count = n; } });
      return count;
    },
  };
})();
`;
