import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../src/build/manifest-for.ts';
import { ARTIFACTS, poll, type BrowserSession, type TestPage } from './session.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

// Pinning the extension's internal UUID gives its pages a known moz-extension:// origin.
const EXTENSION_UUID = '6f1c2d7e-3b4a-4c5d-8e9f-a0b1c2d3e4f5';

export async function launchFirefox(
  extensionDir = resolve('dist/firefox'),
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<BrowserSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    // Lets WebDriver open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.shell.checkDefaultBrowser': false,
      // WebDriver BiDi cannot emulate media features yet: the colour scheme is chosen at launch.
      'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
    },
    defaultViewport: { width: 1200, height: 900 },
  });
  await browser.installExtension(extensionDir);

  const wrap = (page: Page): TestPage => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url ?? ''})`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${(error as Error).message ?? String(error)}`));
    return {
      async goto(url) {
        await page.goto(url, { waitUntil: 'load' });
      },
      evaluate: (fn) => page.evaluate(fn as never) as never,
      async waitFor(selector, options) {
        await page.waitForSelector(selector, { timeout: options?.timeout ?? 15_000 });
      },
      text: (selector) => page.$eval(selector, (element) => element.textContent ?? ''),
      until: (expression, options) => poll(() => page.evaluate(expression) as Promise<never>, options?.timeout),
      click: (selector) => page.click(selector),
      hover: (x, y) => page.mouse.move(x, y, { steps: 4 }),
      clickAt: (x, y) => page.mouse.click(x, y),
      press: (key) => page.keyboard.press(key as never),
      async screenshot(name) {
        mkdirSync(ARTIFACTS, { recursive: true });
        const path = join(ARTIFACTS, `firefox-${name}.png`) as `${string}.png`;
        await page.screenshot({ path });
        return path;
      },
      errors: () => [...errors],
      close: () => page.close(),
    };
  };

  return {
    name: 'firefox',
    newPage: async () => wrap(await browser.newPage()),
    pageAt: (prefix) => poll(async () => (await browser.pages()).find((page) => page.url().startsWith(prefix))).then((page) => wrap(page!)),
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await page.setViewport({ width: 400, height: 600 });
      // Navigation to an extension page never reports completion over BiDi: start it, then poll.
      void page.goto(`moz-extension://${EXTENSION_UUID}/${path}`).catch(() => undefined);
      await poll(() => page.evaluate(() => document.readyState === 'complete' && location.protocol === 'moz-extension:'), 15_000);
      return wrap(page);
    },
    close: () => browser.close(),
  };
}
