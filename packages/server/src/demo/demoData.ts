import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { count, eq } from 'drizzle-orm';
import { addDays, DEFAULT_CONFIG, type ClinicalConfig } from '@osteopad/clinical';
import type { Database } from '../db/connection';
import { episodes, organizations, patients } from '../db/schema';
import { inOrganization } from '../audit/auditedTransaction';
import type { Role } from '@osteopad/contract';
import { isValidBsn } from '../patients/bsn';
import { createUser } from '../users/userAccounts';
import type { Actor } from '../auth/actor';
import { cliSubject } from '../caseFinding/channels/cli/cliSubject';
import { importRegistrations } from '../caseFinding/pipeline/importRegistrations';
import { parseRegistrations } from '../caseFinding/pipeline/parseRegistrations';
import { markInvited, markReminded, recordDecline } from '../episodes/episodeRecords';
import { scanReportFile, type ReportScanRow } from '../caseFinding/parsers/reports/scanReports';
import { importReportFindings } from '../caseFinding/pipeline/importReportFindings';
import { demoFractureCsv } from './demoRegistrations';
import { seedDemoDecisions } from './demoDecision';
import { seedInvitationLoopDemo } from './demoLoop';
import { addDemoLabs } from './demoLabs';
import { fillDemoIntakes } from './demoIntake';
import { recordDemoDensitometry } from './demoDensitometry';
import { seedFollowUpDemo } from './demoFollowUp';
import { seedDemoClocks } from './demoClocks';
import { DEMO_PORTAL_PATIENT, seedDemoPortalActivation, type DemoPortalActivation } from './demoPortal';
import { DEMO_RESULTS_PATIENT, seedDemoPortalResults } from './demoPortalResults';
import { DEMO_PORTAL_INTAKE_PATIENT, seedDemoPortalIntake } from './demoPortalIntake';
import { seedDemoClinicalConfig } from './demoClinicalConfig';

/** A fictional hospital: every name, address and number below is made up. */
export const DEMO_ORGANIZATION = {
  name: 'Ziekenhuis Demostad',
  department: 'Osteoporosepolikliniek / Fractuurpreventie',
  street: 'Voorbeeldlaan',
  houseNumber: '1',
  postalCode: '1234 AB',
  city: 'Demostad',
  visitingRoute: 'Route 25',
  postalAddressLine: 'Postbus 90151',
  postalAddressPostalCode: '1230 AA',
  postalAddressCity: 'Demostad',
  phoneGeneral: '(012) 345 67 00',
  phoneDepartment: '(012) 345 67 89',
  // As leaflet 002 prints its nurses' hours: three weekdays, one hour each.
  phoneHours: [
    { weekday: 'monday', from: '15:30', to: '16:30' },
    { weekday: 'wednesday', from: '15:30', to: '16:30' },
    { weekday: 'friday', from: '15:30', to: '16:30' },
  ],
  email: 'fractuurpreventie@demostad.example',
  // No note: the hours say it all, and the letter stays on one page.
  openingHours: '',
  portalUrl: 'https://mijn.demostad.example',
  signOff: 'Het team van de osteoporosepolikliniek',
} satisfies Partial<typeof organizations.$inferInsert>;

/** The demo hospital's patient-number system. */
export const DEMO_SOURCE_SYSTEM = 'demo-his';

export const DEMO_ROLES: readonly { username: string; displayName: string; role: Role }[] = [
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
      sourceSystem: DEMO_SOURCE_SYSTEM,
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
  role: Role;
  /** On the demo's portal entry only (username ''): an unused activation code and the date of birth it needs. */
  portalActivation?: DemoPortalActivation;
}

/**
 * Loads the demo organisation, one account per role and 40 fictional patients into an empty
 * database. The patients arrive the way real ones do — a Dutch hospital export through the CSV
 * import — and some are then invited, reminded or declined, so every worklist has something on it.
 * Passwords are generated here, never stored in the repository.
 */
