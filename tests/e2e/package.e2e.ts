import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The built packages, pinned. Any new permission, host permission, content-script match, web-
 * accessible file or command fails here first, so widening what RegLens may do is a visible change
 * in review, never a side effect of a dependency or plugin upgrade. Runs on `dist/` from the build.
 */

const TARGETS = ['chrome', 'firefox'] as const;
const manifest = (target: string) => JSON.parse(readFileSync(`dist/${target}/manifest.json`, 'utf8')) as Record<string, unknown>;

/** Names and shortcuts are pinned; descriptions are reader-facing text (localised via __MSG_). */
const COMMANDS = {
  'annotate-page': { suggested_key: { default: 'Alt+Shift+R' }, description: expect.any(String) },
  'next-annotation': { suggested_key: { default: 'Alt+Shift+N' }, description: expect.any(String) },
  'previous-annotation': { suggested_key: { default: 'Alt+Shift+P' }, description: expect.any(String) },
  'save-selection': { suggested_key: { default: 'Alt+Shift+S' }, description: expect.any(String) },
};

/** One content script, top frames only (no all_frames, no match_about_blank), on web pages. */
const CONTENT_SCRIPTS = [
  {
    js: ['src/content/index.js'],
    matches: ['http://*/*', 'https://*/*'],
    run_at: 'document_idle',
    css: ['src/content/marks.css'],
  },
];

/** The powers a manifest can grant; each is pinned, absent ones as undefined. */
const granted = (m: Record<string, unknown>) => ({
  manifest_version: m.manifest_version,
  permissions: m.permissions,
  optional_permissions: m.optional_permissions,
  host_permissions: m.host_permissions,
  optional_host_permissions: m.optional_host_permissions,
  content_scripts: m.content_scripts,
  web_accessible_resources: m.web_accessible_resources,
  externally_connectable: m.externally_connectable,
  content_security_policy: m.content_security_policy,
  commands: m.commands,
  background: m.background,
  browser_specific_settings: m.browser_specific_settings,
});

const EXPECTED: Record<(typeof TARGETS)[number], ReturnType<typeof granted>> = {
  chrome: {
    manifest_version: 3,
    permissions: ['storage', 'contextMenus', 'unlimitedStorage'],
    optional_permissions: undefined,
    host_permissions: undefined,
    optional_host_permissions: undefined,
    content_scripts: CONTENT_SCRIPTS,
    web_accessible_resources: undefined,
    externally_connectable: undefined,
    content_security_policy: undefined,
    commands: COMMANDS,
    background: { service_worker: 'service-worker-loader.js', type: 'module' },
    browser_specific_settings: undefined,
  },
  firefox: {
    manifest_version: 3,
    permissions: ['storage', 'contextMenus', 'unlimitedStorage'],
    optional_permissions: undefined,
    host_permissions: undefined,
    optional_host_permissions: undefined,
    content_scripts: CONTENT_SCRIPTS,
    web_accessible_resources: undefined,
    externally_connectable: undefined,
    content_security_policy: undefined,
    commands: COMMANDS,
    background: { scripts: ['service-worker-loader.js'], type: 'module' },
    browser_specific_settings: {
      gecko: { id: 'reglens@reglens.app', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    },
  },
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Ways code could load code from elsewhere. Plain https:// strings are fine (the glossary links sites). */
const REMOTE_CODE = [
  /\bimport\s*\(\s*["'`]https?:/,
  /\bimportScripts\s*\(\s*["'`]https?:/,
  /\bfrom\s*["'`]https?:/,
  /\.src\s*=\s*["'`](?:https?:)?\/\//,
  /<script[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//i,
  /<link[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\//i,
];

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe.each(TARGETS)('the built %s package', (target) => {
  it('asks for exactly the pinned permissions, matches, resources and commands', () => {
    expect(granted(manifest(target))).toEqual(EXPECTED[target]);
  });

  it('sends messages by structured clone (a Chrome key; Firefox always does and would warn of it)', () => {
    expect(manifest(target).message_serialization).toBe(target === 'chrome' ? 'structured_clone' : undefined);
  });

  it('ships no eval, no Function constructor and no remote code', () => {
    const code = files(`dist/${target}`).filter((path) => /\.(m?js|html)$/.test(path));
    expect(code.length).toBeGreaterThan(3);
    for (const path of code) {
      const text = readFileSync(path, 'utf8');
      expect(text, path).not.toMatch(/\beval\s*\(/);
      expect(text, path).not.toMatch(/\bnew\s+Function\s*\(/);
      expect(text, path).not.toMatch(/\bsetTimeout\s*\(\s*["'`]/); // string timers are eval too
      for (const pattern of REMOTE_CODE) expect(text, `${path} ${pattern}`).not.toMatch(pattern);
    }
  });

  it('keeps the content script one self-contained file', () => {
    const script = readFileSync(`dist/${target}/src/content/index.js`, 'utf8');
    // No loader: nothing a page could probe for through web_accessible_resources.
    expect(script).not.toMatch(/\bimport\s*\(|^\s*import\s/m);
  });
});

describe('the store zips', () => {
  it('rebuild byte for byte', () => {
    const zips = () =>
      readdirSync('dist')
        .filter((name) => name.endsWith('.zip'))
        .sort()
        .map((name) => ({ name, sha256: sha256(join('dist', name)) }));
    const first = zips();
    expect(first.map((zip) => zip.name)).toEqual([expect.stringMatching(/-chrome\.zip$/), expect.stringMatching(/-firefox\.zip$/)]);
    // As `npm run build` runs it: without vitest's environment (VITEST switches the crx plugin off,
    // NODE_ENV=test would change the bundles).
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|VITE_|NODE_ENV$|TEST$|MODE$)/.test(key)));
    execFileSync('npx', ['tsx', 'src/build/build.ts'], { stdio: 'pipe', timeout: 120_000, env });
    expect(zips()).toEqual(first);
  }, 150_000);
});
