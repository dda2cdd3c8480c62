import { request, type APIRequestContext } from '@playwright/test';
import { BASE_URL } from './environment';
import { sessionState } from './sessions';

/*
 * Test data for the case-finding tests, made at run time: fracture dates a few weeks before today
 * (so the rules count them as recent whenever the tests run) and BSNs that pass the elfproef.
 */

/** The elfproef: 9×d1 + 8×d2 + … + 2×d8 − d9 is a multiple of 11. */
export function passesElfproef(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn) || /^0+$/.test(bsn)) return false;
  const digits = Array.from({ length: 9 }, (_, index) => Number(bsn.charAt(index)));
  const sum = digits.slice(0, 8).reduce((total, digit, index) => total + digit * (9 - index), 0);
  return (sum - (digits[8] ?? 0)) % 11 === 0;
}

/** The first `count` valid BSNs from `start` on; each test file takes its own range. */
export function validBsns(count: number, start: number): string[] {
  const found: string[] = [];
  for (let candidate = start; found.length < count; candidate += 1) {
    const bsn = String(candidate).padStart(9, '0');
    if (passesElfproef(bsn)) found.push(bsn);
  }
  return found;
}

const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in the Netherlands (the server's calendar) plus `days`, as YYYY-MM-DD. */
export function isoDay(days: number): string {
  const [year, month, day] = AMSTERDAM_DAY.format(new Date()).split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days));
  return date.toISOString().slice(0, 10);
}

/** `2026-11-21` → `21-11-2026`, as the app shows and takes dates. */
export function dutchDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day ?? ''}-${month ?? ''}-${year ?? ''}`;
}

export interface FracturePatient {
  patientId: string;
  bsn: string;
  familyName: string;
  givenNames: string;
  birthDate: string;
  sex: 'V' | 'M';
  /** Empty: no address, so no letter can be printed. */
  street: string;
  fractureDate: string;
  fractureSite: string;
  encounter: 'SEH' | 'poli' | 'opname';
  /** Empty: not stated, which the rules assume to be low-energy and not pathological. */
  trauma: 'laag' | '';
  pathological: 'nee' | '';
}

const quote = (value: string): string => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A CSV export as a hospital system writes it (Dutch column names, day-first dates). */
export function fractureCsv(patients: readonly FracturePatient[]): string {
  const header =
    'patientnummer,bsn,achternaam,voornamen,geboortedatum,geslacht,straat,huisnummer,postcode,woonplaats,' +
    'fractuurdatum,locatie,soort_contact,traumamechanisme,pathologisch';
  const lines = patients.map((p) =>
    [
      p.patientId,
      p.bsn,
      p.familyName,
      p.givenNames,
      dutchDate(p.birthDate),
      p.sex,
      p.street,
      p.street === '' ? '' : '12',
      p.street === '' ? '' : '1234 AB',
      p.street === '' ? '' : 'Demostad',
      dutchDate(p.fractureDate),
      p.fractureSite,
      p.encounter,
      p.trauma,
      p.pathological,
    ]
      .map(quote)
      .join(','),
  );
  return `${[header, ...lines].join('\n')}\n`;
}

/** The administrator's shared session as an API client, with its CSRF token. */
export async function adminApi(): Promise<{
  api: APIRequestContext;
  /** Uploads `body`; its file name goes in the X-File-Name header, as the web app sends it. */
  upload: (path: string, body: string, contentType: string, fileName: string) => Promise<unknown>;
}> {
  const api = await request.newContext({ baseURL: BASE_URL, storageState: sessionState('admin') });
  const session = await api.get('/api/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  return {
    api,
    async upload(path, body, contentType, fileName) {
      const response = await api.post(path, {
        headers: {
          'Content-Type': contentType,
          'X-CSRF-Token': csrfToken,
          'X-File-Name': encodeURIComponent(fileName),
        },
        data: body,
      });
      if (response.status() !== 200) {
        throw new Error(`${path}: HTTP ${String(response.status())} ${await response.text()}`);
      }
      return (await response.json()) as unknown;
    },
  };
}
