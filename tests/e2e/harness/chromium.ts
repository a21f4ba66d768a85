import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { ANIMATIONS_ENDED, ARTIFACTS, consoleLines, poll, type BrowserSession, type TestPage } from './session.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without these the closed network here refuses Chromium's background connections, many at a time.
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(
  extensionDir = resolve('dist/chrome'),
  options: { headless?: boolean; colorScheme?: 'light' | 'dark' } = {},
): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'reglens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: false, // --headless=new below; Playwright's own headless mode cannot load extensions
    args: [
      ...(options.headless === false ? [] : ['--headless=new']),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...QUIET_FLAGS,
    ],
    viewport: { width: 1200, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;

  // The DevTools protocol reports each change of the service worker's running status: count the
  // background's starts and stops from here on (Playwright's Worker objects do not see a stop).
  const background = { status: '', starts: 0, stops: 0 };
  const devtools = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
  devtools.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (new URL(version.scriptURL).host !== extensionId || version.runningStatus === background.status) continue;
      if (version.runningStatus === 'running') background.starts++;
      if (version.runningStatus === 'stopped' && background.status) background.stops++;
      background.status = version.runningStatus;
    }
  });
  await devtools.send('ServiceWorker.enable');

  const wrap = (page: Page): TestPage => {
    const errors: string[] = [];
    const lines = consoleLines();
    page.on('console', (message) => {
      lines.heard(message.text());
      if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url ?? ''})`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    return {
      async goto(url) {
        await page.goto(url, { waitUntil: 'load' });
      },
      evaluate: (fn) => page.evaluate(fn as never),
      async waitFor(selector, options) {
        await page.waitForSelector(selector, { timeout: options?.timeout ?? 15_000 });
      },
      text: async (selector) => (await page.textContent(selector)) ?? '',
      until: (expression, options) => poll(() => page.evaluate(expression) as Promise<never>, options?.timeout),
      click: (selector) => page.click(selector),
      hover: (x, y) => page.mouse.move(x, y, { steps: 4 }),
      clickAt: (x, y) => page.mouse.click(x, y),
      press: (key) => page.keyboard.press(key),
      async screenshot(name) {
        mkdirSync(ARTIFACTS, { recursive: true });
        const path = join(ARTIFACTS, `chromium-${name}.png`);
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
    name: 'chromium',
    newPage: async () => wrap(await context.newPage()),
    pageAt: (prefix) => poll(async () => context.pages().find((page) => page.url().startsWith(prefix))).then((page) => wrap(page!)),
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return wrap(page);
    },
    async stopBackground() {
      if (background.status !== 'running') throw new Error(`The background is ${background.status || 'unknown'}: nothing to stop.`);
      const stops = background.stops;
      await devtools.send('ServiceWorker.stopAllWorkers');
      await poll(async () => background.stops > stops, 10_000).catch(() => {
        throw new Error(`Chromium did not stop the service worker (it is ${background.status})`);
      });
    },
    backgroundStarts: async () => background.starts,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
