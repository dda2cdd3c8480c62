// CSV as RFC 4180 writes it (CRLF line ends, a field quoted when it holds a comma, a quote or a line
// break, quotes doubled), made safe to open in a spreadsheet: a cell that starts with = + - @, a tab or
// a carriage return would be read as a formula (CSV injection, OWASP), so it gets a leading '.
// UTF-8 with a byte order mark, so Excel reads Dutch names (ë, é, ij) as written.

/** The byte order mark that tells Excel the file is UTF-8. */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: defused when a spreadsheet would take it for a formula, quoted when RFC 4180 says so. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The whole document: BOM, header row, then one line per row. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const lines = [UTF8_BOM, csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return lines.join('');
}
