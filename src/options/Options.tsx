import { useEffect, useState } from 'preact/hooks';
import type { MessageRuntime } from '../messaging/runtime.ts';
import type { Settings } from '../messaging/protocol.ts';
import { request } from '../messaging/client.ts';
import type { StorageStatus } from '../messaging/storage-status.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { failureText } from '../ui/failure-text.ts';
import { StorageBanner } from '../ui/StorageBanner.tsx';
import { useStorageStatus } from '../ui/use-storage-status.ts';
import { t } from '../ui/i18n.ts';
import { CategoriesSection } from './CategoriesSection.tsx';
import { ColourSection } from './ColourSection.tsx';
import { MutedTermsSection } from './MutedTermsSection.tsx';
import { ShortcutsSection, type Shortcut } from './ShortcutsSection.tsx';
import { SitesSection } from './SitesSection.tsx';
import { UserTermsSection } from './UserTermsSection.tsx';

export interface OptionsProps {
  runtime: MessageRuntime;
  shortcuts(): Promise<Shortcut[]>;
}

/** Every change is saved at once and reaches open tabs through the background. */
export function Options({ runtime, shortcuts }: OptionsProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const reported = useStorageStatus(runtime);
  const [failedWith, setFailedWith] = useState<StorageStatus | null>(null);

  useEffect(() => {
    void request(runtime, 'settings/read', {}).then((reply) => (reply.ok ? setSettings(reply.value) : setError(failureText(reply.error))));
  }, [runtime]);

  const update = async (next: Settings) => {
    setSettings(next);
    const reply = await request(runtime, 'settings/update', next);
    if (!reply.ok) {
      const { problem } = reply.error;
      if (problem) setFailedWith({ ok: false, problem });
      return setError(t('options_save_failed', failureText(reply.error)));
    }
    setError(null);
    setFailedWith(null);
    setSettings(reply.value);
    setSaved(true);
    setTimeout(() => setSaved(false), 1500);
  };

  return (
    <>
      <header class="options-head">
        <h1>{t('options_title')}</h1>
        <p class="muted">{t('options_privacy')}</p>
        <p role="status" aria-live="polite" class="saved-flag">
          {saved ? t('options_saved') : ''}
        </p>
      </header>
      <StorageBanner status={failedWith ?? reported} />
      {error && <ErrorNotice message={error} />}
      {!settings ? (
        !error && <p class="muted">{t('options_loading')}</p>
      ) : (
        <>
          <CategoriesSection settings={settings} onChange={update} />
          <SitesSection settings={settings} onChange={update} />
          <ColourSection settings={settings} onChange={update} />
          <UserTermsSection settings={settings} onChange={update} />
          <MutedTermsSection settings={settings} onChange={update} runtime={runtime} />
          <ShortcutsSection shortcuts={shortcuts} />
        </>
      )}
    </>
  );
}
