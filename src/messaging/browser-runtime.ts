import browser from 'webextension-polyfill';
import type { MessageRuntime } from './runtime.ts';

/** The real MessageRuntime, for extension entry points only (never imported by tests or core). */
export const browserRuntime: MessageRuntime = {
  id: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  sendMessage: (message) => browser.runtime.sendMessage(message),
  onMessage(listener) {
    // The polyfill treats a returned promise as the reply and `undefined` as "not mine".
    const wrapped = (message: unknown, sender: browser.Runtime.MessageSender) => listener(message, sender);
    browser.runtime.onMessage.addListener(wrapped as never);
    return () => browser.runtime.onMessage.removeListener(wrapped as never);
  },
};
