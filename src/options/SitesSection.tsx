import { useState } from 'preact/hooks';
import type { Settings } from '../messaging/protocol.ts';
import { t } from '../ui/i18n.ts';

type ListKey = 'alwaysSites' | 'neverSites';

/** "news.example.com", "https://news.example.com/a" or "news.example.com:8080" -> the host. */
export function hostFrom(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  try {
    const host = new URL(/^[a-z]+:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`).host;
    return /^[a-z0-9.-]+(?::\d+)?$/.test(host) && host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

export function SitesSection({ settings, onChange }: { settings: Settings; onChange(next: Settings): void }) {
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('options_sites')}</h2>
      <p class="muted">{t('options_sites_hint')}</p>
      <SiteList list="alwaysSites" label={t('options_sites_always')} settings={settings} onChange={onChange} />
      <SiteList list="neverSites" label={t('options_sites_never')} settings={settings} onChange={onChange} />
    </section>
  );
}

function SiteList({ list, label, settings, onChange }: { list: ListKey; label: string; settings: Settings; onChange(next: Settings): void }) {
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState(false);
  const other: ListKey = list === 'alwaysSites' ? 'neverSites' : 'alwaysSites';
  const add = (event: Event) => {
    event.preventDefault();
    const host = hostFrom(draft);
    if (!host) return setInvalid(true);
    setInvalid(false);
    setDraft('');
    // A site is on one list at most: the newest choice wins.
    onChange({ ...settings, [list]: [...new Set([...settings[list], host])], [other]: settings[other].filter((h) => h !== host) });
  };
  const inputId = `${list}-input`;
  return (
    <div class="site-list" data-list={list}>
      <h3>{label}</h3>
      <ul>
        {settings[list].length === 0 && <li class="muted">{t('options_sites_none')}</li>}
        {settings[list].map((host) => (
          <li key={host}>
            <span>{host}</span>
            <button
              class="link-button"
              aria-label={t('options_remove_named', host)}
              onClick={() => onChange({ ...settings, [list]: settings[list].filter((h) => h !== host) })}
            >
              {t('options_remove')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} class="inline-form">
        <label for={inputId} class="visually-hidden">
          {t('options_sites_add_label', label)}
        </label>
        <input id={inputId} value={draft} placeholder="news.example.com" aria-invalid={invalid} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} />
        <button type="submit">{t('options_add')}</button>
      </form>
      {invalid && (
        <p role="alert" class="field-error">
          {t('options_sites_invalid')}
        </p>
      )}
    </div>
  );
}
