import { render, type ComponentChild } from 'preact';

/**
 * All RegLens UI in a page lives in one element with a closed shadow root: page CSS cannot reach in,
 * ours cannot leak out, and the host is positioned fixed at the root so it never takes layout space.
 * It is created only when first needed and removed on destroy().
 */
export class UiHost {
  #host: HTMLElement | null = null;
  #root: ShadowRoot | null = null;

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
    if (this.#root) render(null, this.#root);
    this.#host?.remove();
    this.#host = this.#root = null;
  }

  #ensureRoot(): ShadowRoot {
    // A page may delete our host: re-attach rather than render into a detached tree.
    if (this.#host && this.#root && this.#host.isConnected) return this.#root;
    if (!this.#host || !this.#root) {
      // A custom-element-style name: pages that hide or style generic spans/divs do not touch it.
      this.#host = this.doc.createElement('reglens-ui');
      this.#host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
      this.#root = this.#host.attachShadow({ mode: 'closed' });
      const style = this.doc.createElement('style');
      style.textContent = this.css;
      this.#root.append(style);
    }
    this.doc.documentElement.append(this.#host);
    return this.#root;
  }
}
