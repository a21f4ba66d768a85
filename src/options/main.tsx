import { render } from 'preact';
import { browserRuntime } from '../messaging/browser-runtime.ts';
import { Options } from './Options.tsx';

render(<Options runtime={browserRuntime} />, document.getElementById('app')!);
