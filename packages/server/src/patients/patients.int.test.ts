import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';

let h: Harness;
let nurse: Session;

const countPatients = async (): Promise<number> => {
  const r = await h.db.owner.query<{ n: number }>('SELECT count(*)::int n FROM patients');
  return r.rows[0]?.n ?? -1;
};

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
  const names = async (q: string): Promise<string[]> => {
    const r = await h.as(nurse, 'GET', `/api/patients?q=${encodeURIComponent(q)}`);
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

  it('pages with limit and offset and reports the total', async () => {
    const r = await h.as(nurse, 'GET', '/api/patients?q=vries&limit=1&offset=1');
    expect(r.json()).toMatchObject({ total: 2, items: [{ familyName: 'Vriesema' }] });
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

  it('a duplicate BSN is a 409 naming the field', async () => {
    const r = await h.as(nurse, 'POST', '/api/patients', {
      familyName: 'Dubbel',
      birthDate: '1950-01-01',
      sex: 'female',
      bsn: '999990019',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ error: 'duplicate_patient', issues: [{ field: 'body.bsn' }] });
  });
});
