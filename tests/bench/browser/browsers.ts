// Browsers for the baselines: the same binaries, flags and viewport as the E2E harness, but without
// the extension. Every run gets a fresh browser context (Chromium: a new renderer process; Firefox: a
// new user context), so no compiled RegExp or JIT code survives from one run to the next.
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_PATH, QUIET_FLAGS } from '../../e2e/harness/chromium.ts';
import { FIREFOX_PATH } from '../../e2e/harness/firefox.ts';
import { consoleLines, type TestPage } from '../../e2e/harness/session.ts';

/** The little a benchmark run needs from a tab. */
export interface Tab {
  evaluate<T>(expression: string): Promise<T>;
  /** Polls a page expression until truthy; rejects after `timeout` ms even if the page is busy. */
  until<T>(expression: string, timeout: number): Promise<T>;
  /** Waits for the page to write `text` to its console, evaluating nothing in it meanwhile. */
  logged(text: string, timeout: number): Promise<void>;
  close(): Promise<void>;
}

export interface PlainBrowser {
  /** A tab in a fresh context, loaded (load event) at `url`. */
  open(url: string): Promise<Tab>;
  close(): Promise<void>;
}

/** The harness's TestPage as a Tab (RegLens runs, where the harness owns the browser). */
export const fromTestPage = (page: TestPage): Tab => ({
  evaluate: (expression) => page.evaluate(expression),
  until: (expression, timeout) => page.until(expression, { timeout }),
  logged: (text, timeout) => page.logged(text, { timeout }),
  close: () => page.close(),
});

export async function plainChromium(): Promise<PlainBrowser> {
  // headless: false + --headless=new, as the harness launches: the same headless mode as the RegLens runs.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: false, args: ['--headless=new', ...QUIET_FLAGS] });
  return {
    async open(url) {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      const lines = consoleLines();
      page.on('console', (message) => lines.heard(message.text()));
      await page.goto(url, { waitUntil: 'load' });
      return {
        evaluate: (expression) => page.evaluate(expression),
        logged: lines.logged,
        async until(expression, timeout) {
          const handle = await page.waitForFunction(expression, undefined, { timeout, polling: 50 });
          return (await handle.jsonValue()) as never;
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

export async function plainFirefox(): Promise<PlainBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: { 'datareporting.policy.dataSubmissionEnabled': false, 'browser.shell.checkDefaultBrowser': false },
    defaultViewport: { width: 1200, height: 900 },
  });
  return {
    async open(url) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const lines = consoleLines();
      page.on('console', (message) => lines.heard(message.text()));
      await page.goto(url, { waitUntil: 'load' });
      return {
        evaluate: (expression) => page.evaluate(expression) as never,
        logged: lines.logged,
        async until(expression, timeout) {
          const handle = await page.waitForFunction(expression, { timeout, polling: 50 });
          return (await handle.jsonValue()) as never;
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
