import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { fixturePath } from '../../test/fixtureFiles';
import { SESSION_COOKIE } from '../auth/authenticate';
import { pdfPages, squashSpaces } from './test-support/pdfTools';
import { hashPortalCode } from '../portal/activationCodes';

let h: Harness;
let admin: Session;
let secretary: Session;

interface Item {
  episodeId: string;
  familyName: string;
  patientId: string;
}

const PROFILE = {
  name: 'Ziekenhuis Teststad',
  department: 'Osteoporosepolikliniek',
  street: 'Zorgweg',
  houseNumber: '10',
  postalCode: '1234 AB',
  city: 'Teststad',
  phoneGeneral: '012 345 67 00',
  phoneDepartment: '012 345 67 89',
  email: 'fls@teststad.example',
  openingHours: 'maandag tot en met vrijdag 8.30–16.30 uur',
  portalUrl: 'https://mijn.teststad.example',
};

async function toInvite(): Promise<Item[]> {
  const r = await h.as(secretary, 'GET', '/api/worklist?view=to_invite&sort=name');
  return r.json<{ items: Item[] }>().items;
}

beforeAll(async () => {
  h = await createHarness();
  h.clock.set('2025-08-01T09:00:00Z');
  admin = await h.login(h.orgA.users.admin.username);
  secretary = await h.login(h.orgA.users.secretary.username);
  const upload = await h.app.inject({
    method: 'POST',
    url: '/api/imports?format=csv',
    cookies: { [SESSION_COOKIE]: admin.cookie },
    headers: { 'x-csrf-token': admin.csrfToken, 'content-type': 'text/csv' },
    payload: await readFile(fixturePath('csv/valid-utf8-comma.csv')),
  });
  if (upload.statusCode !== 200) throw new Error(upload.body);
});
afterAll(async () => {
  await h.close();
});

