/**
 * The Dutch citizen service number (BSN): 9 digits passing the "elfproef" — digits weighted
 * 9, 8, …, 2 and the last digit −1 sum to a multiple of 11. The database checks the same rule.
 */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value) || value === '000000000') return false;
  let total = 0;
  for (let i = 0; i < 8; i++) total += (9 - i) * (value.charCodeAt(i) - 48);
  total -= value.charCodeAt(8) - 48;
  return total % 11 === 0;
}

/** Accepts 8 digits (a leading zero dropped by a spreadsheet) and common separators. */
export function normaliseBsn(raw: string): string {
  const digits = raw.replace(/[\s.-]/g, '');
  return /^\d{8}$/.test(digits) ? `0${digits}` : digits;
}
