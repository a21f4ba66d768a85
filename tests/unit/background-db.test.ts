import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RegLensDb } from '../../src/background/db.ts';
import { createHandlers } from '../../src/background/handlers.ts';

describe('background storage', () => {
  it('keeps the latest visit per URL and lists newest first', async () => {
    const db = new RegLensDb(`test-${Math.random()}`);
    let clock = 0;
    const handlers = createHandlers(db, () => ++clock);
    const sender = {};
    await handlers['page/seen']({ url: 'https://a.example/1', title: 'One', entities: [] }, sender);
    await handlers['page/seen']({ url: 'https://a.example/2', title: 'Two', entities: [] }, sender);
    await handlers['page/seen']({ url: 'https://a.example/1', title: 'One again', entities: [{ id: 'sec', count: 1 }] }, sender);
    const recent = await handlers['pages/recent']({ limit: 10 }, sender);
    expect(recent.map((page) => page.title)).toEqual(['One again', 'Two']);
    db.close();
  });
});
