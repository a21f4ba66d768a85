import type { Highlight } from '../../core/highlights/model.ts';
import { toCsv, toJson, toMarkdown, toWebAnnotation } from '../../core/export/index.ts';
import { isoDay } from './dates.ts';

export const EXPORT_FORMATS = ['markdown', 'markdown-per-article', 'csv', 'json', 'jsonld'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface DownloadFile {
  name: string;
  /** MIME type with charset, for the Blob. */
  type: string;
  content: string;
}

/** Called with the files of one export; the default saves each through a download link. */
export type ExportHandler = (files: DownloadFile[], format: ExportFormat) => void | Promise<void>;

const MARKDOWN = 'text/markdown;charset=utf-8';

/**
 * The files one export produces, oldest highlight first (the order a backup or a spreadsheet reads
 * best in). "One file per article" gives one file each: there is no zip writer in the extension, and
 * separate .md files are what note-taking folders (Obsidian, Logseq) want anyway.
 */
export function exportFiles(highlights: readonly Highlight[], format: ExportFormat, now: Date = new Date()): DownloadFile[] {
  const ordered = [...highlights].sort((a, b) => a.created - b.created);
  const stem = `reglens-highlights-${isoDay(now.getTime())}`;
  switch (format) {
    case 'markdown':
      return toMarkdown(ordered, { perArticle: false }).map((file) => ({ name: `${stem}.md`, type: MARKDOWN, content: file.content }));
    case 'markdown-per-article':
      return toMarkdown(ordered, { perArticle: true }).map((file) => ({ ...file, type: MARKDOWN }));
    case 'csv':
      return [{ name: `${stem}.csv`, type: 'text/csv;charset=utf-8', content: toCsv(ordered) }];
    case 'json':
      return [{ name: `${stem}.json`, type: 'application/json;charset=utf-8', content: toJson(ordered, now) }];
    case 'jsonld':
      return [{ name: `${stem}.jsonld`, type: 'application/ld+json;charset=utf-8', content: toWebAnnotation(ordered) }];
  }
}

/** Articles in a list: the number of files "one file per article" makes. */
export function articleCount(highlights: readonly Highlight[]): number {
  return new Set(highlights.map((h) => h.url)).size;
}

/** Browsers throttle a burst of downloads from one click; a short gap keeps them in order. */
const GAP_MS = 150;
/** Long enough for the browser to start reading the blob; revoking at once can cancel the download. */
const REVOKE_AFTER_MS = 60_000;

/** The default ExportHandler: Blob + object URL + `<a download>`, one file after another. */
export async function downloadFiles(files: readonly DownloadFile[], doc: Document = document): Promise<void> {
  for (const [index, file] of files.entries()) {
    if (index > 0) await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    const url = URL.createObjectURL(new Blob([file.content], { type: file.type }));
    const link = doc.createElement('a');
    link.href = url;
    link.download = file.name;
    link.rel = 'noopener';
    link.style.display = 'none';
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
