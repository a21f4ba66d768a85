import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile, type Highlight } from '../highlights/model.ts';

/** The versioned RegLens JSON file: the one format that keeps everything, read back by parseImport. */
export function toJson(highlights: readonly Highlight[], exportedAt: Date = new Date()): string {
  const file: ExportFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: exportedAt.toISOString(), highlights: [...highlights] };
  return `${JSON.stringify(file, null, 2)}\n`;
}
