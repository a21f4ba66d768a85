import type { Handlers } from '../messaging/server.ts';
import type { RegLensDb } from './db.ts';

export function createHandlers(db: RegLensDb, now: () => number = Date.now): Handlers {
  return {
    async 'page/seen'(page) {
      await db.pages.put({ ...page, seenAt: now() });
      return { stored: true };
    },
    async 'pages/recent'({ limit }) {
      return db.pages.orderBy('seenAt').reverse().limit(limit).toArray();
    },
  };
}
