/**
 * What a search box entry means: a BSN (9 digits), a date of birth (DD-MM-YYYY, D-M-YYYY or
 * YYYY-MM-DD), or otherwise words of a name, each matched anywhere in family or given names.
 */
export type PatientQuery =
  | { kind: 'all' }
  | { kind: 'bsn'; bsn: string }
  | { kind: 'birthDate'; birthDate: string }
  | { kind: 'name'; words: string[] };

const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parsePatientQuery(raw: string | undefined): PatientQuery {
  const q = (raw ?? '').trim();
  if (q === '') return { kind: 'all' };
  const digits = q.replace(/[\s.]/g, '');
  if (/^\d{8,9}$/.test(digits)) return { kind: 'bsn', bsn: digits.padStart(9, '0') };
  const dutch = DUTCH_DATE.exec(q);
  if (dutch !== null) {
    const date = validDate(Number(dutch[3]), Number(dutch[2]), Number(dutch[1]));
    if (date !== null) return { kind: 'birthDate', birthDate: date };
  }
  const iso = ISO_DATE.exec(q);
  if (iso !== null) {
    const date = validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date !== null) return { kind: 'birthDate', birthDate: date };
  }
  const words = q
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w !== '')
    .slice(0, 5);
  return { kind: 'name', words };
}

/** Escapes LIKE wildcards so a user typing `%` or `_` searches for that character. */
export function likeContains(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
