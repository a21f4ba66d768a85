import { afterAll, beforeAll } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';
import type { BrowserSession } from './session.ts';

export interface SuiteEnvironment {
  server: FixtureServer;
  browser: BrowserSession;
}

/** A fixture server and a browser for one describe block, opened before its tests and closed after. */
export function useBrowser(launch: () => Promise<BrowserSession>, opened: (env: SuiteEnvironment) => void | Promise<void>): void {
  let env: SuiteEnvironment | undefined;
  beforeAll(async () => {
    const server = await startFixtureServer();
    env = { server, browser: await launch() };
    await opened(env);
  });
  afterAll(async () => {
    await env?.browser.close();
    await env?.server.close();
  });
}
