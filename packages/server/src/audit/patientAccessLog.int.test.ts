// The patient's access log (GET /api/portal/access-log): the audit events of their own record only,
// newest first, with staff by name and role, their own reads as "self", paged; reading it is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalAccessLog } from '@osteopad/contract';
import { createHarness, TEST_PASSWORD, type Harness, type Session } from '../../test/appHarness';
import { createUser } from '../users/userAccounts';

let h: Harness;
let patient: Session;
let nurse: Session;
let own = '';
let other = '';

async function log(query = ''): Promise<PortalAccessLog> {
  const r = await h.as(patient, 'GET', `/api/portal/access-log${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<PortalAccessLog>();
}

beforeAll(async () => {
  h = await createHarness();
  own = h.orgA.patientIds[0] ?? '';
  other = h.orgA.patientIds[1] ?? '';
  await createUser(h.db.app.db, {
    organizationId: h.orgA.id,
    username: 'patient.log',
    displayName: 'Patient with a log',
    role: 'patient',
    password: TEST_PASSWORD,
    patientId: own,
  });
  patient = await h.login('patient.log');
  nurse = await h.login(h.orgA.users.nurse.username);
  // The nurse opens this patient's record, and another patient's.
  expect((await h.as(nurse, 'GET', `/api/patients/${own}`)).statusCode).toBe(200);
  expect((await h.as(nurse, 'GET', `/api/patients/${other}`)).statusCode).toBe(200);
}, 120_000);

afterAll(async () => {
  await h.close();
});

describe('the portal access log', () => {
  it('shows the nurse who opened the record, by name and role, and nothing of another patient', async () => {
    const { entries } = await log();
    const byNurse = entries.filter((e) => e.who === 'staff');
    expect(byNurse.length).toBeGreaterThan(0);
    expect(byNurse[0]).toMatchObject({
      name: 'nurse of Alpha Hospital',
      role: 'nurse',
      action: 'read',
      objectType: 'patient',
    });
    const ids = entries.map((e) => e.id);
    const ofOther = await h.db.owner.query<{ id: string }>(
      'SELECT id FROM audit_events WHERE patient_id = $1',
      [other],
    );
    expect(ofOther.rows.length).toBeGreaterThan(0);
    for (const row of ofOther.rows) expect(ids).not.toContain(Number(row.id));
    // Newest first.
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });

  it('records its own reading, shown to the patient as their own access', async () => {
    const before = await h.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events
        WHERE patient_id = $1 AND object_type = 'access_log' AND username = 'patient.log'`,
      [own],
    );
    const { entries } = await log();
    const after = await h.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events
        WHERE patient_id = $1 AND object_type = 'access_log' AND username = 'patient.log'`,
      [own],
    );
    expect((after.rows[0]?.n ?? 0) - (before.rows[0]?.n ?? 0)).toBe(1);
    expect(entries[0]).toMatchObject({ who: 'self', name: '', role: '', objectType: 'access_log' });
  });

  it('pages from newest to oldest without gaps or repeats', async () => {
    const all = (await log('?limit=50')).entries.map((e) => e.id);
    // The call above is itself a new newest entry: page from there.
    const seen: number[] = [];
    let before: number | null = null;
    do {
      const page: PortalAccessLog = await log(
        `?limit=2${before === null ? '' : `&before=${String(before)}`}`,
      );
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries.map((e) => e.id));
      before = page.nextBefore;
    } while (before !== null);
    // Each page read is logged as it is read: the walk saw everything the first read saw, once each.
    expect(seen.filter((id) => all.includes(id))).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a page larger than 50 at its field', async () => {
    const r = await h.as(patient, 'GET', '/api/portal/access-log?limit=51');
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ issues: [{ field: 'querystring.limit' }] });
  });
});
