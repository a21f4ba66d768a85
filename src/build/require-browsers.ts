// `npm test` starts here: a missing browser is a clear failure naming it, never a silent skip.
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '../../tests/e2e/harness/chromium.ts';
import { FIREFOX_PATH } from '../../tests/e2e/harness/firefox.ts';

const missing = [
  { name: 'Chromium', path: CHROMIUM_PATH, apt: 'chromium', env: 'CHROMIUM_PATH' },
  { name: 'Firefox', path: FIREFOX_PATH, apt: 'firefox-esr', env: 'FIREFOX_PATH' },
].filter((browser) => !existsSync(browser.path));

for (const browser of missing) {
  console.error(
    `${browser.name} is not installed at ${browser.path}: the browser tests need it. ` +
      `Install it (sudo apt-get install -y ${browser.apt}) or set ${browser.env}.`,
  );
}
process.exit(missing.length ? 1 : 0);