export async function seedDemo(
  db: Database,
  today: string,
  clinical: ClinicalConfig = DEFAULT_CONFIG,
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
  const staff = new Map<Role, { id: string; username: string; displayName: string }>();
  for (const account of DEMO_ROLES) {
    const password = randomBytes(9).toString('base64url');
    const user = await createUser(db, { ...account, organizationId, password });
    staff.set(account.role, { id: user.id, username: user.username, displayName: user.displayName });
    logins.push({ username: account.username, password, role: account.role });
  }
  const subject = cliSubject(organizationId, 'demo');
  const summary = await importRegistrations(
    db,
    parseRegistrations('csv', Readable.from([Buffer.from(demoFractureCsv(today), 'utf8')]), {
      today,
      sourceSystem: DEMO_SOURCE_SYSTEM,
    }),
    {
      organizationId,
      subject,
      format: 'csv',
      channel: 'cli',
      fileName: 'demo-seh-export.csv',
      skipInvalid: false,
      today,
      clock: () => new Date(),
      config: clinical,
    },
  );
  if (summary.status !== 'succeeded') {
    throw new Error(
      `demo import failed: ${summary.errors.map((e) => `${e.row} ${e.field} ${e.message}`).join('; ')}`,
    );
  }
  const secretary = staff.get('secretary');
  if (secretary !== undefined) await moveDemoEpisodesAlong(db, organizationId, secretary, today);
  await importReportFindings(db, demoReportScans(today), {
    organizationId,
    subject,
    fileName: 'demo-radiologie.txt',
    sourceSystem: DEMO_SOURCE_SYSTEM,
    skipInvalid: false,
    clock: () => new Date(),
  });
  const first = demoPatients(1)[0];
  const firstPatient = await inOrganization(db, organizationId, (tx) =>
    tx
      .select({ id: patients.id })
      .from(patients)
      .where(eq(patients.bsn, first?.bsn ?? '')),
  );
  const patientId = firstPatient[0]?.id;
  if (patientId !== undefined) {
    const password = randomBytes(9).toString('base64url');
    await createUser(db, {
      organizationId,
      username: 'patient',
      displayName: `${first?.givenNames ?? ''} ${first?.familyName ?? ''}`.trim(),
      role: 'patient',
      password,
      patientId,
    });
    logins.push({ username: 'patient', password, role: 'patient' });
  }
  const portalActivation = await seedDemoPortalActivation(
    db,
    organizationId,
    demoPatients(40)[DEMO_PORTAL_PATIENT]?.bsn ?? '',
    new Date(),
  );
  if (portalActivation !== null)
    logins.push({ username: '', password: '', role: 'patient', portalActivation });
  const resultsLogin = await seedDemoPortalResults(
    db,
    organizationId,
    demoPatients(40)[DEMO_RESULTS_PATIENT]?.bsn ?? '',
    today,
  );
  if (resultsLogin !== null) logins.push(resultsLogin);
  const intakeLogin = await seedDemoPortalIntake(
    db,
    organizationId,
    demoPatients(40)[DEMO_PORTAL_INTAKE_PATIENT]?.bsn ?? '',
  );
  if (intakeLogin !== null) logins.push(intakeLogin);
  await seedDemoClinicalConfig(db, organizationId, clinical, today);
  return { organizationId, logins };
}

/** Demo patients by list position: who was invited a month ago (reminder overdue), a week ago, reminded, declined. */
const DEMO_INVITED_LONG_AGO = [1, 2, 3];
const DEMO_INVITED_LAST_WEEK = [4, 5];
const DEMO_REMINDED = [1];
const DEMO_DECLINED = 6;

async function moveDemoEpisodesAlong(
  db: Database,
  organizationId: string,
  secretary: { id: string; username: string; displayName: string },
  today: string,
): Promise<void> {
  const actor: Actor = {
    userId: secretary.id,
    username: secretary.username,
    displayName: secretary.displayName,
    role: 'secretary',
    organizationId,
    patientId: null,
    clientAddress: '127.0.0.1',
    sessionTokenHash: '',
    csrfToken: '',
    accessReason: 'demo data',
  };
  const bsns = demoPatients(40).map((p) => p.bsn ?? '');
  const rows = await inOrganization(db, organizationId, (tx) =>
    tx
      .select({ id: episodes.id, bsn: patients.bsn })
      .from(episodes)
      .innerJoin(patients, eq(patients.id, episodes.patientId)),
  );
  const episodeOf = (index: number): string | undefined => rows.find((r) => r.bsn === bsns[index])?.id;
  for (const [indices, daysAgo] of [
    [DEMO_INVITED_LONG_AGO, 30],
    [DEMO_INVITED_LAST_WEEK, 7],
  ] as const) {
    for (const index of indices) {
      const episodeId = episodeOf(index);
      if (episodeId !== undefined) await markInvited(db, actor, episodeId, addDays(today, -daysAgo), today);
    }
  }
  for (const index of DEMO_REMINDED) {
    const episodeId = episodeOf(index);
    if (episodeId !== undefined) await markReminded(db, actor, episodeId, addDays(today, -8), today);
  }
  const declined = episodeOf(DEMO_DECLINED);
  if (declined !== undefined)
    await recordDecline(db, actor, declined, 'treated_elsewhere', 'ziekenhuis in woonplaats', today);
  await seedDemoDecisions(db, organizationId, bsns, today);
  await seedInvitationLoopDemo(db, organizationId, actor, today);
  await addDemoLabs(db, organizationId, episodeOf, today, DEFAULT_CONFIG);
  await fillDemoIntakes(db, organizationId, episodeOf);
  await recordDemoDensitometry(db, actor, episodeOf, today);
  await seedFollowUpDemo(db, organizationId, bsns, today);
  await seedDemoClocks(db, organizationId, episodeOf, today);
}

/** Three radiology reports: a vertebral fracture of a known patient, a negative report, one of an unknown patient. */
async function* demoReportScans(today: string): AsyncGenerator<ReportScanRow> {
  const demo = demoPatients(40);
  const text = [
    'reportId;patientRef;reportDate;text',
    `RX-DEMO-1;${demo[20]?.sourceId ?? ''};${addDays(today, -12)};X-thoracale wervelkolom. Wigvormige wervelfractuur Th11 met circa 30% hoogteverlies, graad 2 volgens Genant.`,
    `RX-DEMO-2;bsn:${demo[21]?.bsn ?? ''};${addDays(today, -11)};X-LWK: geen wervelfractuur. Degeneratieve afwijkingen L4-L5.`,
    `RX-DEMO-3;X999999;${addDays(today, -10)};CT abdomen; toevalsbevinding: impressiefractuur van de bovenste dekplaat van L2.`,
  ].join('\n');
  yield* scanReportFile(Readable.from([Buffer.from(text, 'utf8')]), { today });
}
