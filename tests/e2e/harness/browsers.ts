import { launchChromium } from './chromium.ts';
import { launchFirefox } from './firefox.ts';
import type { BrowserSession } from './session.ts';

/** Every scenario runs in each of these. */
export const BROWSERS: Array<{ name: BrowserSession['name']; launch: () => Promise<BrowserSession> }> = [
  { name: 'chromium', launch: () => launchChromium() },
  { name: 'firefox', launch: () => launchFirefox() },
];
