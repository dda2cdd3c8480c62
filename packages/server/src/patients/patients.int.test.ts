import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';

let h: Harness;
let nurse: Session;

const countPatients = async (): Promise<number> => {
  const r = await h.db.owner.query<{ n: number }>('SELECT count(*)::int n FROM patients');
  return r.rows[0]?.n ?? -1;
};

/** Resolves once some backend of this database waits for a lock (no fixed sleep: it polls). */
async function waitForLockWait(): Promise<void> {
  for (;;) {
    const r = await h.db.owner.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if ((r.rowCount ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  h = await createHarness();
  nurse = await h.login(h.orgA.users.nurse.username);
  for (const p of [
    {
      familyName: 'de Vries',
      givenNames: 'Johanna',
      birthDate: '1944-05-17',
      sex: 'female',
      bsn: '999990019',
    },
    { familyName: 'Vriesema', givenNames: 'Klaas', birthDate: '1951-11-02', sex: 'male', bsn: '999990342' },
    { familyName: 'Bakker', givenNames: 'Fenna', birthDate: '1944-05-17', sex: 'female', sourceId: 'H-77' },
  ]) {
    const r = await h.as(nurse, 'POST', '/api/patients', p);
    if (r.statusCode !== 201) throw new Error(r.body);
  }
});
afterAll(async () => {
  await h.close();
});

describe('patient search', () => {
  const search = (body: Record<string, unknown>) => h.as(nurse, 'POST', '/api/patients/search', body);
  const names = async (q: string): Promise<string[]> => {
    const r = await search({ q });
    expect(r.statusCode).toBe(200);
    return r.json<{ items: { familyName: string }[] }>().items.map((i) => i.familyName);
  };

  it('finds by part of the name, case-insensitively', async () => {
    expect(await names('vries')).toEqual(['de Vries', 'Vriesema']);
    expect(await names('VRIES joh')).toEqual(['de Vries']);
  });

  it('finds by BSN', async () => {
    expect(await names('999990342')).toEqual(['Vriesema']);
  });

  it('finds by date of birth in Dutch or ISO notation', async () => {
    expect(await names('17-05-1944')).toEqual(['Bakker', 'de Vries']);
    expect(await names('1944-05-17')).toEqual(['Bakker', 'de Vries']);
  });

  it('treats LIKE wildcards literally', async () => {
    expect(await names('%')).toEqual([]);
  });

  it('lists everyone without a search text', async () => {
    const r = await search({});
    expect(r.json()).toMatchObject({ total: 6 }); // the harness's three and the three above
  });

  it('pages with limit and offset and reports the total', async () => {
    const r = await search({ q: 'vries', limit: 1, offset: 1 });
    expect(r.json()).toMatchObject({ total: 2, items: [{ familyName: 'Vriesema' }] });
  });

  it('audits every patient shown as a read of the search view', async () => {
    const before = await h.db.owner.query<{ n: number }>(
      `SELECT count(*)::int n FROM audit_events WHERE action = 'read' AND details->>'view' = 'search'`,
    );
    expect(await names('vries')).toHaveLength(2);
    const after = await h.db.owner.query<{ n: number }>(
      `SELECT count(*)::int n FROM audit_events WHERE action = 'read' AND details->>'view' = 'search'`,
    );
    expect((after.rows[0]?.n ?? 0) - (before.rows[0]?.n ?? 0)).toBe(2);
  });

  it('needs the CSRF token like every POST', async () => {
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/patients/search',
      cookies: { osteopad_session: nurse.cookie },
      payload: { q: 'vries' },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ error: 'csrf' });
  });

  it('refuses unknown fields and over-long search text, naming the field', async () => {
    const unknown = await search({ q: 'vries', bsn: '999990342' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ issues: [{ field: 'body.bsn', code: 'unknown_field' }] });
    const long = await search({ q: 'x'.repeat(101) });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ issues: [{ field: 'body.q' }] });
  });

  it('refuses the search text in the URL, on the old address and on the new one', async () => {
    for (const url of ['/api/patients?q=vries', '/api/patients/search?q=vries']) {
      const r = await h.as(nurse, url.startsWith('/api/patients?') ? 'GET' : 'POST', url, {});
      expect(r.statusCode, url).toBe(400);
      expect(r.json(), url).toMatchObject({
        error: 'personal_data_in_url',
        issues: [{ field: 'querystring.q', code: 'personal_data_in_url' }],
      });
      expect(r.body, url).not.toContain('vries');
    }
  });

  it('has no GET list any more', async () => {
    expect((await h.as(nurse, 'GET', '/api/patients')).statusCode).toBe(404);
  });
});