describe('invitation letters', () => {
  it('refuses to print while the organisation profile lacks what the letter needs, naming the field', async () => {
    const [first] = await toInvite();
    const r = await h.as(secretary, 'GET', `/api/episodes/${first?.episodeId ?? ''}/invitation-letter`);
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ error: 'organization_profile_incomplete' });
  });

  it('prints one patient’s letter with the organisation profile and the personal portal code', async () => {
    expect((await h.as(admin, 'PUT', '/api/organization', PROFILE)).statusCode).toBe(200);
    const jansen = (await toInvite()).find((i) => i.familyName === 'Jansen');
    const r = await h.as(secretary, 'GET', `/api/episodes/${jansen?.episodeId ?? ''}/invitation-letter`);
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['cache-control']).toBe('no-store');
    // The code is made with the letter and kept only as its hash (portal/activationCodes.ts).
    const code = await h.db.owner.query<{ code_hash: string; portal_code: string | null }>(
      `SELECT c.code_hash, p.portal_code FROM portal_activation_codes c JOIN patients p ON p.id = c.patient_id
        WHERE p.bsn = '999900018' AND c.used_at IS NULL AND c.revoked_at IS NULL`,
    );
    expect(code.rows).toHaveLength(1);
    expect(code.rows[0]?.portal_code).toBeNull();
    const text = squashSpaces((await pdfPages(r.rawPayload)).join('\n'));
    for (const expected of [
      'Ziekenhuis Teststad',
      'Osteoporosepolikliniek',
      'Zorgweg 10',
      '012 345 67 89',
      'Jansen',
      'Kerkstraat',
      'https://mijn.teststad.example',
    ]) {
      expect(text).toContain(expected);
    }
    const squashed = text.replace(/[\s-]/g, '');
    const printedCodes = Array.from({ length: Math.max(0, squashed.length - 11) }, (_, i) =>
      squashed.slice(i, i + 12),
    ).filter((candidate) => hashPortalCode(candidate) === code.rows[0]?.code_hash);
    expect(printedCodes).toHaveLength(1);
    const audit = await h.db.owner.query(
      `SELECT action, object_type FROM audit_events WHERE action = 'print' AND patient_id = $1`,
      [jansen?.patientId],
    );
    expect(audit.rows).toEqual([{ action: 'print', object_type: 'invitation_letter' }]);
  });

  it('prints a batch as one PDF, one letter per patient, in English on request', async () => {
    const items = (await toInvite()).filter((i) => ['Jansen', 'de Vries'].includes(i.familyName));
    const r = await h.as(secretary, 'POST', '/api/invitation-letters', {
      episodeIds: items.map((i) => i.episodeId),
      locale: 'en',
    });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const pages = await pdfPages(r.rawPayload);
    expect(pages.length).toBe(2);
    expect(pages[0]).toMatch(/Dear/);
    expect(pages.join('\n')).toContain('Jansen');
    expect(pages.join('\n')).toContain('Vries');
  });

  it('prints the reminder once the invitation went out, naming its day; not before', async () => {
    const jansen = (await toInvite()).find((i) => i.familyName === 'Jansen');
    const episodeId = jansen?.episodeId ?? '';
    const early = await h.as(secretary, 'GET', `/api/episodes/${episodeId}/invitation-letter?kind=reminder`);
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ error: 'letters_not_printable', issues: [{ code: 'state' }] });

    const invited = await h.as(secretary, 'POST', `/api/episodes/${episodeId}/invitation`, {
      sentOn: '2025-07-28',
    });
    expect(invited.statusCode, invited.body).toBe(200);
    const r = await h.as(secretary, 'POST', '/api/invitation-letters', {
      episodeIds: [episodeId],
      kind: 'reminder',
    });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.headers['content-disposition']).toContain('herinneringen.pdf');
    const text = squashSpaces((await pdfPages(r.rawPayload)).join('\n'));
    expect(text).toContain('Op 28 juli 2025 hebben wij u een brief gestuurd.');
    expect(text).toContain('Wij hebben nog niets van u gehoord.');
    const printed = await h.db.owner.query(
      `SELECT object_type FROM audit_events WHERE action = 'print' AND object_id = $1 ORDER BY id DESC LIMIT 1`,
      [episodeId],
    );
    expect(printed.rows).toEqual([{ object_type: 'reminder_letter' }]);
  });

  it('refuses a batch when a patient has no postal address, naming the patient and field; nothing is printed', async () => {
    // A fracture sent to manual review, judged eligible: this patient was registered without an address.
    const nurse = await h.login(h.orgA.users.nurse.username);
    const review = (await h.as(nurse, 'GET', '/api/worklist?view=manual_review')).json<{ items: Item[] }>()
      .items;
    const meijer = review.find((i) => i.familyName === 'Meijer');
    expect(
      (
        await h.as(nurse, 'POST', `/api/episodes/${meijer?.episodeId ?? ''}/eligibility-review`, {
          eligible: true,
        })
      ).statusCode,
    ).toBe(200);
    const items = await toInvite();
    expect(items.map((i) => i.familyName)).toContain('Meijer');
    const before = await h.db.owner.query(
      `SELECT count(*)::int n FROM audit_events WHERE action = 'print' AND outcome = 'success'`,
    );
    const r = await h.as(secretary, 'POST', '/api/invitation-letters', {
      episodeIds: items.map((i) => i.episodeId),
    });
    expect(r.statusCode).toBe(422);
    const body = r.json<{ error: string; issues: { episodeId: string; field: string; message: string }[] }>();
    expect(body.error).toBe('letters_not_printable');
    expect(body.issues.map((i) => i.episodeId)).toContain(meijer?.episodeId);
    expect(body.issues.some((i) => i.field.includes('patient.street') && i.message.includes('Meijer'))).toBe(
      true,
    );
    const after = await h.db.owner.query(
      `SELECT count(*)::int n FROM audit_events WHERE action = 'print' AND outcome = 'success'`,
    );
    expect(after.rows).toEqual(before.rows);
  });
});
