import { h } from 'preact';
import { UiHost } from './ui-host.ts';

const CSS = `
:host { all: initial; }
.notice {
  position: fixed; right: 16px; bottom: 16px; max-width: 320px; padding: 10px 12px; border-radius: 8px;
  background: #1b1f24; color: #fff; box-shadow: 0 4px 14px rgba(0,0,0,.25);
  font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif;
}
button { margin-left: 8px; font: inherit; color: inherit; background: none; border: 1px solid #6b7480; border-radius: 6px; padding: 1px 8px; cursor: pointer; }
`;

const HIDE_AFTER_MS = 12_000;

/**
 * After an update or reload, this script can no longer reach RegLens: say so once, so the reader
 * knows why marks vanished, instead of failing silently. Notes are typed only in extension pages,
 * so nothing the reader typed is lost.
 */
export function showOrphanNotice(doc: Document): void {
  const host = new UiHost(doc, CSS);
  const close = () => host.destroy();
  host.render(
    h('div', { class: 'notice', role: 'status' }, [
      'RegLens was updated or restarted. Reload this page to use it again.',
      h('button', { onClick: close, 'aria-label': 'Dismiss' }, 'OK'),
    ]),
  );
  setTimeout(close, HIDE_AFTER_MS);
}
