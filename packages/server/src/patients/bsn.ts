// Burgerservicenummer (Dutch citizen service number) check: the "elfproef" (eleven test).

export type BsnCheck = { ok: true; bsn: string } | { ok: false; code: BsnErrorCode; message: string };
export type BsnErrorCode = 'bsn.format' | 'bsn.allZero' | 'bsn.elfproef';

const ELFPROEF_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

function elfproefSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    sum += (digits.charCodeAt(i) - 48) * (ELFPROEF_WEIGHTS[i] ?? 0);
  }
  return sum;
}

function isAsciiDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return text.length > 0;
}

/**
 * Accepts 9 digits, or 8 digits (exports from spreadsheets drop the leading zero). Spaces, dots and hyphens
 * between digit groups ("1234.56.782") are ignored because people type BSNs that way.
 */
export function checkBsn(input: string): BsnCheck {
  let digits = input.trim();
  if (digits.length !== 9 || !isAsciiDigits(digits)) {
    digits = digits.replace(/[\s.-]/g, '');
  }
  if (!isAsciiDigits(digits) || (digits.length !== 9 && digits.length !== 8)) {
    return {
      ok: false,
      code: 'bsn.format',
      message: 'BSN must be 9 digits (8 digits are read with a leading zero)',
    };
  }
  if (digits.length === 8) digits = '0' + digits;
  if (digits === '000000000') {
    return { ok: false, code: 'bsn.allZero', message: 'BSN 000000000 is not a real citizen service number' };
  }
  if (elfproefSum(digits) % 11 !== 0) {
    return { ok: false, code: 'bsn.elfproef', message: `BSN ${digits} fails the elfproef (eleven test)` };
  }
  return { ok: true, bsn: digits };
}

export function isValidBsn(input: string): boolean {
  return checkBsn(input).ok;
}

/** The ninth digit that makes `firstEight` a valid BSN, or null when none exists (sum ≡ 10 mod 11). */
export function bsnCheckDigit(firstEight: string): number | null {
  if (firstEight.length !== 8 || !isAsciiDigits(firstEight)) return null;
  const partial = elfproefSum(firstEight + '0');
  const digit = ((partial % 11) + 11) % 11;
  return digit <= 9 ? digit : null;
}
