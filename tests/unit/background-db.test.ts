import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { RegLensDb } from '../../src/storage/db.ts';
import { createHandlers } from '../../src/background/handlers.ts';
import { compileMatcher } from '../../src/core/matcher/index.ts';

const EMPTY_MATCHER = compileMatcher([]);

describe('background storage', () => {
  it('keeps the latest visit per URL and lists newest first', async () => {
    const db = new RegLensDb(`test-${Math.random()}`);
    let clock = 0;
    const handlers = createHandlers({ db, compiledMatcher: EMPTY_MATCHER, entryById: new Map(), now: () => ++clock });
    const sender = {};
    await handlers['page/seen']({ url: 'https://a.example/1', title: 'One', entities: [] }, sender);
    await handlers['page/seen']({ url: 'https://a.example/2', title: 'Two', entities: [] }, sender);
    await handlers['page/seen']({ url: 'https://a.example/1', title: 'One again', entities: [{ id: 'sec', count: 1 }] }, sender);
    const recent = await handlers['pages/recent']({ limit: 10 }, sender);
    expect(recent.map((page) => page.title)).toEqual(['One again', 'Two']);
    db.close();
  });
});

describe('settings', () => {
  const tabSender = { id: 'x', url: 'https://news.example/story', tab: { id: 1, url: 'https://news.example/story' } };

  it('lets a page switch RegLens off for its own site only', async () => {
    const db = new RegLensDb(`test-${Math.random()}`);
    const handlers = createHandlers({ db, compiledMatcher: EMPTY_MATCHER, entryById: new Map() });
    await expect(handlers['settings/never-on-site']({ host: 'other.example' }, tabSender)).rejects.toThrow(/own site/);
    const settings = await handlers['settings/never-on-site']({ host: 'news.example' }, tabSender);
    expect(settings.neverSites).toEqual(['news.example']);
    db.close();
  });

  it('reads the settings from the database once, and keeps what the reader changes', async () => {
    const db = new RegLensDb(`test-${Math.random()}`);
    const handlers = createHandlers({ db, compiledMatcher: EMPTY_MATCHER, entryById: new Map() });
    const reads = vi.spyOn(db.settings, 'get');
    await handlers['settings/get']({}, tabSender);
    await handlers['settings/get']({}, tabSender);
    await handlers['text/match']({ job: 1, part: 0, text: 'The SEC said.', last: true }, tabSender);
    expect(reads).toHaveBeenCalledTimes(1);
    await handlers['settings/mute-term']({ id: 'sec' }, tabSender);
    const afterMute = reads.mock.calls.length;
    expect((await handlers['settings/get']({}, tabSender)).mutedTerms).toEqual(['sec']);
    expect((await handlers['settings/read']({}, tabSender)).mutedTerms).toEqual(['sec']);
    expect(reads).toHaveBeenCalledTimes(afterMute);
    db.close();
  });

  it('keeps both of two concurrent mutes', async () => {
    const db = new RegLensDb(`test-${Math.random()}`);
    const handlers = createHandlers({ db, compiledMatcher: EMPTY_MATCHER, entryById: new Map() });
    await Promise.all([handlers['settings/mute-term']({ id: 'sec' }, tabSender), handlers['settings/mute-term']({ id: 'fed' }, tabSender)]);
    expect((await handlers['settings/get']({}, tabSender)).mutedTerms.sort()).toEqual(['fed', 'sec']);
    db.close();
  });
});

describe('saving highlights', () => {
  const tabSender = { id: 'x', url: 'https://news.example/story?utm_source=x', tab: { id: 1, url: 'https://news.example/story?utm_source=x' } };
  const draft = {
    id: '3b241101-e2bb-4255-8caf-4136c566a962',
    url: 'https://news.example/story?utm_source=x',
    title: 'Story',
    selectors: { quote: { exact: 'risks are controllable', prefix: 'as long as ', suffix: '.' }, position: { start: 10, end: 32 } },
    entities: ['pboc'],
  };

  it('stores a retried save once, with the tracking parameters dropped from its URL', async () => {
    const db = new RegLensDb(`test-${Math.random()}`);
    const handlers = createHandlers({ db, compiledMatcher: EMPTY_MATCHER, entryById: new Map() });
    await handlers['highlight/create'](draft, tabSender);
    await handlers['highlight/create'](draft, tabSender);
    const rows = await db.highlights.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ url: 'https://news.example/story', site: 'news.example', color: 'yellow', note: '', tags: [] });
    expect(await handlers['highlights/for-page']({ url: 'https://news.example/story#top' }, tabSender)).toHaveLength(1);
    db.close();
  });
});
