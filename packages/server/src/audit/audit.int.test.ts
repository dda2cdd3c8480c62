import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';

let h: Harness;
let nurse: Session;
let admin: Session;

interface AuditRow {
  username: string;
  role: string;
  organization_id: string;
  patient_id: string | null;
  action: string;
  object_type: string;
  object_id: string;
  client_address: string;
  reason: string;
  outcome: string;
}

async function auditRows(where: string, params: unknown[]): Promise<AuditRow[]> {
  const r = await h.db.owner.query<AuditRow>(`SELECT * FROM audit_events WHERE ${where} ORDER BY id`, params);
  return r.rows;
}

beforeAll(async () => {
  h = await createHarness();
  nurse = await h.login(h.orgA.users.nurse.username);
  admin = await h.login(h.orgA.users.admin.username);
});
afterAll(async () => {
  await h.close();
});

describe('every read and write of patient data is audited', () => {
  it('opening a patient record writes who, role, organisation, patient, action, object, address and why', async () => {
    const patientId = h.orgA.patientIds[1] ?? '';
    const response = await h.app.inject({
      method: 'GET',
      url: `/api/patients/${patientId}`,
      cookies: { osteopad_session: nurse.cookie },
      headers: { 'x-access-reason': 'telefonisch consult' },
      remoteAddress: '192.0.2.44',
    });
    expect(response.statusCode).toBe(200);
    const rows = await auditRows(`patient_id = $1 AND action = 'read'`, [patientId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      username: h.orgA.users.nurse.username,
      role: 'nurse',
      organization_id: h.orgA.id,
      patient_id: patientId,
      action: 'read',
      object_type: 'patient',
      object_id: patientId,
      client_address: '192.0.2.44',
      reason: 'treatment: telefonisch consult',
      outcome: 'success',
    });
  });

  it('a search logs one read per patient shown', async () => {
    const before = await auditRows(`action = 'read' AND object_type = 'patient'`, []);
    const response = await h.as(nurse, 'POST', '/api/patients/search', { q: 'Alpha' });
    const body = response.json<{ items: { id: string }[] }>();
    expect(body.items.length).toBe(h.orgA.patientIds.length);
    const after = await auditRows(`action = 'read' AND object_type = 'patient'`, []);
    const added = after
      .slice(before.length)
      .map((r) => r.patient_id)
      .sort();
    expect(added).toEqual(body.items.map((i) => i.id).sort());
  });

  it('creating a patient writes a create event', async () => {
    const response = await h.as(nurse, 'POST', '/api/patients', {
      familyName: 'Nieuw',
      birthDate: '1948-03-02',
      sex: 'male',
      bsn: '111222333',
    });
    expect(response.statusCode).toBe(201);
    const id = response.json<{ id: string }>().id;
    expect(await auditRows(`patient_id = $1`, [id])).toMatchObject([
      { action: 'create', object_type: 'patient' },
    ]);
  });

  it('a failed read of another organisation’s patient is refused and logged as denied', async () => {
    const foreign = h.orgB.patientIds[0] ?? '';
    const response = await h.as(nurse, 'GET', `/api/patients/${foreign}`);
    expect(response.statusCode).toBe(404);
    const rows = await h.db.owner.query<{
      action: string;
      outcome: string;
      organization_id: string;
      details: unknown;
    }>(
      `SELECT action, outcome, organization_id, details FROM audit_events WHERE details->'params'->>'patientId' = $1`,
      [foreign],
    );
    expect(rows.rows).toEqual([
      {
        action: 'access_denied',
        outcome: 'denied',
        organization_id: h.orgA.id,
        details: { params: { patientId: foreign }, why: 'not_in_organization' },
      },
    ]);
  });
});

describe('admins list and filter audit events', () => {
  it('filters by patient and action, newest first, and logs the look-up itself', async () => {
    const patientId = h.orgA.patientIds[1] ?? '';
    const response = await h.as(admin, 'POST', '/api/audit-events/search', { patientId, action: 'read' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      items: { patientId: string; action: string; occurredAt: string }[];
      total: number;
    }>();
    expect(body.total).toBeGreaterThanOrEqual(2);
    expect(body.items.every((i) => i.patientId === patientId && i.action === 'read')).toBe(true);
    const times = body.items.map((i) => i.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    const meta = await auditRows(`object_type = 'audit_events' AND username = $1`, [
      h.orgA.users.admin.username,
    ]);
    expect(meta.length).toBeGreaterThanOrEqual(1);
  });

  it('filters by date range (inclusive days, Europe/Amsterdam)', async () => {
    const none = await h.as(admin, 'POST', '/api/audit-events/search', {
      from: '2000-01-01',
      to: '2000-01-31',
    });
    expect(none.json<{ total: number }>().total).toBe(0);
  });

  it('shows only its own organisation’s events', async () => {
    const response = await h.as(admin, 'POST', '/api/audit-events/search', { limit: 200 });
    const ids = response.json<{ items: { patientId: string | null }[] }>().items.map((i) => i.patientId);
    for (const foreign of h.orgB.patientIds) expect(ids).not.toContain(foreign);
  });

  it('refuses non-admins', async () => {
    expect((await h.as(nurse, 'POST', '/api/audit-events/search', {})).statusCode).toBe(403);
  });

  it('rejects unknown filters with the field named', async () => {
    const response = await h.as(admin, 'POST', '/api/audit-events/search', { patient: 1 });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ issues: [{ field: 'body.patient', code: 'unknown_field' }] });
  });

  it('filters by username sent in the body, never in the URL', async () => {
    const username = h.orgA.users.nurse.username;
    const response = await h.as(admin, 'POST', '/api/audit-events/search', { username });
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: { username: string }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.username === username)).toBe(true);
    const inUrl = await h.as(admin, 'GET', `/api/audit-events?username=${username}`);
    expect(inUrl.statusCode).toBe(400);
    expect(inUrl.json()).toMatchObject({ error: 'personal_data_in_url' });
  });
});
