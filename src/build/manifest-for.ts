/**
 * Derives a browser's manifest from the one source manifest.json. Chrome runs the background as a
 * service worker; Firefox as event-page scripts, and needs gecko settings that Chrome rejects.
 */
export type Target = 'chrome' | 'firefox';

export const GECKO_ID = 'reglens@reglens.app';

type Manifest = Record<string, unknown> & { background: { service_worker: string; type?: string } };

export function manifestFor<M extends Manifest>(source: M, target: Target): any {
  const manifest: Record<string, unknown> = structuredClone(source);
  if (target === 'chrome') return manifest;
  const { service_worker, ...background } = source.background;
  delete manifest.minimum_chrome_version;
  delete manifest.message_serialization;
  return {
    ...manifest,
    background: { ...background, scripts: [service_worker] },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // 142 is the first release that understands data_collection_permissions.
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
