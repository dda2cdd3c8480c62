import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, csvLine, UTF8_BOM } from './csvDocument';

describe('CSV cells (RFC 4180, defused against formula injection)', () => {
  it('leaves plain text as it is', () => {
    expect(csvCell('Jansen')).toBe('Jansen');
    expect(csvCell('2026-12-03T10:00:00.000Z')).toBe('2026-12-03T10:00:00.000Z');
    expect(csvCell('')).toBe('');
  });

  it('quotes a comma, a quote and a line break, doubling quotes', () => {
    expect(csvCell('Bakker, Cornelia')).toBe('"Bakker, Cornelia"');
    expect(csvCell('de "Kleine"')).toBe('"de ""Kleine"""');
    expect(csvCell('een\nregel')).toBe('"een\nregel"');
  });

  it.each(['=', '+', '-', '@', '\t', '\r'])('prefixes a cell starting with %j with a quote mark', (start) => {
    const cell = csvCell(`${start}SUM(A1:A9)`);
    expect(cell.replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
  });

  it('quotes a defused cell that also needs quotes', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('ends lines with CRLF and starts the document with a BOM and the header', () => {
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
    expect(csvDocument(['x', 'y'], [['1', '2']])).toBe(`${UTF8_BOM}x,y\r\n1,2\r\n`);
  });
});
