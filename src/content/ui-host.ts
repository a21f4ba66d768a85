import { render, type ComponentChild } from 'preact';

/** After the page first deletes our host, wait this long before putting it back; doubles per deletion. */
const REINSERT_BACKOFF_MS = 500;
const MAX_REINSERT_BACKOFF_MS = 30_000;

const HOST_NAME = 'reglens-ui';

/**
 * Removes RegLens UI that no script of ours answers for any more: Firefox unloads the content script
 * of an updated or reloaded extension, leaving an open tooltip or notice that can never close, and
 * then injects the new version into the open tab. Call before this script draws anything.
 */
export function removeUiLeftBehind(doc: Document): void {
  for (const host of doc.querySelectorAll(HOST_NAME)) host.remove();
}

/**
 * All RegLens UI in a page lives in one element with a closed shadow root: page CSS cannot reach in,
 * ours cannot leak out, and the host is positioned fixed at the root so it never takes layout space.
 * It is created only when first needed and removed on destroy().
 */
export class UiHost {
  #host: HTMLElement | null = null;
  #root: ShadowRoot | null = null;
  /** We put the host in the document and have not taken it out since. */
  #inserted = false;
  /** Times the page took our host out (some sites delete every node they did not create). */
  #deletedByPage = 0;
  #insertedAt = -Infinity;

  constructor(
    private readonly doc: Document,
    private readonly css: string,
  ) {}

  render(ui: ComponentChild): void {
    render(ui, this.#ensureRoot());
  }

  contains(node: Node | null): boolean {
    return !!node && !!this.#host && (node === this.#host || this.#host.contains(node));
  }

  get element(): HTMLElement | null {
    return this.#host;
  }

  destroy(): void {
    this.#noteDeletion();
    if (this.#root) render(null, this.#root);
    this.#host?.remove();
    this.#host = this.#root = null;
    this.#inserted = false;
  }

  #noteDeletion(): void {
    if (this.#inserted && !this.#host?.isConnected) {
      this.#deletedByPage++;
      this.#inserted = false;
    }
  }

  #ensureRoot(): ShadowRoot {
    if (this.#host && this.#root && this.#host.isConnected) return this.#root;
    if (!this.#host || !this.#root) {
      // A custom-element-style name: pages that hide or style generic spans/divs do not touch it.
      this.#host = this.doc.createElement(HOST_NAME);
      this.#host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
      this.#root = this.#host.attachShadow({ mode: 'closed' });
      const style = this.doc.createElement('style');
      style.textContent = this.css;
      this.#root.append(style);
    }
    // A page may delete our host: put it back rather than render into a detached tree, but back off
    // when the page keeps doing so (no insert/delete tug of war). Meanwhile the UI renders, unseen,
    // into the detached shadow root.
    this.#noteDeletion();
    const backoff = this.#deletedByPage && Math.min(REINSERT_BACKOFF_MS * 2 ** (this.#deletedByPage - 1), MAX_REINSERT_BACKOFF_MS);
    const now = performance.now();
    if (now - this.#insertedAt >= backoff) {
      this.#insertedAt = now;
      this.#inserted = true;
      this.doc.documentElement.append(this.#host);
    }
    return this.#root;
  }
}
