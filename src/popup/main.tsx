import { render } from 'preact';
import { browserRuntime, browserTabs } from '../messaging/browser-runtime.ts';
import { Popup } from './Popup.tsx';

const requested = Number(new URLSearchParams(location.search).get('tab'));
const tabId = Number.isInteger(requested) && requested > 0 ? requested : ((await browserTabs.activeTab())?.id ?? null);
// Opened as the toolbar popup: close it so the page and its tooltip come to the front.
const onFocused = () => (requested ? undefined : window.close());

render(<Popup runtime={browserRuntime} tabs={browserTabs} tabId={tabId} onFocused={onFocused} />, document.getElementById('app')!);
