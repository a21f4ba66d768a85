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
  close(): Promise<void>;
}

export interface BrowserSession {
  name: 'chromium' | 'firefox';
  /** A web page tab (content scripts run here). */
  newPage(): Promise<TestPage>;
  /** A RegLens page by manifest path, e.g. `src/popup/index.html`, with its extension origin. */
  openExtensionPage(path: string): Promise<TestPage>;
  close(): Promise<void>;
}

export const ARTIFACTS = 'artifacts/e2e';
