import { useEffect, useState } from 'preact/hooks';
import { request } from '../messaging/client.ts';
import type { Settings } from '../messaging/protocol.ts';
import type { MessageRuntime } from '../messaging/runtime.ts';
import { t } from '../ui/i18n.ts';

export function MutedTermsSection({ settings, onChange, runtime }: { settings: Settings; onChange(next: Settings): void; runtime: MessageRuntime }) {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!settings.mutedTerms.length) return;
    void request(runtime, 'glossary/facts', { ids: settings.mutedTerms }).then(
      (reply) => reply.ok && setNames(new Map(reply.value.map((facts) => [facts.id, facts.name]))),
    );
  }, [settings.mutedTerms.join()]);
  return (
    <section aria-labelledby="muted-heading">
      <h2 id="muted-heading">{t('options_muted')}</h2>
      <ul class="plain-list">
        {settings.mutedTerms.length === 0 && <li class="muted">{t('options_muted_none')}</li>}
        {settings.mutedTerms.map((id) => (
          <li key={id}>
            <span>{names.get(id) ?? id}</span>
            <button class="link-button" onClick={() => onChange({ ...settings, mutedTerms: settings.mutedTerms.filter((m) => m !== id) })}>
              {t('options_unmute')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
