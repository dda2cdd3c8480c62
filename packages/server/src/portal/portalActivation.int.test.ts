import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createHarness, cookieValue, type Harness, type Session } from '../../test/appHarness';
import { SESSION_COOKIE } from '../auth/authenticate';
import { hashPortalCode } from './activationCodes';
import { DEFAULT_PORTAL_SETTINGS } from './portalSettings';
import { birthDateOf, issueCode, PATIENT_PASSWORD } from './test-support/portalFixtures';

let h: Harness;

beforeAll(async () => {
  h = await createHarness({ portal: { ...DEFAULT_PORTAL_SETTINGS, rateLimitMax: 1000 } });
}, 120_000);
afterAll(async () => {
  await h.close();
});

function activate(body: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return h.app.inject({ method: 'POST', url: '/api/portal/activate', payload: body });
}

function sessionOf(response: LightMyRequestResponse): Session {
  const body = response.json<{ csrfToken: string }>();
  return { cookie: cookieValue(response), csrfToken: body.csrfToken, role: 'patient', userId: '' };
}

const problemOf = (r: LightMyRequestResponse) => {
  const { error, message, issues } = r.json<{ error: string; message: string; issues: unknown }>();
  return { status: r.statusCode, error, message, issues };
};

describe('portal activation with the letter’s code and the date of birth', () => {
  it('hashes a code in SQL exactly as in Node (migration 0029 turned the plain codes into hashes)', async () => {
    const sqlHash = await h.db.owner.query<{ h: string }>(
      `SELECT encode(sha256(convert_to(upper(regexp_replace('k7qm-3xpd 9rtw', '[\\s-]', '', 'g')), 'UTF8')), 'hex') AS h`,
    );
    expect(sqlHash.rows[0]?.h).toBe(hashPortalCode('K7QM-3XPD-9RTW'));
  });

  it('opens a new patient account, signs the patient in and uses the code up', async () => {
    const patientId = h.orgA.patientIds[1] ?? '';
    const code = await issueCode(h, h.orgA.id, patientId);
    const birthDate = await birthDateOf(h, patientId);
    const r = await activate({
      code: code.toLowerCase().replace(/-/g, ' '),
      birthDate,
      username: 'ria.alpha',
      password: PATIENT_PASSWORD,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ username: 'ria.alpha', existingAccount: false });
    const session = sessionOf(r);
    const me = await h.as(session, 'GET', '/api/portal/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ patient: { familyName: 'Alpha Hospital Patient1', birthDate } });
    // Signs in with the password from now on.
    const login = await h.login('ria.alpha', PATIENT_PASSWORD);
    expect(login.role).toBe('patient');
    // The code works once.
    const again = await activate({ code, birthDate, username: 'ria.other', password: PATIENT_PASSWORD });
    expect(problemOf(again)).toMatchObject({ status: 409, error: 'portal_code_used' });
    expect(again.json()).toMatchObject({ clinicName: 'Alpha Hospital', clinicPhone: '012-3456789' });
    const audit = await h.db.owner.query(
      `SELECT action, object_type, outcome FROM audit_events WHERE patient_id = $1 ORDER BY id`,
      [patientId],
    );
    expect(audit.rows).toContainEqual({ action: 'create', object_type: 'user', outcome: 'success' });
    expect(audit.rows).toContainEqual({ action: 'read', object_type: 'patient', outcome: 'success' });
  });

  it('answers a wrong code and a wrong date of birth alike, and locks the code after repeated wrong tries', async () => {
    const patientId = h.orgA.patientIds[2] ?? '';
    const code = await issueCode(h, h.orgA.id, patientId);
    const birthDate = await birthDateOf(h, patientId);
    const account = { username: 'piet.alpha', password: PATIENT_PASSWORD };
    const wrongCode = problemOf(await activate({ code: 'AAAA-BBBB-CCCC', birthDate, ...account }));
    const wrongBirth = problemOf(await activate({ code, birthDate: '1900-01-01', ...account }));
    expect(wrongCode).toMatchObject({ status: 400, error: 'activation_failed' });
    expect(wrongBirth).toEqual(wrongCode);
    // Four more wrong dates of birth (five in all) lock the code: the right one is refused alike.
    for (let i = 0; i < 4; i++) await activate({ code, birthDate: '1900-01-02', ...account });
    expect(problemOf(await activate({ code, birthDate, ...account }))).toEqual(wrongCode);
    const stored = await h.db.owner.query<{ used_at: Date | null; locked: boolean }>(
      `SELECT used_at, locked_until > $2 AS locked FROM portal_activation_codes WHERE code_hash = $1`,
      [hashPortalCode(code), h.clock.now()],
    );
    expect(stored.rows).toEqual([{ used_at: null, locked: true }]);
    // After the lock (15 minutes) the right date of birth opens it.
    h.clock.advanceMinutes(16);
    expect((await activate({ code, birthDate, ...account })).statusCode).toBe(200);
  });

  it('says that an expired or replaced code no longer works, and whom to call — only with the right date of birth', async () => {
    const patientId = h.orgB.patientIds[1] ?? '';
    const birthDate = await birthDateOf(h, patientId);
    const account = { username: 'jan.beta', password: PATIENT_PASSWORD };
    const first = await issueCode(h, h.orgB.id, patientId);
    const second = await issueCode(h, h.orgB.id, patientId);
    const replaced = await activate({ code: first, birthDate, ...account });
    expect(problemOf(replaced)).toMatchObject({ status: 409, error: 'portal_code_replaced' });
    expect(replaced.json()).toMatchObject({ clinicName: 'Beta Hospital', clinicPhone: '012-3456789' });
    expect(problemOf(await activate({ code: first, birthDate: '1900-01-01', ...account }))).toMatchObject({
      status: 400,
      error: 'activation_failed',
    });
    h.clock.advanceMinutes(91 * 24 * 60);
    const expired = await activate({ code: second, birthDate, ...account });
    expect(problemOf(expired)).toMatchObject({ status: 409, error: 'portal_code_expired' });
    expect(expired.json<{ message: string }>().message).toContain('012-3456789');
  });

  it('gives a patient who has an account a new password and keeps the username', async () => {
    const patientId = h.orgA.patientIds[0] ?? '';
    const code = await issueCode(h, h.orgA.id, patientId);
    const r = await activate({
      code,
      birthDate: await birthDateOf(h, patientId),
      username: 'ignored.name',
      password: PATIENT_PASSWORD,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ username: h.orgA.users.patient.username, existingAccount: true });
    expect((await h.login(h.orgA.users.patient.username, PATIENT_PASSWORD)).role).toBe('patient');
  });

  it('refuses a taken username at its field and leaves the code unused', async () => {
    const patientId = h.orgB.patientIds[2] ?? '';
    const code = await issueCode(h, h.orgB.id, patientId);
    const birthDate = await birthDateOf(h, patientId);
    const taken = await activate({ code, birthDate, username: 'RIA.ALPHA', password: PATIENT_PASSWORD });
    expect(problemOf(taken)).toMatchObject({
      status: 409,
      error: 'username_taken',
      issues: [{ field: 'body.username', code: 'duplicate' }],
    });
    expect(
      (await activate({ code, birthDate, username: 'kees.beta', password: PATIENT_PASSWORD })).statusCode,
    ).toBe(200);
  });

  it('refuses bad input at the field and changes nothing', async () => {
    const r = await activate({
      code: 'AB<script>',
      birthDate: '1950-02-30',
      username: 'x',
      password: 'short',
    });
    expect(r.statusCode).toBe(400);
    const fields = r.json<{ issues: { field: string }[] }>().issues.map((i) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.code', 'body.birthDate', 'body.username', 'body.password']),
    );
  });

  it('rate-limits activation per client address', async () => {
    const limited = await createHarness({
      portal: { ...DEFAULT_PORTAL_SETTINGS, rateLimitMax: 3 },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/api/portal/activate',
          payload: {
            code: 'AAAA-BBBB-CCCC',
            birthDate: '1950-01-01',
            username: 'abc',
            password: PATIENT_PASSWORD,
          },
        });
        statuses.push(r.statusCode);
      }
      expect(statuses).toEqual([400, 400, 400, 429]);
    } finally {
      await limited.close();
    }
  }, 120_000);

  it('keeps the session cookie httpOnly and strict', async () => {
    const patientId = h.orgB.patientIds[0] ?? '';
    const code = await issueCode(h, h.orgB.id, patientId);
    const r = await activate({
      code,
      birthDate: await birthDateOf(h, patientId),
      username: 'x.beta',
      password: PATIENT_PASSWORD,
    });
    const cookie = r.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  });
});
