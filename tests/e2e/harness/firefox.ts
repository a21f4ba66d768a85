import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../src/build/manifest-for.ts';
import { ANIMATIONS_ENDED, ARTIFACTS, consoleLines, poll, type BrowserSession, type TestPage } from './session.ts';

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

  // --remote-allow-system-access also lets WebDriver BiDi list the browser's own (chrome) windows and
  // evaluate script there, in the parent process, where the extension's background is managed.
  const bidi = (browser as unknown as { connection: BidiConnection }).connection;
  const { result: tree } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('WebDriver BiDi lists no chrome window (is --remote-allow-system-access set?)');
  const inParent = async <T>(expression: string): Promise<T> => {
    const { result } = await bidi.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
    if (result.type === 'exception') throw new Error(`In the parent process: ${result.exceptionDetails.text}`);
    return result.result.value as T;
  };
  // Counts the background's starts and stops from here on (Firefox emits these events for its own tests).
  const extension = `WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension`;
  await inParent(`(() => {
    const extension = ${extension};
    const counts = (globalThis.reglensBackground = { starts: extension.backgroundState === 'running' ? 1 : 0, stops: 0 });
    extension.on('background-script-started', () => counts.starts++);
    extension.on('shutdown-background-script', () => counts.stops++);
    return true;
  })()`);

  const wrap = (page: Page): TestPage => {
    const errors: string[] = [];
    const lines = consoleLines();
    page.on('console', (message) => {
      lines.heard(message.text());
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
        await page.evaluate(ANIMATIONS_ENDED);
        await page.screenshot({ path });
        return path;
      },
      errors: () => [...errors],
      logged: (text, options) => lines.logged(text, options?.timeout),
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
    async stopBackground() {
      const stopped = await inParent<string>(`(async () => {
        const extension = ${extension};
        const counts = globalThis.reglensBackground;
        if (extension.backgroundState !== 'running') return 'the background is ' + extension.backgroundState + ': nothing to stop';
        const stops = counts.stops;
        // disableResetIdleForTest: stop even while a listener has not answered yet, as Chromium does.
        await extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
        return counts.stops > stops ? 'stopped' : 'Firefox did not stop the background (now ' + extension.backgroundState + ')';
      })()`);
      if (stopped !== 'stopped') throw new Error(stopped);
    },
    backgroundStarts: () => inParent<number>(`globalThis.reglensBackground.starts`),
    close: () => browser.close(),
  };
}

/** The part of Puppeteer's WebDriver BiDi connection used here, for commands it has no method for. */
interface BidiConnection {
  send(method: 'browsingContext.getTree', params: { 'moz:scope': 'chrome'; maxDepth: number }): Promise<{ result: { contexts: Array<{ context: string }> } }>;
  send(
    method: 'script.evaluate',
    params: { expression: string; target: { context: string }; awaitPromise: boolean },
  ): Promise<{ result: { type: 'success'; result: { value?: unknown } } | { type: 'exception'; exceptionDetails: { text: string } } }>;
}
