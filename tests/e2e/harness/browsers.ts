import { launchChromium } from './chromium.ts';
import { launchFirefox } from './firefox.ts';
import type { BrowserSession } from './session.ts';

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
}

/** Every scenario runs in each of these. */
export const BROWSERS: Array<{ name: BrowserSession['name']; launch: (options?: LaunchOptions) => Promise<BrowserSession> }> = [
  { name: 'chromium', launch: (options) => launchChromium(undefined, options) },
  { name: 'firefox', launch: (options) => launchFirefox(undefined, options) },
];
