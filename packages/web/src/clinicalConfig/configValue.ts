/**
 * How a clinical configuration value reads on screen. The values are what a clinic writes in its
 * JSON configuration file, so they are shown in the same notation: a code as it is
 * (`clampToMonthEnd`), numbers with a decimal point (`0.858`, as in the file), `true`/`false`, and
 * lists and objects as JSON on one line (`[16, 52]`). A value too long for one line is laid out
 * over several, indented; a missing value (`null`) is said in words by the screen.
 */
export type ConfigValueText =
  { kind: 'none' } | { kind: 'inline'; text: string } | { kind: 'block'; text: string };

/** Longer than this on one line, a list or object is easier to read laid out. */
export const INLINE_MAX_LENGTH = 80;

/** JSON with a space after every comma and colon, so a long list can wrap between its items. */
export function compactJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item: unknown) => compactJson(item)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}: ${compactJson(v)}`).join(', ')}}`;
  }
  // JSON.stringify gives undefined for undefined, functions and symbols: none of them is JSON.
  const text = JSON.stringify(value) as string | undefined;
  return text ?? 'null';
}

export function configValueText(value: unknown): ConfigValueText {
  if (value === null || value === undefined) return { kind: 'none' };
  // An empty text would be invisible; its JSON form ("") is not.
  if (typeof value === 'string') return { kind: 'inline', text: value === '' ? '""' : value };
  if (typeof value !== 'object') return { kind: 'inline', text: compactJson(value) };
  const compact = compactJson(value);
  if (compact.length <= INLINE_MAX_LENGTH) return { kind: 'inline', text: compact };
  return { kind: 'block', text: JSON.stringify(value, null, 2) };
}
