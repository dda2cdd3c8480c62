import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { organizations, patients } from '../db/schema';
import { inOrganization } from '../audit/auditedTransaction';
import type { UserRole } from '../auth/roles';
import { isValidBsn } from '../patients/bsn';
import { newPortalCode } from '../patients/portalCode';
import { createUser } from '../users/userAccounts';

/** A fictional hospital: every name, address and number below is made up. */
export const DEMO_ORGANIZATION = {
  name: 'Ziekenhuis Demostad',
  department: 'Osteoporosepolikliniek / Fractuurpreventie',
  street: 'Voorbeeldlaan',
  houseNumber: '1',
  postalCode: '1234 AB',
  city: 'Demostad',
  phoneGeneral: '(012) 345 67 00',
  phoneDepartment: '(012) 345 67 89',
  email: 'fractuurpreventie@demostad.example',
  openingHours: 'maandag t/m vrijdag 08.30 – 16.30 uur',
  portalUrl: 'https://mijn.demostad.example',
};

export const DEMO_ROLES: readonly { username: string; displayName: string; role: UserRole }[] = [
  { username: 'admin', displayName: 'A. Beheer', role: 'admin' },
  { username: 'specialist', displayName: 'Dr. S. de Wit (internist)', role: 'specialist' },
  { username: 'nurse', displayName: 'V. Verpleegkundige', role: 'nurse' },
  { username: 'secretary', displayName: 'S. Secretariaat', role: 'secretary' },
  { username: 'quality', displayName: 'K. Kwaliteit', role: 'quality' },
];

const FAMILY = [
  'Jansen',
  'de Vries',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'Kok',
  'Jacobs',
  'Çelik',
  'Yılmaz',
  'Müller',
  'El Amrani',
  'Kramer',
  'Prins',
];
const GIVEN_F = [
  'Anna',
  'Maria',
  'Johanna',
  'Cornelia',
  'Wilhelmina',
  'Elisabeth',
  'Geertruida',
  'Hendrika',
  'Fatma',
  'Zoë',
];
const GIVEN_M = [
  'Johannes',
  'Cornelis',
  'Hendrik',
  'Jan',
  'Pieter',
  'Willem',
  'Gerrit',
  'Mehmet',
  'Mohamed',
  'Theo',
];
const CITIES = ['Demostad', 'Voorbeeldwijk', 'Proefdorp', 'Testerveen'];

/** Test BSNs: numbers from the 999… range that pass the elfproef, in order. */
export function demoBsns(n: number, start = 999_990_000): string[] {
  const out: string[] = [];
  for (let candidate = start; out.length < n; candidate++) {
    if (candidate > 999_999_999) throw new Error(`fewer than ${n} test BSNs above ${start}`);
    const bsn = String(candidate).padStart(9, '0');
    if (isValidBsn(bsn)) out.push(bsn);
  }
  return out;
}

export function demoPatients(
  n: number,
): Omit<typeof patients.$inferInsert, 'organizationId' | 'portalCode'>[] {
  const bsns = demoBsns(n);
  return bsns.map((bsn, i) => {
    const female = i % 3 !== 2;
    const given = female ? GIVEN_F[i % GIVEN_F.length] : GIVEN_M[i % GIVEN_M.length];
    const year = 1935 + ((i * 7) % 40);
    const month = 1 + ((i * 5) % 12);
    const day = 1 + ((i * 11) % 28);
    return {
      bsn,
      sourceSystem: 'demo-his',
      sourceId: `D${String(100_000 + i)}`,
      familyName: FAMILY[i % FAMILY.length] ?? 'Jansen',
      givenNames: given ?? 'Anna',
      initials: `${(given ?? 'A').charAt(0)}.`,
      birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      sex: female ? 'female' : 'male',
      street: 'Dorpsstraat',
      houseNumber: String(1 + i),
      postalCode: `${1000 + i} AB`,
      city: CITIES[i % CITIES.length] ?? 'Demostad',
      gpName: 'Huisartsenpraktijk De Linde',
      gpAgbCode: '01234567',
      gpPracticeName: 'Huisartsenpraktijk De Linde',
      gpAddress: 'Lindelaan 3, 1234 CD Demostad',
    };
  });
}

export interface DemoLogin {
  username: string;
  password: string;
  role: UserRole;
}

/**
 * Loads the demo organisation, one account per role and fictional patients into an empty database.
 * Passwords are generated here, never stored in the repository.
 */
export async function seedDemo(
  db: Database,
): Promise<{ organizationId: string; logins: DemoLogin[] } | null> {
  const existing = await db.select({ n: count() }).from(organizations);
  if ((existing[0]?.n ?? 0) > 0) return null;
  const orgRows = await db
    .insert(organizations)
    .values(DEMO_ORGANIZATION)
    .returning({ id: organizations.id });
  const organizationId = orgRows[0]?.id;
  if (organizationId === undefined) throw new Error('could not create the demo organisation');
  const logins: DemoLogin[] = [];
  for (const account of DEMO_ROLES) {
    const password = randomBytes(9).toString('base64url');
    await createUser(db, { ...account, organizationId, password });
    logins.push({ username: account.username, password, role: account.role });
  }
  const demo = demoPatients(40);
  const inserted = await inOrganization(db, organizationId, (tx) =>
    tx
      .insert(patients)
      .values(demo.map((p) => ({ ...p, organizationId, portalCode: newPortalCode() })))
      .returning({ id: patients.id }),
  );
  const firstPatient = inserted[0]?.id;
  if (firstPatient !== undefined) {
    const password = randomBytes(9).toString('base64url');
    await createUser(db, {
      organizationId,
      username: 'patient',
      displayName: `${demo[0]?.givenNames ?? ''} ${demo[0]?.familyName ?? ''}`.trim(),
      role: 'patient',
      password,
      patientId: firstPatient,
    });
    logins.push({ username: 'patient', password, role: 'patient' });
  }
  return { organizationId, logins };
}
