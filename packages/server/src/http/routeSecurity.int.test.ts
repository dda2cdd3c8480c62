// Walks every registered route and proves that it refuses anonymous callers, callers whose role is
// not allowed, and callers of another organisation. Adding a route makes it part of this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { episodes, fractureEvents, reportFindings, tasks, appointments } from '../db/schema';
import { labResults } from '../db/schema';
import { episodeDocuments } from '../db/schema';
import { inOrganization } from '../audit/auditedTransaction';
import { dxaExams, vfaExams } from '../db/schema';
import { ROLES, type Role } from '@osteopad/contract';
import { isPublic, type RouteAccess } from './access';
import { isKnownOwnedParam } from './ownership';

/** The only routes anyone may call without logging in. */
const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  // The patient portal's way in (portal/portal.routes.ts): the patient has no session yet.
  'POST /api/portal/activate',
  'POST /api/portal/magic-link',
  'POST /api/portal/magic-link/redeem',
  // The hospital sign-in (auth/sso/sso.routes.ts): the user has no session before it. The options name
  // organisations and start URLs only; an unknown organisation gets the same neutral redirect as one
  // without the sign-in; the callback needs the flow cookie the start set.
  'GET /api/auth/sso/options',
  'GET /api/auth/sso/:organization/start',
  'GET /api/auth/sso/callback',
  // Setting a password with an administrator's one-time link (users/users.routes.ts): no session yet.
  'POST /api/auth/password-link',
]);
/** The OpenAPI documentation (no patient data) is public as a group. */
const PUBLIC_PREFIXES = ['/api/docs'];

let h: Harness;
const paramValues: Record<string, string> = {};
const sessionsB = new Map<Role, Session>();
const sessionsA = new Map<Role, Session>();

/** Some routes end the caller's session (logout); tests carry on with a fresh one. */
async function liveSession(sessions: Map<Role, Session>, role: Role, username: string): Promise<Session> {
  const current = sessions.get(role);
  if (current !== undefined) {
    const probe = await h.as(current, 'GET', '/api/auth/session');
    if (probe.statusCode === 200) return current;
  }
  const fresh = await h.login(username);
  sessions.set(role, fresh);
  return fresh;
}

