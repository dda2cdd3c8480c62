// The audit log a privacy officer can use (issue 14 item 5): find the patient by name, hospital number
// or BSN, read names instead of ids, export the selection as CSV — and every step is itself audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CSV_HEADERS } from './auditCsvColumns';
import { exportAuditEvents } from './auditExport';
import { createHarness, type Harness, type Session } from '../../test/appHarness';

let h: Harness;
let nurse: Session;
let admin: Session;
let patientId: string;
let otherId: string;
let bsn: string;

/** Reads RFC 4180 CSV back (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) throw new Error('the last line has no CRLF');
  return rows;
}

async function eventsOf(where: string, params: unknown[]) {
  const r = await h.db.owner.query<{
    action: string;
    object_type: string;
    patient_id: string | null;
    outcome: string;
    occurred_at: Date;
    details: Record<string, unknown>;
  }>(
    `SELECT action, object_type, patient_id, outcome, occurred_at, details FROM audit_events WHERE ${where} ORDER BY id`,
    params,
  );
  return r.rows;
}

async function maxEventId(): Promise<number> {
  const r = await h.db.owner.query<{ id: string | null }>('SELECT max(id)::text AS id FROM audit_events');
  return Number(r.rows[0]?.id ?? 0);
}

beforeAll(async () => {
  h = await createHarness();
  nurse = await h.login(h.orgA.users.nurse.username);
  admin = await h.login(h.orgA.users.admin.username);
  patientId = h.orgA.patientIds[1] ?? '';
  otherId = h.orgA.patientIds[2] ?? '';
  // A name with a quote and a comma, and a hospital number: what the CSV must quote and the picker find.
  const updated = await h.db.owner.query<{ bsn: string }>(
    `UPDATE patients SET family_name = 'de "Groot"', given_names = 'Anna, Maria', source_system = 'HIS',
       source_id = 'HN4711' WHERE id = $1 RETURNING bsn`,
    [patientId],
  );
  bsn = updated.rows[0]?.bsn ?? '';
  // The nurse opens both records: the events the audit log will show by name.
  for (const id of [patientId, otherId]) {
    expect((await h.as(nurse, 'GET', `/api/patients/${id}`)).statusCode).toBe(200);
  }
  // An event whose reason a spreadsheet would run as a formula.
  await h.db.owner.query(
    `INSERT INTO audit_events (user_id, username, role, organization_id, patient_id, action, object_type, object_id, reason)
     VALUES ($1, $2, 'nurse', $3, $4::uuid, 'read', 'patient', $4::text, '=HYPERLINK("http://x.example","klik")')`,
    [nurse.userId, h.orgA.users.nurse.username, h.orgA.id, patientId],
  );
});
afterAll(async () => {
  await h.close();
});

describe('the patient picker finds a patient by name, hospital number or BSN', () => {
  it('finds by words of the name, never another organisation’s patient, and answers no BSN', async () => {
    const response = await h.as(admin, 'POST', '/api/audit-events/patients', { q: 'groot anna' });
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: Record<string, unknown>[] }>().items;
    expect(items).toEqual([
      {
        id: patientId,
        familyName: 'de "Groot"',
        givenNames: 'Anna, Maria',
        initials: '',
        hospitalNumber: 'HN4711',
        birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
      },
    ]);
    const all = await h.as(admin, 'POST', '/api/audit-events/patients', { q: 'patient', limit: 20 });
    const ids = all.json<{ items: { id: string }[] }>().items.map((i) => i.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const foreign of h.orgB.patientIds) expect(ids).not.toContain(foreign);
  });

  it('finds by the exact hospital number and the exact BSN only', async () => {
    const byNumber = await h.as(admin, 'POST', '/api/audit-events/patients', { q: 'HN4711' });
    expect(byNumber.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([patientId]);
    const partialNumber = await h.as(admin, 'POST', '/api/audit-events/patients', { q: 'HN47' });
    expect(partialNumber.json<{ items: unknown[] }>().items).toEqual([]);
    const byBsn = await h.as(admin, 'POST', '/api/audit-events/patients', { q: bsn });
    expect(byBsn.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([patientId]);
    const partialBsn = await h.as(admin, 'POST', '/api/audit-events/patients', { q: bsn.slice(0, 6) });
    expect(partialBsn.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('logs every patient it answered as read, in one insert', async () => {
    const before = await maxEventId();
    await h.as(admin, 'POST', '/api/audit-events/patients', { q: 'patient', limit: 20 });
    const reads = await eventsOf(`id > $1 AND action = 'read' AND object_type = 'patient'`, [before]);
    expect(reads.length).toBeGreaterThan(1);
    expect(reads.every((r) => r.details.view === 'audit_patient_picker')).toBe(true);
    expect(new Set(reads.map((r) => r.occurred_at.getTime())).size).toBe(1);
  });

  it('refuses an empty search with the field named', async () => {
    const response = await h.as(admin, 'POST', '/api/audit-events/patients', { q: '  ' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ issues: [{ field: 'body.q' }] });
  });
});

describe('the audit log names people instead of ids', () => {
  it('filters on the chosen patient and names the actor and the patient on every row', async () => {
    const before = await maxEventId();
    const response = await h.as(admin, 'POST', '/api/audit-events/search', { patientId });
    expect(response.statusCode).toBe(200);
    const items = response.json<{
      items: { patientId: string; actorName: string | null; username: string; patient: unknown }[];
    }>().items;
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.every((i) => i.patientId === patientId)).toBe(true);
    const nurseRow = items.find((i) => i.username === h.orgA.users.nurse.username);
    expect(nurseRow?.actorName).toBe('nurse of Alpha Hospital');
    expect(nurseRow?.patient).toMatchObject({
      familyName: 'de "Groot"',
      givenNames: 'Anna, Maria',
      hospitalNumber: 'HN4711',
    });
    // Reading the log: the look-up itself, and the one patient it names, in one transaction.
    const logged = await eventsOf(`id > $1`, [before]);
    expect(logged.map((r) => [r.action, r.object_type, r.patient_id])).toEqual([
      ['read', 'audit_events', patientId],
      ['read', 'patient', patientId],
    ]);
    expect(logged[1]?.details).toEqual({ view: 'audit_log' });
  });

  it('logs each patient a page names once', async () => {
    const before = await maxEventId();
    const response = await h.as(admin, 'POST', '/api/audit-events/search', { action: 'read', limit: 200 });
    const named = new Set(
      response
        .json<{ items: { patientId: string | null; patient: unknown }[] }>()
        .items.filter((i) => i.patient !== null)
        .map((i) => i.patientId),
    );
    const reads = await eventsOf(`id > $1 AND object_type = 'patient'`, [before]);
    expect(reads.map((r) => r.patient_id).sort()).toEqual([...named].sort());
  });
});

describe('the CSV export', () => {
  it('holds the whole selection with names, quoted and defused, UTF-8 with BOM, named by date', async () => {
    const search = await h.as(admin, 'POST', '/api/audit-events/search', { patientId, limit: 200 });
    const expected = search.json<{ total: number }>().total;
    const response = await h.as(admin, 'POST', '/api/audit-events/export.csv', { patientId });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="auditlog-${h.clock.now().toISOString().slice(0, 10)}.csv"`,
    );
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.includes('"de ""Groot"", Anna, Maria"')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(Object.values(AUDIT_CSV_HEADERS.nl));
    // The search above left two events of this patient (the look-up and the patient's read): the export sees them.
    expect(rows).toHaveLength(expected + 2);
    const column = (name: keyof typeof AUDIT_CSV_HEADERS.nl) =>
      (header ?? []).indexOf(AUDIT_CSV_HEADERS.nl[name]);
    const nurseRows = rows.filter((r) => r[column('username')] === h.orgA.users.nurse.username);
    expect(nurseRows.length).toBeGreaterThanOrEqual(2);
    for (const row of nurseRows) {
      expect(row[column('actorName')]).toBe('nurse of Alpha Hospital');
      expect(row[column('role')]).toBe('nurse');
      expect(row[column('patientName')]).toBe('de "Groot", Anna, Maria');
      expect(row[column('hospitalNumber')]).toBe('HN4711');
      expect(row[column('occurredAt')]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    const reasons = rows.map((r) => r[column('reason')]);
    expect(reasons).toContain(`'=HYPERLINK("http://x.example","klik")`);
    expect(reasons.some((r) => r?.startsWith('='))).toBe(false);
  });

  it('has an English header row on request', async () => {
    const response = await h.as(admin, 'POST', '/api/audit-events/export.csv', {
      patientId: otherId,
      locale: 'en',
    });
    const [header] = parseCsv(response.body.slice(1));
    expect(header).toEqual(Object.values(AUDIT_CSV_HEADERS.en));
  });

  it('is audited in its own transaction: who, which filter, how many rows, and each patient named', async () => {
    const before = await maxEventId();
    const response = await h.as(admin, 'POST', '/api/audit-events/export.csv', {
      patientId: otherId,
      action: 'read',
    });
    const rows = parseCsv(response.body.slice(1)).length - 1;
    expect(rows).toBeGreaterThanOrEqual(1);
    const logged = await h.db.owner.query<{
      username: string;
      action: string;
      object_type: string;
      patient_id: string;
      details: unknown;
      occurred_at: Date;
    }>(
      `SELECT username, action, object_type, patient_id, details, occurred_at FROM audit_events WHERE id > $1 ORDER BY id`,
      [before],
    );
    expect(logged.rows.map((r) => ({ ...r, occurred_at: undefined }))).toEqual([
      {
        username: h.orgA.users.admin.username,
        action: 'export',
        object_type: 'audit_events',
        patient_id: otherId,
        details: { format: 'csv', filter: { patientId: otherId, action: 'read' }, rows },
        occurred_at: undefined,
      },
      {
        username: h.orgA.users.admin.username,
        action: 'read',
        object_type: 'patient',
        patient_id: otherId,
        details: { view: 'audit_export' },
        occurred_at: undefined,
      },
    ]);
    expect(new Set(logged.rows.map((r) => r.occurred_at.getTime())).size).toBe(1);
  });

  it('refuses a selection over the cap, and logs the refused export as failed', async () => {
    const session = await h.db.owner.query<{ id: string; display_name: string }>(
      'SELECT id, display_name FROM users WHERE username = $1',
      [h.orgA.users.admin.username],
    );
    const actor = {
      userId: session.rows[0]?.id ?? '',
      username: h.orgA.users.admin.username,
      displayName: session.rows[0]?.display_name ?? '',
      role: 'admin' as const,
      organizationId: h.orgA.id,
      patientId: null,
      clientAddress: '127.0.0.1',
      sessionTokenHash: '',
      csrfToken: '',
      accessReason: '',
    };
    const before = await maxEventId();
    await expect(exportAuditEvents(h.db.app.db, actor, { patientId, locale: 'nl' }, 2)).rejects.toMatchObject(
      {
        kind: 'unprocessable',
        code: 'audit_export_too_large',
      },
    );
    const logged = await eventsOf(`id > $1`, [before]);
    expect(logged).toMatchObject([
      { action: 'export', outcome: 'failure', details: { rows: 3, error: 'audit_export_too_large' } },
    ]);
  });

  it('names the records a refused request named, never another organisation’s ids', async () => {
    const foreign = h.orgB.patientIds[0] ?? '';
    expect((await h.as(nurse, 'GET', `/api/patients/${foreign}`)).statusCode).toBe(404);
    const response = await h.as(admin, 'POST', '/api/audit-events/export.csv', { action: 'access_denied' });
    const [header, ...rows] = parseCsv(response.body.slice(1));
    const details = rows.map((r) => r[(header ?? []).indexOf(AUDIT_CSV_HEADERS.nl.details)]);
    expect(details).toContain('{"why":"not_in_organization","params":["patientId"]}');
    expect(response.body).not.toContain(foreign);
  });

  it('refuses non-admins, and an unknown filter with the field named', async () => {
    expect((await h.as(nurse, 'POST', '/api/audit-events/export.csv', {})).statusCode).toBe(403);
    expect((await h.as(nurse, 'POST', '/api/audit-events/patients', { q: 'x' })).statusCode).toBe(403);
    const response = await h.as(admin, 'POST', '/api/audit-events/export.csv', { limit: 10 });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ issues: [{ field: 'body.limit', code: 'unknown_field' }] });
  });
});
