// PostgreSQL COPY text format: one line per row, tab between columns, `\N` for NULL, and
// backslash escapes for the characters that would otherwise end a column or a row.

/** A value for one column: a JSON object or array goes to a jsonb column, everything else is a scalar. */
export type CopyCell =
  string | number | boolean | null | Readonly<Record<string, unknown>> | readonly unknown[];

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;

function escapeText(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (ch) => ESCAPES[ch] ?? ch) : value;
}

export function copyTextCell(value: CopyCell): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`COPY cannot carry the number ${String(value)}`);
    return String(value);
  }
  return escapeText(JSON.stringify(value));
}

/** The rows as one block of COPY text (each line ends with a newline). */
export function copyTextRows(rows: readonly (readonly CopyCell[])[]): string {
  // Appended cell by cell: V8 keeps the growing text as a rope, flattened once when it is sent.
  let text = '';
  for (const row of rows) {
    const last = row.length - 1;
    for (let i = 0; i < last; i++) text += copyTextCell(row[i] ?? null) + '\t';
    text += (last >= 0 ? copyTextCell(row[last] ?? null) : '') + '\n';
  }
  return text;
}
