import browser from 'webextension-polyfill';
import type { MessagePortLike, MessageRuntime, SiteListsStore, TabsApi } from './runtime.ts';

/** The real MessageRuntime, for extension entry points only (never imported by tests or core). */
export const browserRuntime: MessageRuntime = {
  id: browser.runtime.id,
  liveId: () => browser.runtime?.id,
  extensionOrigin: browser.runtime.getURL(''),
  sendMessage: (message) => browser.runtime.sendMessage(message),
  onMessage(listener) {
    // The polyfill treats a returned promise as the reply and `undefined` as "not mine".
    const wrapped = (message: unknown, sender: browser.Runtime.MessageSender) => listener(message, sender);
    browser.runtime.onMessage.addListener(wrapped as never);
    return () => browser.runtime.onMessage.removeListener(wrapped as never);
  },
  connect: (name) => portLike(browser.runtime.connect({ name })),
  onConnect(listener) {
    const wrapped = (port: browser.Runtime.Port) => listener(portLike(port));
    browser.runtime.onConnect.addListener(wrapped);
    return () => browser.runtime.onConnect.removeListener(wrapped);
  },
};

function portLike(port: browser.Runtime.Port): MessagePortLike {
  return {
    name: port.name,
    ...(port.sender ? { sender: port.sender } : {}),
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => port.onMessage.addListener((message: unknown) => listener(message)),
    onDisconnect: (listener) => port.onDisconnect.addListener(() => listener()),
    disconnect: () => port.disconnect(),
  };
}

export const browserTabs: TabsApi = {
  async activeTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id !== undefined ? { id: tab.id, url: tab.url ?? '' } : null;
  },
  sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
};

export const SITE_LISTS_KEY = 'reglens:site-lists';

export const browserSiteLists: SiteListsStore & { write(lists: { alwaysSites: string[]; neverSites: string[] }): Promise<void> } = {
  async read() {
    const stored = (await browser.storage.local.get(SITE_LISTS_KEY))[SITE_LISTS_KEY] as
      | { alwaysSites: string[]; neverSites: string[] }
      | undefined;
    return stored ?? { alwaysSites: [], neverSites: [] };
  },
  write: (lists) => browser.storage.local.set({ [SITE_LISTS_KEY]: lists }),
};