beforeAll(async () => {
  h = await createHarness({
    login: { rateLimitMax: 10_000, rateLimitWindowMs: 60_000, lockoutAfterFailures: 5, lockoutMinutes: 15 },
  });
  const patientId = h.orgA.patientIds[0] ?? '';
  const ids = await inOrganization(h.db.app.db, h.orgA.id, async (tx) => {
    const fracture = await tx
      .insert(fractureEvents)
      .values({
        organizationId: h.orgA.id,
        patientId,
        fractureDate: '2026-10-01',
        siteCode: 'femur_proximal',
        identityKey: 'femur_proximal',
        eligibility: 'eligible',
        eligibilityReason: 'qualifyingFracture',
      })
      .returning({ id: fractureEvents.id });
    const episode = await tx
      .insert(episodes)
      .values({ organizationId: h.orgA.id, patientId, state: 'identified', openedOn: '2026-10-02' })
      .returning({ id: episodes.id });
    const task = await tx
      .insert(tasks)
      .values({
        organizationId: h.orgA.id,
        episodeId: episode[0]?.id ?? '',
        patientId,
        kind: 'invite',
        dueDate: '2026-10-03',
        assigneeRole: 'secretary',
      })
      .returning({ id: tasks.id });
    const finding = await tx
      .insert(reportFindings)
      .values({
        organizationId: h.orgA.id,
        patientId,
        patientRef: 'x',
        reportId: 'R-1',
        reportDate: '2026-10-01',
        sentence: 'Wervelfractuur Th12.',
        highlightStart: 0,
        highlightEnd: 15,
      })
      .returning({ id: reportFindings.id });
    const appointment = await tx
      .insert(appointments)
      .values({
        organizationId: h.orgA.id,
        patientId,
        episodeId: episode[0]?.id ?? '',
        date: '2026-10-20',
        time: '09:30',
        kinds: ['consult'],
      })
      .returning({ id: appointments.id });
    const labResult = await tx
      .insert(labResults)
      .values({
        organizationId: h.orgA.id,
        patientId,
        episodeId: episode[0]?.id ?? '',
        analyte: 'calcium',
        value: 2.4,
        unit: 'mmol/L',
        sampledOn: '2026-10-02',
      })
      .returning({ id: labResults.id });
    return {
      fractureId: fracture[0]?.id ?? '',
      episodeId: episode[0]?.id ?? '',
      taskId: task[0]?.id ?? '',
      findingId: finding[0]?.id ?? '',
      labResultId: labResult[0]?.id ?? '',
      appointmentId: appointment[0]?.id ?? '',
    };
  });
  Object.assign(paramValues, { patientId, userId: h.orgA.users.nurse.id, ...ids });
  const episodeId = ids.episodeId;
  const exams = await inOrganization(h.db.app.db, h.orgA.id, async (tx) => {
    const dxa = await tx
      .insert(dxaExams)
      .values({ organizationId: h.orgA.id, patientId, episodeId, examDate: '2026-10-05', sites: {} })
      .returning({ id: dxaExams.id });
    const vfa = await tx
      .insert(vfaExams)
      .values({
        organizationId: h.orgA.id,
        patientId,
        episodeId,
        examDate: '2026-10-05',
        assessable: true,
        vertebrae: [],
      })
      .returning({ id: vfaExams.id });
    return { dxaExamId: dxa[0]?.id ?? '', vfaExamId: vfa[0]?.id ?? '' };
  });
  Object.assign(paramValues, exams);
  // A kept document of organisation A (letters/consult): GET /api/episode-documents/:documentId.
  paramValues.documentId = await inOrganization(h.db.app.db, h.orgA.id, async (tx) => {
    const document = await tx
      .insert(episodeDocuments)
      .values({
        organizationId: h.orgA.id,
        patientId,
        episodeId: ids.episodeId,
        kind: 'result_letter',
        locale: 'nl',
        pdf: Buffer.from('%PDF-1.7 sample'),
        sha256: '0'.repeat(64),
        input: {},
        createdBy: h.orgA.users.nurse.id,
      })
      .returning({ id: episodeDocuments.id });
    return document[0]?.id ?? '';
  });
  // A patient-facing date of organisation A (upcoming/): GET /api/patients/:patientId/upcoming(.ics).
  paramValues.upcomingTaskId = await inOrganization(h.db.app.db, h.orgA.id, async (tx) => {
    const task = await tx
      .insert(tasks)
      .values({
        organizationId: h.orgA.id,
        episodeId: ids.episodeId,
        patientId,
        kind: 'denosumab_injection',
        dueDate: '2027-01-05',
        assigneeRole: 'nurse',
      })
      .returning({ id: tasks.id });
    return task[0]?.id ?? '';
  });
  // A reminder delivery of organisation A (reminders/): POST /api/reminders/:reminderId/retry.
  const reminder = await h.db.owner.query<{ id: string }>(
    `INSERT INTO reminder_deliveries (organization_id, task_id, patient_id, channel, reminder_kind, recipient,
                                      occasion_on, message_id, status, next_attempt_at)
     VALUES ($1, $2, $3, 'email', 'upcoming', 'p@example.org', '2026-12-01', '<sample@osteopad.invalid>', 'failed', NULL)
     RETURNING id`,
    [h.orgA.id, ids.taskId, patientId],
  );
  paramValues.reminderId = reminder.rows[0]?.id ?? '';
  // An import job of organisation A (caseFinding/importJobs/): GET /api/import-jobs/:importJobId.
  const importJob = await h.db.owner.query<{ id: string }>(
    `INSERT INTO import_jobs (id, organization_id, format, file_name, file_sha256, total_bytes, encoding,
                              source_system, skip_invalid, import_day, requested_by)
     VALUES (gen_random_uuid(), $1, 'csv', 'sample.csv', '', 10, 'auto', 'hospital', false, '2026-12-01', '{}')
     RETURNING id`,
    [h.orgA.id],
  );
  paramValues.importJobId = importJob.rows[0]?.id ?? '';
  // A result letter of the second patient of organisation A (portalResults/): the portal walk below calls
  // GET /api/portal/letters/:letterId/pdf as that patient, whose own letter it is (200); another patient's
  // letter is a 404 (portalResults.int.test.ts), another organisation's too (the walk of organisation B).
  paramValues.letterId = await inOrganization(h.db.app.db, h.orgA.id, async (tx) => {
    const secondPatientId = h.orgA.patientIds[1] ?? '';
    const [episode] = await tx
      .insert(episodes)
      .values({
        organizationId: h.orgA.id,
        patientId: secondPatientId,
        state: 'identified',
        openedOn: '2026-10-02',
      })
      .returning({ id: episodes.id });
    const [document] = await tx
      .insert(episodeDocuments)
      .values({
        organizationId: h.orgA.id,
        patientId: secondPatientId,
        episodeId: episode?.id ?? '',
        kind: 'result_letter',
        locale: 'nl',
        pdf: Buffer.from('%PDF-1.7 sample'),
        sha256: '1'.repeat(64),
        input: {},
        createdBy: h.orgA.users.nurse.id,
      })
      .returning({ id: episodeDocuments.id });
    return document?.id ?? '';
  });
  for (const role of ROLES) {
    sessionsA.set(role, await h.login(h.orgA.users[role].username));
    sessionsB.set(role, await h.login(h.orgB.users[role].username));
  }
}, 120_000);

