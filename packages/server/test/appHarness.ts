import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import { buildApp, type AppDeps } from '../src/http/app';
import { DEFAULT_APP_CONFIG, type AppConfig } from '../src/http/config';
import { organizations, patients } from '../src/db/schema';
import { inOrganization } from '../src/audit/auditedTransaction';
import { createUser } from '../src/users/userAccounts';
import { newPortalCode } from '../src/patients/portalCode';
import { demoBsns } from '../src/demo/demoData';
import { ROLES, type Role } from '@osteopad/contract';
import { SESSION_COOKIE } from '../src/auth/authenticate';
import { createTestDatabase, type TestDatabase } from './testDatabase';

export const TEST_PASSWORD = 'correct horse battery staple';

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(private current = new Date('2026-11-21T09:00:00Z')) {}
  now = (): Date => new Date(this.current);
  set(instant: string): void {
    this.current = new Date(instant);
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export interface Session {
  cookie: string;
  csrfToken: string;
  role: Role;
  userId: string;
}

export interface TestOrganization {
  id: string;
  name: string;
  users: Record<Role, { id: string; username: string }>;
  patientIds: string[];
}

export interface Harness {
  db: TestDatabase;
  app: FastifyInstance;
  clock: ManualClock;
  orgA: TestOrganization;
  orgB: TestOrganization;
  login: (username: string, password?: string) => Promise<Session>;
  as: (session: Session, method: string, url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
}

let bsnCursor = 0;
const BSNS = demoBsns(2000, 999_500_000);

export async function createOrganization(
  db: TestDatabase,
  name: string,
  patientCount = 3,
): Promise<TestOrganization> {
  const orgRows = await db.app.db
    .insert(organizations)
    .values({ name, department: 'Fractuurpreventie', city: 'Teststad', phoneDepartment: '012-3456789' })
    .returning({ id: organizations.id });
  const id = orgRows[0]?.id;
  if (id === undefined) throw new Error('no organisation');
  const slug = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const patientRows =
    patientCount === 0
      ? []
      : await inOrganization(db.app.db, id, (tx) =>
          tx
            .insert(patients)
            .values(
              Array.from({ length: patientCount }, (_, i) => ({
                organizationId: id,
                bsn: BSNS[bsnCursor++] ?? null,
                familyName: `${name} Patient${i}`,
                givenNames: 'Testa',
                birthDate: `195${i % 10}-0${1 + (i % 9)}-1${i % 10}`,
                sex: 'female' as const,
                portalCode: newPortalCode(),
              })),
            )
            .returning({ id: patients.id }),
        );
  const patientIds = patientRows.map((p) => p.id);
  const users = {} as Record<Role, { id: string; username: string }>;
  for (const role of ROLES) {
    if (role === 'patient' && patientIds.length === 0) continue;
    const username = `${role}.${slug}`;
    const user = await createUser(db.app.db, {
      organizationId: id,
      username,
      displayName: `${role} of ${name}`,
      role,
      password: TEST_PASSWORD,
      patientId: role === 'patient' ? (patientIds[0] ?? null) : null,
    });
    users[role] = { id: user.id, username };
  }
  return { id, name, users, patientIds };
}

export function cookieValue(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (cookie === undefined)
    throw new Error(`no session cookie (status ${response.statusCode}: ${response.body})`);
  return cookie.value;
}

/**
 * Another app on the harness's database and clock, with other upload settings (and other deps, such as a
 * job queue): for the tests of what those settings change. Sessions of the harness work on it too.
 */
export function appWithUploads(
  h: Pick<Harness, 'db' | 'clock'>,
  uploads: Partial<AppConfig['uploads']>,
  deps: Partial<Pick<AppDeps, 'jobs'>> = {},
): Promise<FastifyInstance> {
  return buildApp({
    db: h.db.app.db,
    clock: h.clock.now,
    clinical: DEFAULT_CONFIG,
    config: {
      ...DEFAULT_APP_CONFIG,
      logLevel: 'silent',
      uploads: { ...DEFAULT_APP_CONFIG.uploads, ...uploads },
    },
    ...deps,
  });
}

export async function createHarness(config: Partial<AppConfig> = {}): Promise<Harness> {
  const db = await createTestDatabase();
  const clock = new ManualClock();
  const app = await buildApp({
    db: db.app.db,
    clock: clock.now,
    clinical: DEFAULT_CONFIG,
    config: { ...DEFAULT_APP_CONFIG, logLevel: 'silent', ...config },
  });
  await app.ready();
  const orgA = await createOrganization(db, 'Alpha Hospital');
  const orgB = await createOrganization(db, 'Beta Hospital');
  const login = async (username: string, password = TEST_PASSWORD): Promise<Session> => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    if (response.statusCode !== 200)
      throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
    const body = response.json<{ csrfToken: string; user: { role: Role; id: string } }>();
    return {
      cookie: cookieValue(response),
      csrfToken: body.csrfToken,
      role: body.user.role,
      userId: body.user.id,
    };
  };
  const as = (session: Session, method: string, url: string, payload?: unknown) =>
    app.inject({
      method: method as 'GET',
      url,
      cookies: { [SESSION_COOKIE]: session.cookie },
      headers: { 'x-csrf-token': session.csrfToken },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  return {
    db,
    app,
    clock,
    orgA,
    orgB,
    login,
    as,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