describe('bad input changes nothing', () => {
  const cases: [string, unknown, string][] = [
    [
      'wrong type',
      { familyName: 42, birthDate: '1950-01-01', sex: 'female', sourceId: 'X1' },
      'body.familyName',
    ],
    [
      'unknown field',
      { familyName: 'A', birthDate: '1950-01-01', sex: 'female', sourceId: 'X1', colour: 'red' },
      'body.colour',
    ],
    [
      'over-long string',
      { familyName: 'A'.repeat(201), birthDate: '1950-01-01', sex: 'female', sourceId: 'X1' },
      'body.familyName',
    ],
    [
      'impossible date',
      { familyName: 'A', birthDate: '1950-02-30', sex: 'female', sourceId: 'X1' },
      'body.birthDate',
    ],
    [
      'future birth date',
      { familyName: 'A', birthDate: '2999-01-01', sex: 'female', sourceId: 'X1' },
      'body.birthDate',
    ],
    [
      'unknown enum value',
      { familyName: 'A', birthDate: '1950-01-01', sex: 'x', sourceId: 'X1' },
      'body.sex',
    ],
    [
      'BSN failing the elfproef',
      { familyName: 'A', birthDate: '1950-01-01', sex: 'female', bsn: '123456789' },
      'body.bsn',
    ],
    [
      'neither BSN nor patient number',
      { familyName: 'A', birthDate: '1950-01-01', sex: 'female' },
      'body.bsn',
    ],
  ];
  for (const [name, payload, field] of cases) {
    it(`${name}: 400 naming ${field}`, async () => {
      const before = await countPatients();
      const r = await h.as(nurse, 'POST', '/api/patients', payload);
      expect(r.statusCode).toBe(400);
      const body = r.json<{ error: string; issues: { field: string; message: string }[] }>();
      expect(body.error).toBe('validation');
      expect(body.issues.map((i) => i.field)).toContain(field);
      expect(body.issues.every((i) => i.message.length > 0)).toBe(true);
      expect(await countPatients()).toBe(before);
    });
  }

  it('malformed JSON: 400 invalid_json, nothing written', async () => {
    const before = await countPatients();
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/patients',
      cookies: { osteopad_session: nurse.cookie },
      headers: { 'x-csrf-token': nurse.csrfToken, 'content-type': 'application/json' },
      payload: '{"familyName": "A",',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: 'invalid_json' });
    expect(await countPatients()).toBe(before);
  });

  const failedCreates = async (): Promise<{ patientId: string | null; error: string }[]> => {
    const r = await h.db.owner.query<{ patientId: string | null; error: string }>(
      `SELECT patient_id "patientId", details->>'error' error FROM audit_events
        WHERE action = 'create' AND object_type = 'patient' AND outcome = 'failure' ORDER BY id`,
    );
    return r.rows;
  };
  const patientIdOf = async (where: string, value: string): Promise<string> => {
    const r = await h.db.owner.query<{ id: string }>(`SELECT id FROM patients WHERE ${where} = $1`, [value]);
    return r.rows[0]?.id ?? '';
  };

  it('a duplicate BSN is a 409 naming the field, audited as a failed create, nothing written', async () => {
    const before = await countPatients();
    const audited = (await failedCreates()).length;
    const r = await h.as(nurse, 'POST', '/api/patients', {
      familyName: 'Dubbel',
      birthDate: '1950-01-01',
      sex: 'female',
      bsn: '999990019',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({
      error: 'duplicate_patient',
      issues: [{ field: 'body.bsn', code: 'duplicate' }],
    });
    expect(await countPatients()).toBe(before);
    expect((await failedCreates()).slice(audited)).toEqual([
      { patientId: await patientIdOf('bsn', '999990019'), error: 'duplicate_patient' },
    ]);
  });

  it('a duplicate hospital number in the same source system is a 409 naming sourceId, audited', async () => {
    const first = {
      familyName: 'Bron',
      birthDate: '1950-01-01',
      sex: 'female',
      sourceSystem: 'HIS',
      sourceId: 'Z-1',
    };
    expect((await h.as(nurse, 'POST', '/api/patients', first)).statusCode).toBe(201);
    const before = await countPatients();
    const audited = (await failedCreates()).length;
    const r = await h.as(nurse, 'POST', '/api/patients', { ...first, familyName: 'Ander' });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({
      error: 'duplicate_patient',
      issues: [{ field: 'body.sourceId', code: 'duplicate' }],
    });
    expect(await countPatients()).toBe(before);
    expect((await failedCreates()).slice(audited)).toEqual([
      { patientId: await patientIdOf('source_id', 'Z-1'), error: 'duplicate_patient' },
    ]);
    // The same number in another source system is another patient.
    const other = await h.as(nurse, 'POST', '/api/patients', { ...first, sourceSystem: 'LAB' });
    expect(other.statusCode).toBe(201);
  });

  it('a hospital number without a source system is one identity, however often it is posted', async () => {
    const before = await countPatients();
    const r = await h.as(nurse, 'POST', '/api/patients', {
      familyName: 'Bakker',
      birthDate: '1944-05-17',
      sex: 'female',
      sourceId: 'H-77',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ issues: [{ field: 'body.sourceId', code: 'duplicate' }] });
    expect(await countPatients()).toBe(before);
  });

  it('a create that loses the race on the unique index is a 409 too, audited, not a 500', async () => {
    // Another transaction holds an uncommitted patient with this BSN: the request's duplicate check
    // cannot see it, and its insert waits on the unique index until the other one commits.
    const other = await h.db.owner.connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO patients (organization_id, bsn, family_name, birth_date, sex, portal_code)
         VALUES ($1, '999990032', 'Eerder', '1950-01-01', 'male', 'RACE-PORTAL-1')`,
        [h.orgA.id],
      );
      const audited = (await failedCreates()).length;
      const answer = h.as(nurse, 'POST', '/api/patients', {
        familyName: 'Later',
        birthDate: '1950-01-01',
        sex: 'male',
        bsn: '999990032',
      });
      await waitForLockWait();
      await other.query('COMMIT');
      const r = await answer;
      expect(r.statusCode).toBe(409);
      expect(r.json()).toMatchObject({ error: 'duplicate_patient', issues: [{ field: 'body.bsn' }] });
      const rows = await h.db.owner.query(`SELECT family_name FROM patients WHERE bsn = '999990032'`);
      expect(rows.rows).toEqual([{ family_name: 'Eerder' }]);
      expect((await failedCreates()).slice(audited)).toEqual([
        { patientId: null, error: 'duplicate_patient' },
      ]);
    } finally {
      await other.query('ROLLBACK').catch(() => undefined);
      other.release();
    }
  });

  it('a source system without a hospital number is refused', async () => {
    const r = await h.as(nurse, 'POST', '/api/patients', {
      familyName: 'A',
      birthDate: '1950-01-01',
      sex: 'female',
      bsn: '999990044',
      sourceSystem: 'HIS',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ issues: [{ field: 'body.sourceSystem' }] });
  });
});
