import type { BrowserSession } from './session.ts';

/**
 * The browser's tab id for a URL, asked from an extension page (tests open the popup as a tab).
 * RegLens holds no "tabs" permission, so tab URLs are hidden: ask each tab's content script instead.
 */
export async function tabIdOf(browser: BrowserSession, url: string): Promise<number> {
  const page = await browser.openExtensionPage('src/options/index.html');
  const id = await page.evaluate<number>(`(async () => {
    const api = globalThis.browser ?? chrome;
    for (const tab of await api.tabs.query({})) {
      const reply = await api.tabs.sendMessage(tab.id, { type: 'tab/summary', payload: {} }).catch(() => null);
      if (reply?.ok && reply.value.url === ${JSON.stringify(url)}) return tab.id;
    }
    return -1;
  })()`);
  await page.close();
  if (id < 0) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Sends a tab message as the background's keyboard command handler does. */
export async function sendTabMessage(browser: BrowserSession, tabId: number, message: object): Promise<unknown> {
  const page = await browser.openExtensionPage('src/options/index.html');
  const reply = await page.evaluate(`(globalThis.browser ?? chrome).tabs.sendMessage(${tabId}, ${JSON.stringify(message)})`);
  await page.close();
  return reply;
}
