import { describe, expect, it } from 'vitest';
import { bsnCheckDigit, checkBsn, isValidBsn } from './bsn';

describe('checkBsn (elfproef)', () => {
  // Computed by hand: 9·9 + 8·9 + 7·9 + 6·9 + 0 + 0 + 0 + 0 − 1·6 = 264 = 24 · 11.
  it.each(['999900006', '999900018', '999900043', '111222333', '123456782'])('accepts %s', (bsn) => {
    expect(checkBsn(bsn)).toEqual({ ok: true, bsn });
  });

  it('reads 8 digits with a leading zero added', () => {
    // 0·9 + 1·8 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 − 2 = 110 = 10 · 11
    expect(checkBsn('12345672')).toEqual({ ok: true, bsn: '012345672' });
  });

  it('ignores spaces, dots and hyphens between digit groups', () => {
    expect(checkBsn(' 1234.56.782 ')).toEqual({ ok: true, bsn: '123456782' });
    expect(checkBsn('9999-00-006')).toEqual({ ok: true, bsn: '999900006' });
  });

  it('rejects a number that fails the eleven test, naming the number', () => {
    const result = checkBsn('999900007');
    expect(result).toMatchObject({ ok: false, code: 'bsn.elfproef' });
    expect(result.ok ? '' : result.message).toContain('999900007');
  });

  it('rejects all zeros although the sum is 0', () => {
    expect(checkBsn('000000000')).toMatchObject({ ok: false, code: 'bsn.allZero' });
    expect(checkBsn('00000000')).toMatchObject({ ok: false, code: 'bsn.allZero' });
  });

  it.each(['', '1234567', '1234567890', '99990000A', '９９９９００００６'])(
    'rejects the malformed %j',
    (value) => {
      expect(checkBsn(value)).toMatchObject({ ok: false, code: 'bsn.format' });
    },
  );

  it('isValidBsn agrees with checkBsn', () => {
    expect(isValidBsn('999900006')).toBe(true);
    expect(isValidBsn('999900016')).toBe(false);
  });
});

describe('bsnCheckDigit', () => {
  it('gives the digit that completes a valid BSN', () => {
    expect(bsnCheckDigit('99990000')).toBe(6);
    expect(bsnCheckDigit('12345678')).toBe(2);
  });

  it('returns null when no digit can make the sum divisible by 11', () => {
    // 9·9+9·8+9·7+9·6+0+0+0+2·0 = 270 ≡ 6; try bases until the remainder is 10.
    const impossible = Array.from({ length: 100 }, (_, i) => String(99990000 + i)).find(
      (base) => bsnCheckDigit(base) === null,
    );
    expect(impossible).toBeDefined();
    for (let d = 0; d <= 9; d++) expect(isValidBsn(`${String(impossible)}${d}`)).toBe(false);
  });

  it('refuses input that is not 8 digits', () => {
    expect(bsnCheckDigit('1234567')).toBeNull();
    expect(bsnCheckDigit('1234567a')).toBeNull();
  });
});
