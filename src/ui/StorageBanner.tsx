import { STORAGE_MESSAGE_KEYS, type StorageStatus } from '../messaging/storage-status.ts';
import { t } from './i18n.ts';

/**
 * Says what is wrong with RegLens's storage and what still works, in plain words. It stays while the
 * problem lasts: a failure the reader cannot see would look like lost notes.
 */
export function StorageBanner({ status }: { status: StorageStatus | null }) {
  if (!status || status.ok) return null;
  const keys = STORAGE_MESSAGE_KEYS[status.problem];
  return (
    <div role="alert" class="notice notice-warning" data-testid="storage-banner" data-problem={status.problem}>
      <strong>{t(keys.title)}</strong>
      <span>{t(keys.works)}</span>
    </div>
  );
}
