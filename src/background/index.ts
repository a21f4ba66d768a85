import { browserRuntime } from '../messaging/browser-runtime.ts';
import { serve } from '../messaging/server.ts';
import { RegLensDb } from './db.ts';
import { createHandlers } from './handlers.ts';

// Listeners are registered synchronously at start-up: a Chrome service worker or Firefox event page
// woken by a message must find its listener before the first turn of the event loop ends.
serve(browserRuntime, createHandlers(new RegLensDb()));
