// The Library view for the popup (and the options page). Styles: src/ui/library.css, which the
// page's entry imports next to theme.css.
export { Library, FIRST_SCREEN, type LibraryProps } from './Library.tsx';
export { downloadFiles, exportFiles, EXPORT_FORMATS, type DownloadFile, type ExportFormat, type ExportHandler } from './export-files.ts';
export { MemoryHighlightStore } from './memory-store.ts';
