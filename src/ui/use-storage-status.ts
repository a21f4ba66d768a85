import { useEffect, useState } from 'preact/hooks';
import { request } from '../messaging/client.ts';
import type { MessageRuntime } from '../messaging/runtime.ts';
import type { StorageStatus, StorageStatusSource } from '../messaging/storage-status.ts';

/**
 * The storage status to show: this page's own database connection first (the popup opens it for the
 * Library), else what the background reports. The background is asked again whenever the local
 * status changes, so both sides' views meet.
 */
export function useStorageStatus(runtime: MessageRuntime, local?: StorageStatusSource): StorageStatus | null {
  const [remote, setRemote] = useState<StorageStatus | null>(null);
  const [own, setOwn] = useState<StorageStatus | null>(local?.status() ?? null);
  useEffect(() => {
    let live = true;
    const ask = () => void request(runtime, 'storage/status', {}).then((reply) => live && reply.ok && setRemote(reply.value));
    ask();
    const stop = local?.subscribe((status) => {
      setOwn(status);
      ask();
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [runtime, local]);
  return own && !own.ok ? own : remote;
}
