import type { Highlight } from '../highlights/model.ts';

/**
 * CSV as RFC 4180 describes it (https://www.rfc-editor.org/rfc/rfc4180): CRLF after every record,
 * fields quoted when they hold a comma, quote, CR or LF, quotes doubled. A UTF-8 BOM goes first so
 * spreadsheet programs read CJK and emoji as UTF-8 rather than the local code page.
 */

export const CSV_COLUMNS = ['id', 'url', 'title', 'site', 'published', 'created', 'updated', 'color', 'quote', 'note', 'tags', 'entities'] as const;

const BOM = '\ufeff';
const NEEDS_QUOTES = /[",\r\n]/;
// Spreadsheets run a cell starting with these as a formula; page text and imported notes are not
// trusted (https://owasp.org/www-community/attacks/CSV_Injection). A leading apostrophe shows the
// text as typed.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function row(h: Highlight): string[] {
  return [
    h.id,
    h.url,
    h.title,
    h.site,
    h.published ?? '',
    new Date(h.created).toISOString(),
    new Date(h.updated).toISOString(),
    h.color,
    h.selectors.quote.exact,
    h.note,
    h.tags.join(';'),
    h.entities.join(';'),
  ];
}

export function toCsv(highlights: readonly Highlight[]): string {
  const records = [[...CSV_COLUMNS], ...highlights.map(row)];
  return BOM + records.map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
}
