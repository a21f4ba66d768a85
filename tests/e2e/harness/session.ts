/**
 * What a scenario needs from a browser, whichever drives it: Playwright for Chromium, Puppeteer over
 * WebDriver BiDi for Firefox. Scenarios are written once against this and run in both.
 */
export interface TestPage {
  goto(url: string): Promise<void>;
  evaluate<T>(fn: string | (() => T)): Promise<T>;
  waitFor(selector: string, options?: { timeout?: number }): Promise<void>;
  text(selector: string): Promise<string>;
  /** Polls a page expression until it is truthy; returns its value. */
  until<T>(expression: string, options?: { timeout?: number }): Promise<T>;
  click(selector: string): Promise<void>;
  hover(x: number, y: number): Promise<void>;
  clickAt(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(name: string): Promise<string>;
  /**
   * Console errors and uncaught page errors seen since the page opened (all frames and worlds the
   * driver reports), newest last. Hostile-page tests assert this stays empty.
   */
  errors(): string[];
  /**
   * Resolves once the page has written `text` to its console (since it opened), watching the
   * driver's console events: nothing is evaluated in the page meanwhile. A benchmark waits this way,
   * so that the driver's own scripts (Playwright injects ~13 KB on a first evaluate, and each poll is
   * a task of 1-3 ms) do not land between RegLens's steps and delay them.
   */
  logged(text: string, options?: { timeout?: number }): Promise<void>;
  close(): Promise<void>;
}

/**
 * The console lines a page has written since it opened, and a wait for one that watches the driver's
 * console events only (see TestPage.logged). Feed `heard` from the driver's console event.
 */
export function consoleLines(): { heard(text: string): void; logged(text: string, timeout?: number): Promise<void> } {
  const said = new Set<string>();
  return {
    heard: (text) => void said.add(text),
    logged: (text, timeout) => poll(async () => said.has(text), timeout).then(() => undefined),
  };
}

/** `errors()` without the browser's own request for /favicon.ico, which fixture pages do not serve. */
export const pageErrors = (page: TestPage) => page.errors().filter((error) => !/favicon\.ico/.test(error));

export interface BrowserSession {
  name: 'chromium' | 'firefox';
  /** A web page tab (content scripts run here). */
  newPage(): Promise<TestPage>;
  /** The page whose URL starts with `prefix`, once the browser has opened it (e.g. a tab RegLens opened). */
  pageAt(prefix: string): Promise<TestPage>;
  /** A RegLens page by manifest path, e.g. `src/popup/index.html`, with its extension origin. */
  openExtensionPage(path: string): Promise<TestPage>;
  /**
   * Stops the background at once, even mid-request, as the browser may when it is idle. Chromium: the
   * service worker, through the DevTools protocol. Firefox: the event page, through the extension's own
   * terminateBackground() evaluated in the parent process over WebDriver BiDi (what about:debugging's
   * "Terminate background script" calls), without the grace it gives pending listeners. Throws unless
   * the background was running and has stopped.
   */
  stopBackground(): Promise<void>;
  /** How many times RegLens's background has started since the browser launched (a restart adds one). */
  backgroundStarts(): Promise<number>;
  close(): Promise<void>;
}

export const ARTIFACTS = 'artifacts/e2e';

/** Screenshots wait for entrance animations (a toast fading in) to end, so they show what stays. */
export const ANIMATIONS_ENDED = `Promise.all(document.getAnimations()
  .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
  .map((animation) => animation.finished.catch(() => undefined))).then(() => true)`;

/**
 * Polls from Node rather than with the driver's waitForFunction: extension pages' CSP forbids the
 * string evaluation that waitForFunction uses there, while a plain evaluate is allowed.
 */
export async function poll<T>(read: () => Promise<T>, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await read();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
