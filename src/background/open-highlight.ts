import browser from 'webextension-polyfill';

const REVEAL_ATTEMPTS = 40;
const REVEAL_INTERVAL_MS = 250;

/**
 * Opens the article and asks its content script to reveal the highlight. The script needs a moment
 * after load (and late content may hold the passage), so the request is retried for ~10 s.
 */
export async function openHighlight(url: string, id: string): Promise<boolean> {
  const tab = await browser.tabs.create({ url });
  if (tab.id === undefined) return false;
  for (let attempt = 0; attempt < REVEAL_ATTEMPTS; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, REVEAL_INTERVAL_MS));
    const reply = (await browser.tabs.sendMessage(tab.id, { type: 'tab/reveal', payload: { id } }).catch(() => null)) as
      | { ok: boolean; value?: { found: boolean } }
      | null;
    if (reply?.ok && reply.value?.found) return true;
  }
  return false;
}
