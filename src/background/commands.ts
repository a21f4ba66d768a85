import browser from 'webextension-polyfill';

/** Keyboard commands act on the active tab's content script. */
const COMMAND_MESSAGES: Record<string, { type: string; payload: object }> = {
  'annotate-page': { type: 'tab/annotate', payload: {} },
  'next-annotation': { type: 'tab/step', payload: { direction: 1 } },
  'previous-annotation': { type: 'tab/step', payload: { direction: -1 } },
  'save-selection': { type: 'tab/save-selection', payload: {} },
};

export function registerCommands(): void {
  browser.commands.onCommand.addListener(async (command) => {
    const message = COMMAND_MESSAGES[command];
    if (!message) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  });
}
