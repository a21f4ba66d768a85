import { describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { useBrowser } from './harness/suite.ts';
import type { FixtureServer } from './harness/fixture-server.ts';
import type { BrowserSession } from './harness/session.ts';
import { annotated } from './harness/probes.ts';

describe.each(BROWSERS)('round trip in $name', ({ launch }) => {
  let server: FixtureServer;
  let browser: BrowserSession;
  useBrowser(launch, (env) => void ({ server, browser } = env));

  it('lists in the popup the page the content script reported to the background', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('pages/round-trip.html'));
    await page.until(annotated());
    await page.screenshot('round-trip-page');

    const popup = await browser.openExtensionPage('src/popup/index.html?view=recent');
    await popup.waitFor('[data-testid="page-list"] li');
    const listed = await popup.text('[data-testid="page-list"]');
    expect(listed).toContain('Round trip: PBOC urges controllable risks');
    expect(listed).toMatch(/\b[4-9] entities/);
    await popup.screenshot('round-trip-popup');
  });
});