afterAll(async () => {
  await h.close();
});

function fillParams(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = paramValues[name];
    if (value === undefined)
      throw new Error(`route-security test has no sample value for :${name} in ${url}`);
    return value;
  });
}

function routeKey(method: string, url: string): string {
  return `${method} ${url}`;
}

function isDocs(url: string): boolean {
  return PUBLIC_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`));
}

function protectedRoutes() {
  return h.app.routeCatalog.filter(
    (r): r is { method: string; url: string; access: Extract<RouteAccess, { roles: readonly Role[] }> } =>
      !isPublic(r.access) && (r.url.startsWith('/api') || r.url.startsWith('/fhir')),
  );
}

/** Every identifier of organisation A that must never appear in an answer to organisation B. */
function orgASecrets(): string[] {
  return [
    h.orgA.id,
    ...h.orgA.patientIds,
    ...Object.values(h.orgA.users).map((u) => u.id),
    ...Object.values(paramValues),
    h.orgA.name,
  ];
}

describe('route security', () => {
  it('lists exactly the expected public routes', () => {
    const publicApi = h.app.routeCatalog
      .filter((r) => isPublic(r.access) && (r.url.startsWith('/api') || r.url.startsWith('/fhir')))
      .map((r) => routeKey(r.method, r.url))
      .filter((key) => !isDocs(key.split(' ')[1] ?? ''));
    expect(new Set(publicApi)).toEqual(PUBLIC_ROUTES);
  });

  it('has protected routes to check', () => {
    expect(protectedRoutes().length).toBeGreaterThanOrEqual(8);
  });

  it('refuses every protected route to an anonymous request (401)', async () => {
    for (const route of protectedRoutes()) {
      const response = await h.app.inject({
        method: route.method as 'GET',
        url: fillParams(route.url),
        payload: {},
      });
      expect(response.statusCode, routeKey(route.method, route.url)).toBe(401);
      expect(response.headers['cache-control'], routeKey(route.method, route.url)).toBe('no-store');
    }
  });

  it('refuses every protected route to a role it does not allow (403)', async () => {
    for (const route of protectedRoutes()) {
      const forbiddenRoles = ROLES.filter((r) => !route.access.roles.includes(r));
      for (const role of forbiddenRoles) {
        const session = await liveSession(sessionsA, role, h.orgA.users[role].username);
        const response = await h.as(session, route.method, fillParams(route.url), {});
        expect(response.statusCode, `${role} → ${routeKey(route.method, route.url)}`).toBe(403);
      }
    }
  });

  it('never serves organisation A’s records to a user of organisation B', async () => {
    const secrets = orgASecrets();
    for (const route of protectedRoutes()) {
      const role = route.access.roles[0];
      if (role === undefined) throw new Error(`route ${route.url} allows no role`);
      const session = await liveSession(sessionsB, role, h.orgB.users[role].username);
      const response = await h.as(session, route.method, fillParams(route.url), {});
      const key = `${role}@B → ${routeKey(route.method, route.url)}`;
      const namesRecord = /:([A-Za-z]+)/.exec(route.url) !== null;
      if (namesRecord) {
        const params = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '');
        expect(
          params.every(isKnownOwnedParam),
          `${key}: every path parameter must be ownership-checked`,
        ).toBe(true);
        expect(response.statusCode, key).toBe(404);
      } else {
        expect(response.statusCode, key).toBeLessThan(500);
      }
      for (const secret of secrets) expect(response.body, `${key} leaks ${secret}`).not.toContain(secret);
      // The API answers with personal data throughout: no browser or proxy may keep a copy.
      expect(response.headers['cache-control'], key).toBe('no-store');
    }
  });

  it('refuses to register a route that declares no access rule', async () => {
    const { buildApp } = await import('./app');
    const { DEFAULT_APP_CONFIG } = await import('./config');
    const { DEFAULT_CONFIG } = await import('@osteopad/clinical');
    const app = await buildApp({
      db: h.db.app.db,
      clock: () => new Date(),
      config: { ...DEFAULT_APP_CONFIG, logLevel: 'silent' },
      clinical: DEFAULT_CONFIG,
    });
    expect(() => app.get('/api/forgotten', () => 'open')).toThrow(/declares no access rule/);
    await app.close();
  });
});

// The patient portal (issue 13): a patient reaches only the portal's routes and their own session's, and
// the portal's routes answer from the session's patient only, whatever the request names.
describe('patient portal routes', () => {
  /** The routes every signed-in user has for their own session (GET /api/auth/session, logout, password). */
  const OWN_SESSION_ROUTES = new Set([
    'GET /api/auth/session',
    'POST /api/auth/logout',
    'POST /api/auth/password',
  ]);
  // The advice calculators (advice/): computation on the answers sent, no record read or written.
  const NO_RECORD_ROUTES = new Set([
    'GET /api/advice/calcium/foods',
    'POST /api/advice/calcium',
    'POST /api/advice/vitamin-d',
  ]);
  let secondPatient: Session;

  beforeAll(async () => {
    const { createUser } = await import('../users/userAccounts');
    const { TEST_PASSWORD } = await import('../../test/appHarness');
    await createUser(h.db.app.db, {
      organizationId: h.orgA.id,
      username: 'patient2.alpha',
      displayName: 'Second patient',
      role: 'patient',
      password: TEST_PASSWORD,
      patientId: h.orgA.patientIds[1] ?? null,
    });
    secondPatient = await h.login('patient2.alpha');
  });

  it('lets a patient session reach no staff route: every route allowing patients is the portal’s, their own session’s or a calculator’s', () => {
    const forPatients = protectedRoutes()
      .filter((r) => r.access.roles.includes('patient'))
      .map((r) => routeKey(r.method, r.url));
    expect(forPatients.length).toBeGreaterThan(OWN_SESSION_ROUTES.size);
    for (const key of forPatients) {
      const allowed =
        OWN_SESSION_ROUTES.has(key) ||
        NO_RECORD_ROUTES.has(key) ||
        key.split(' ')[1]?.startsWith('/api/portal/');
      expect(allowed, key).toBe(true);
    }
  });

  it('answers every other route to a patient session with 403 or 404', async () => {
    for (const route of protectedRoutes().filter((r) => !r.access.roles.includes('patient'))) {
      const response = await h.as(secondPatient, route.method, fillParams(route.url), {});
      expect([403, 404], `patient → ${routeKey(route.method, route.url)}`).toContain(response.statusCode);
    }
  });

  it('walks every portal route with a second patient’s session and the first patient’s ids: only their own data', async () => {
    const firstPatientId = h.orgA.patientIds[0] ?? '';
    const secondPatientId = h.orgA.patientIds[1] ?? '';
    const firstSecrets = [firstPatientId, 'Alpha Hospital Patient0', ...Object.values(paramValues)];
    const portalRoutes = protectedRoutes().filter((r) => r.url.startsWith('/api/portal/'));
    expect(portalRoutes.length).toBeGreaterThanOrEqual(2);
    for (const route of portalRoutes) {
      const key = `second patient → ${routeKey(route.method, route.url)}`;
      // Ids in the path, the query and the body name the first patient's records: never obeyed.
      const url = `${fillParams(route.url)}?patientId=${firstPatientId}`;
      const response = await h.as(secondPatient, route.method, url, { patientId: firstPatientId });
      expect(response.statusCode, key).toBeLessThan(500);
      for (const secret of firstSecrets)
        expect(response.body, `${key} leaks ${secret}`).not.toContain(secret);
      // A read answers the patient's own data; a write without a body is refused and changes nothing.
      const plain = await h.as(secondPatient, route.method, fillParams(route.url));
      expect(plain.statusCode, key).toBe(route.method === 'GET' ? 200 : 400);
      for (const secret of firstSecrets) expect(plain.body, `${key} leaks ${secret}`).not.toContain(secret);
    }
    const me = await h.as(secondPatient, 'GET', '/api/portal/me');
    expect(me.json()).toMatchObject({ patient: { familyName: 'Alpha Hospital Patient1' } });
    const logged = await h.db.owner.query(
      `SELECT DISTINCT patient_id FROM audit_events WHERE username = 'patient2.alpha' AND action = 'read'`,
    );
    expect(logged.rows).toEqual([{ patient_id: secondPatientId }]);
  });
});
