import { browserRuntime } from '../messaging/browser-runtime.ts';
import { request } from '../messaging/client.ts';
import { measure } from './timing.ts';

// Skeleton: reports the page to the background. Recognition replaces `entities` (issue 3/4).
async function main(): Promise<void> {
  const page = measure('reglens:page-info', () => ({
    url: location.href,
    title: document.title.slice(0, 1000),
    entities: [],
  }));
  const reply = await request(browserRuntime, 'page/seen', page);
  if (!reply.ok) console.debug('RegLens:', reply.error.message);
}

void main();
