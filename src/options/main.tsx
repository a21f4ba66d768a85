import { render } from 'preact';
import browser from 'webextension-polyfill';
import { browserRuntime } from '../messaging/browser-runtime.ts';
import { Options } from './Options.tsx';

const shortcuts = async () =>
  (await browser.commands.getAll()).map((command) => ({
    name: command.name ?? '',
    description: command.description ?? command.name ?? '',
    shortcut: command.shortcut ?? '',
  }));

render(<Options runtime={browserRuntime} shortcuts={shortcuts} />, document.getElementById('app')!);
