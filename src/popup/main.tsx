import { render } from 'preact';
import { browserRuntime } from '../messaging/browser-runtime.ts';
import { Popup } from './Popup.tsx';

render(<Popup runtime={browserRuntime} />, document.getElementById('app')!);
