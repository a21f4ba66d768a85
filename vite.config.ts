/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import sourceManifest from './manifest.json' with { type: 'json' };
import { manifestFor, type Target } from './src/build/manifest-for.ts';
import { jsonParsedAtRuntime } from './src/build/json-parsed.ts';
import { precompiledMatcher } from './src/build/precompiled-matcher.ts';

// One manifest.json is the source; `--mode chrome|firefox` derives each browser's variant.
export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      preact(),
      precompiledMatcher(),
      jsonParsedAtRuntime(),
      // Unit tests (vitest reads this file too) test sources, not the packaged extension.
      !process.env.VITEST &&
        crx({
        manifest: manifestFor(sourceManifest, target),
        browser: target,
        // A self-contained content script: no loader, no dynamic import, and so no page-visible
        // web_accessible_resources that would let any site fingerprint RegLens.
          contentScripts: { standaloneFiles: ['src/content/index.ts'] },
        }),
    ],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      // Reviewers rebuild and diff the store zips: no source maps that embed absolute paths.
      sourcemap: false,
      target: ['chrome120', 'firefox142'],
      modulePreload: false,
    },
    server: { port: 5173, strictPort: true },
    test: {
      include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
      environment: 'node',
    },
  };
});
