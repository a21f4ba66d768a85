import browser from 'webextension-polyfill';

const SAVE_SELECTION = 'reglens-save-selection';

/** "Save highlight to RegLens" on selected text; the tab's content script does the capture. */
export function registerMenus(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: SAVE_SELECTION,
      title: browser.i18n.getMessage('menuSaveSelection') || 'Save highlight to RegLens',
      contexts: ['selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SAVE_SELECTION || tab?.id === undefined) return;
    void browser.tabs.sendMessage(tab.id, { type: 'tab/save-selection', payload: {} }).catch(() => undefined);
  });
}
