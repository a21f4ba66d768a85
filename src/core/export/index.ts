export { toCsv, CSV_COLUMNS } from './csv.ts';
export { toJson } from './json.ts';
export { toMarkdown, type ExportedFile, type MarkdownOptions } from './markdown.ts';
export { toWebAnnotation, toAnnotation } from './web-annotation.ts';
export { parseImport, planImport, type ParsedImport, type ImportPlan, type InvalidEntry } from './import.ts';
