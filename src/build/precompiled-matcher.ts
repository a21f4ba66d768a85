import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { anaphora, glossary } from '../core/glossary/load.ts';
import { compileMatcher } from '../core/matcher/index.ts';

export const MATCHER_MODULE = 'virtual:reglens-matcher';

/**
 * The background ships the matcher already compiled from the knowledge base (aliases, ids, kinds and
 * rules), so that a service worker woken by a page does not compile 3,000 keys before matching it.
 * The compiled form is written to a file and aliased, rather than served as a virtual module,
 * because @crxjs builds standalone content scripts without the config's plugins (resolve is kept).
 */
export function precompiledMatcher(): Plugin {
  return {
    name: 'reglens:precompiled-matcher',
    config() {
      const file = resolve('node_modules/.cache/reglens/compiled-matcher.json');
      mkdirSync(resolve(file, '..'), { recursive: true });
      writeFileSync(file, JSON.stringify(compileMatcher(glossary, anaphora)));
      return { resolve: { alias: { [MATCHER_MODULE]: file } } };
    },
  };
}
