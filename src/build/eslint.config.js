// Lint, and the architecture's dependency rule as lint: core <- dom <- content; core <- messaging <-
// every entry folder; entry folders never import each other. Kept here with the other build tools.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ENTRY_FOLDERS = ['background', 'content', 'popup', 'options', 'cli'];
const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'location', 'chrome', 'browser', 'indexedDB', 'localStorage'];

/** `no-restricted-imports` patterns that forbid importing any of these src/ folders. */
const folders = (...names) =>
  names.map((name) => ({ group: [`**/${name}/**`, `**/${name}`], message: `The dependency rule forbids importing src/${name}/ here (see README: Architecture).` }));
const packages = (...names) => names.map((name) => ({ group: [name, `${name}/**`], message: `${name} is not allowed in this layer.` }));

const boundary = (files, patterns, extra = {}) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }], ...extra },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  // Fixture pages' own scripts run in the browser, as a page's scripts would.
  {
    files: ['tests/fixtures/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Text only: never innerHTML.' },
        { selector: "MemberExpression[property.name='outerHTML']", message: 'Text only: never outerHTML.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Text only.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Text only.' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  boundary(
    ['src/core/**'],
    [...folders('dom', 'messaging', 'ui', 'storage', 'build', ...ENTRY_FOLDERS), ...packages('webextension-polyfill', 'dexie', 'preact', '@floating-ui/dom', 'node:*')],
    { 'no-restricted-globals': ['error', ...BROWSER_GLOBALS] },
  ),
  boundary(['src/dom/**'], [...folders('messaging', 'ui', 'storage', 'build', ...ENTRY_FOLDERS), ...packages('webextension-polyfill', 'dexie')], {
    'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
  }),
  boundary(['src/messaging/**'], [...folders('dom', 'ui', 'storage', 'build', ...ENTRY_FOLDERS), ...packages('dexie', 'preact')]),
  // The reader's database belongs to the extension origin: background and extension pages only.
  boundary(['src/storage/**'], [...folders('dom', 'ui', 'build', ...ENTRY_FOLDERS), ...packages('webextension-polyfill', 'preact')]),
  boundary(['src/ui/**'], [...folders('dom', 'build', ...ENTRY_FOLDERS), ...packages('webextension-polyfill', 'dexie')]),
  ...ENTRY_FOLDERS.map((entry) =>
    boundary([`src/${entry}/**`], folders('build', ...ENTRY_FOLDERS.filter((other) => other !== entry))),
  ),
  // Content scripts run in the page's origin: its IndexedDB would be the page's, readable by the page.
  boundary(['src/content/**'], [...folders('build', 'storage', ...ENTRY_FOLDERS.filter((f) => f !== 'content')), ...packages('dexie')]),
  boundary(['src/background/**'], [...folders('dom', 'ui', 'build', ...ENTRY_FOLDERS.filter((f) => f !== 'background'))]),
  boundary(['src/cli/**'], [...folders('messaging', 'ui', 'storage', 'build', ...ENTRY_FOLDERS.filter((f) => f !== 'cli')), ...packages('webextension-polyfill', 'dexie')]),
);
