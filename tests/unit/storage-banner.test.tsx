// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Options } from '../../src/options/Options.tsx';
import { Popup } from '../../src/popup/Popup.tsx';
import { DEFAULT_SETTINGS } from '../../src/messaging/protocol.ts';
import { fail, ok } from '../../src/messaging/result.ts';
import type { MessageRuntime, TabsApi } from '../../src/messaging/runtime.ts';
import { STORAGE_MESSAGES_EN, type StorageStatus, type StorageStatusSource } from '../../src/messaging/storage-status.ts';
import { MemoryHighlightStore } from '../../src/ui/library/memory-store.ts';

const g = globalThis as { chrome?: unknown };
afterEach(() => void delete g.chrome);

/** A background that answers `storage/status` (and the options page's requests) as told. */
function background(status: StorageStatus, replies: Record<string, unknown> = {}): MessageRuntime & { asked: string[] } {
  const asked: string[] = [];
  return {
    id: 'reglens-id',
    liveId: () => 'reglens-id',
    extensionOrigin: 'chrome-extension://reglens-id/',
    asked,
    async sendMessage(message) {
      const { type } = message as { type: string };
      asked.push(type);
      if (type === 'storage/status') return ok(status);
      return replies[type] ?? ok(DEFAULT_SETTINGS);
    },
    onMessage: () => () => {},
  };
}

const noTabs: TabsApi = { activeTab: async () => null, sendToTab: async () => fail('unavailable', 'none') };

/** The popup's own connection's status, changed by the test. */
function localStatus(initial: StorageStatus): StorageStatusSource & { set(status: StorageStatus): void } {
  let status = initial;
  const listeners = new Set<(status: StorageStatus) => void>();
  return {
    status: () => status,
    subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    set(next) {
      status = next;
      for (const listener of listeners) listener(next);
    },
  };
}

async function mount(node: preact.ComponentChild) {
  const container = document.createElement('div');
  document.body.append(container);
  await act(() => render(node, container));
  for (let i = 0; i < 20; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  return {
    container,
    banner: () => container.querySelector<HTMLElement>('[data-testid="storage-banner"]'),
    unmount: () => (render(null, container), container.remove()),
  };
}

const popup = (runtime: MessageRuntime, storage?: StorageStatusSource, initialView: 'page' | 'library' | 'recent' = 'page') => (
  <Popup
    runtime={runtime}
    tabs={noTabs}
    store={new MemoryHighlightStore()}
    storage={storage}
    tabId={null}
    initialView={initialView}
    onFocused={() => {}}
    openOptions={() => {}}
  />
);

describe('the storage banner', () => {
  it.each(['page', 'library'] as const)('tells the reader in the popup (%s tab) what is wrong and what still works', async (view) => {
    const { banner, unmount } = await mount(popup(background({ ok: false, problem: 'cannot-open' }), undefined, view));
    expect(banner()?.getAttribute('role')).toBe('alert');
    expect(banner()?.dataset.problem).toBe('cannot-open');
    expect(banner()?.textContent).toBe(STORAGE_MESSAGES_EN.storage_cannot_open + STORAGE_MESSAGES_EN.storage_cannot_open_works);
    unmount();
  });

  it("names the problem in the page's words when a list cannot be read, not as a refused save", async () => {
    const runtime = background(
      { ok: false, problem: 'cannot-open' },
      { 'pages/recent': fail('storage', STORAGE_MESSAGES_EN.storage_cannot_open_save, 'cannot-open') },
    );
    const { container, unmount } = await mount(popup(runtime, undefined, 'recent'));
    expect(container.querySelector('.notice-error')?.textContent).toBe(STORAGE_MESSAGES_EN.storage_cannot_open);
    unmount();
  });

  it('shows nothing while storage works', async () => {
    const { banner, unmount } = await mount(popup(background({ ok: true })));
    expect(banner()).toBeNull();
    unmount();
  });

  it("shows the popup's own connection's problem, and asks the background again when it changes", async () => {
    const runtime = background({ ok: true });
    const local = localStatus({ ok: true });
    const { banner, unmount } = await mount(popup(runtime, local));
    expect(banner()).toBeNull();
    await act(() => local.set({ ok: false, problem: 'quota-full' }));
    expect(banner()?.dataset.problem).toBe('quota-full');
    expect(runtime.asked.filter((type) => type === 'storage/status')).toHaveLength(2);
    unmount();
  });

  it('speaks Simplified Chinese in a Chinese browser', async () => {
    const zh = JSON.parse(readFileSync(resolve(process.cwd(), 'public/_locales/zh_CN/messages.json'), 'utf8')) as Record<string, { message: string }>;
    g.chrome = { i18n: { getMessage: (key: string) => zh[key]?.message ?? '' } };
    const { banner, unmount } = await mount(popup(background({ ok: false, problem: 'newer-version' })));
    expect(banner()?.textContent).toBe(zh.storage_newer_version!.message + zh.storage_newer_version_works!.message);
    unmount();
  });

  it('appears on the options page, and when a settings change is refused', async () => {
    const refused = fail('storage', STORAGE_MESSAGES_EN.storage_quota_full_save, 'quota-full');
    const { container, banner, unmount } = await mount(
      <Options runtime={background({ ok: true }, { 'settings/update': refused })} shortcuts={async () => []} />,
    );
    expect(banner()).toBeNull();
    const checkbox = container.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    await act(() => checkbox.click());
    for (let i = 0; i < 10; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
    expect(banner()?.dataset.problem).toBe('quota-full');
    expect(container.querySelector('.notice-error')?.textContent).toContain(STORAGE_MESSAGES_EN.storage_quota_full);
    unmount();
  });
});
