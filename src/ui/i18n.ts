import { MESSAGES_EN, type MessageKey } from './i18n-messages.ts';

/**
 * UI strings. In the extension they come from `_locales/<lang>/messages.json` through the browser's
 * i18n API; in unit tests, the bench and any page without that API, from the English table. A key
 * the browser does not know (an older locale file) also falls back to English rather than to "".
 * Substitutions are positional, `$1`..`$9`, as in chrome.i18n.getMessage.
 */

interface I18nApi {
  getMessage(name: string, substitutions?: string | string[]): string;
  getUILanguage?(): string;
}

function browserI18n(): I18nApi | undefined {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  const api = g.browser?.i18n ?? g.chrome?.i18n;
  return typeof api?.getMessage === 'function' ? api : undefined;
}

/** Replaces `$1`..`$9` with the substitutions and `$$` with `$`, as the browsers do. */
export function substitute(template: string, substitutions: readonly string[]): string {
  return template.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  const api = browserI18n();
  if (api) {
    try {
      const message = api.getMessage(key, subs.length > 0 ? subs : undefined);
      if (message) return message;
    } catch {
      // An orphaned extension page throws here; English is better than nothing.
    }
  }
  return substitute(MESSAGES_EN[key], subs);
}

/** The language the browser shows its own UI in, for dates and numbers; undefined means the default. */
export function uiLocale(): string | undefined {
  try {
    return browserI18n()?.getUILanguage?.() || undefined;
  } catch {
    return undefined;
  }
}
