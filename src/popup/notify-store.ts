import type { HighlightStore } from '../core/highlights/store.ts';

/** A store that tells the page after every change, so its marks follow edits and deletions at once. */
export function notifyingStore(store: HighlightStore, changed: () => void): HighlightStore {
  const after =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await write(...args);
      changed();
      return result;
    };
  return {
    all: () => store.all(),
    newest: (limit) => store.newest(limit),
    forUrl: (url) => store.forUrl(url),
    update: after(store.update.bind(store)),
    remove: after(store.remove.bind(store)),
    restore: after(store.restore.bind(store)),
    import: after(store.import.bind(store)),
  };
}

/** The same store seen through one article: the popup's "This page" list. */
export function pageStore(store: HighlightStore, url: string): HighlightStore {
  const forPage = () => store.forUrl(url).then((rows) => rows.sort((a, b) => b.created - a.created));
  return { ...store, all: forPage, newest: (limit) => forPage().then((rows) => rows.slice(0, limit)) };
}
