/**
 * The only door to the browser's messaging API. Everything else takes a `MessageRuntime`, so unit
 * tests pass a fake and never load webextension-polyfill (which refuses to run outside an extension).
 */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export interface MessageRuntime {
  readonly id: string;
  /** The id as the browser reports it now: gone once an update or reload orphans this script. */
  liveId(): string | undefined;
  extensionOrigin: string;
  sendMessage(message: unknown): Promise<unknown>;
  /** The listener returns a promise for messages it handles, and undefined for the rest. */
  onMessage(listener: (message: unknown, sender: Sender) => Promise<unknown> | undefined): () => void;
  /** A long-lived channel to the background (see port-runtime.ts); absent in most fakes. */
  connect?(name: string): MessagePortLike;
  /** Channels opened by content scripts and extension pages. */
  onConnect?(listener: (port: MessagePortLike) => void): () => void;
}

/** runtime.Port, as much of it as RegLens uses. */
export interface MessagePortLike {
  readonly name: string;
  /** Who opened it, as the browser vouches (set on the background's side). */
  readonly sender?: Sender;
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onDisconnect(listener: () => void): void;
  disconnect(): void;
}

/** Reaching content scripts: only extension pages and the background use this. */
export interface TabsApi {
  activeTab(): Promise<{ id: number; url: string } | null>;
  sendToTab(tabId: number, message: unknown): Promise<unknown>;
}

/**
 * The site lists, mirrored by the background into extension storage: content scripts read them on
 * every page without waking the background (which a message would do).
 */
export interface SiteListsStore {
  read(): Promise<{ alwaysSites: string[]; neverSites: string[] }>;
}
