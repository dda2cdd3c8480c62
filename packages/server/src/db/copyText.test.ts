import { describe, expect, it } from 'vitest';
import { copyTextCell, copyTextRows } from './copyText';

describe('COPY text format', () => {
  it('writes NULL, booleans and numbers the way COPY reads them', () => {
    expect(copyTextCell(null)).toBe('\\N');
    expect(copyTextCell(true)).toBe('t');
    expect(copyTextCell(false)).toBe('f');
    expect(copyTextCell(42)).toBe('42');
  });

  it('escapes backslash, tab and line breaks so that a value cannot end its column or row', () => {
    expect(copyTextCell('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    // The literal text \N is data, not NULL.
    expect(copyTextCell('\\N')).toBe('\\\\N');
  });

  it('finds a character to escape wherever it stands, and leaves every other character alone', () => {
    for (const [special, escaped] of [
      ['\\', '\\\\'],
      ['\t', '\\t'],
      ['\n', '\\n'],
      ['\r', '\\r'],
    ] as const) {
      expect(copyTextCell(special)).toBe(escaped);
      expect(copyTextCell(`Jansen${special}`)).toBe(`Jansen${escaped}`);
      expect(copyTextCell(`${special}Jansen`)).toBe(`${escaped}Jansen`);
    }
    expect(copyTextCell('\u000b\f\u0000\u00e9\u20ac\u{1f600}')).toBe('\u000b\f\u0000\u00e9\u20ac\u{1f600}');
    expect(copyTextCell('')).toBe('');
  });

  it('writes objects as escaped JSON for jsonb columns', () => {
    expect(copyTextCell({ note: 'x\ty' })).toBe('{"note":"x\\\\ty"}');
  });

  it('refuses numbers COPY cannot carry', () => {
    expect(() => copyTextCell(Number.NaN)).toThrow(RangeError);
  });

  it('joins columns with tabs and ends every row with a newline', () => {
    expect(
      copyTextRows([
        ['a', null, 1],
        ['b', 'c', 2],
      ]),
    ).toBe('a\t\\N\t1\nb\tc\t2\n');
    expect(copyTextRows([['x'], []])).toBe('x\n\n');
    expect(copyTextRows([])).toBe('');
  });
});
