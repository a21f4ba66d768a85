import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** Below this a JSON file stays an object literal (V8's guidance: JSON.parse pays from ~10 kB). */
const PARSED_FROM_BYTES = 10_000;

/**
 * Bundles large JSON (the knowledge base, the precompiled matcher) as `JSON.parse("...")` instead of
 * object literals: V8 parses JSON several times faster than the same data as JavaScript, and a
 * service worker woken by a page compiles and evaluates all of it before it can answer. The
 * bundler's own JSON handling kept imports with a `type: 'json'` attribute as literals whatever
 * `json.stringify` said.
 */
export function jsonParsedAtRuntime(): Plugin {
  return {
    name: 'reglens:json-parsed',
    enforce: 'pre',
    load(id) {
      if (!id.endsWith('.json')) return null;
      const text = readFileSync(id, 'utf8');
      if (text.length < PARSED_FROM_BYTES) return null;
      const minified = JSON.stringify(JSON.parse(text));
      return { code: `export default /* @__PURE__ */ JSON.parse(${JSON.stringify(minified)});`, moduleType: 'js' };
    },
  };
}
