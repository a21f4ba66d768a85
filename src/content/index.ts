import { findArticle } from '../dom/article-finder.ts';
import { createMarkLayer } from '../dom/marks.ts';
import { browserRuntime, browserSiteLists } from '../messaging/browser-runtime.ts';
import { overOnePort } from '../messaging/port-runtime.ts';
import { startPage } from './page.ts';

// Everything RegLens does in a page starts here; page.ts owns the lifecycle and can stop it all.
startPage({ doc: document, runtime: overOnePort(browserRuntime), siteLists: browserSiteLists, findArticle, createMarkLayer });
