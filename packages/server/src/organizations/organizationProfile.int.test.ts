import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationProfile } from '@osteopad/contract';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { pdfPages, squashSpaces } from '../letters/test-support/pdfTools';

let h: Harness;
let admin: Session;
let nurse: Session;

const PROFILE = {
  name: 'Ziekenhuis Teststad',
  department: 'Osteoporosepolikliniek',
  street: 'Zorgweg',
  houseNumber: '10',
  postalCode: '1234 AB',
  city: 'Teststad',
  visitingRoute: 'Route 25',
  postalAddressLine: 'Postbus 90151',
  postalAddressPostalCode: '1230AA',
  postalAddressCity: 'Teststad',
  phoneGeneral: '012 345 67 00',
  phoneDepartment: '012 345 67 89',
  phoneHours: [
    { weekday: 'friday', from: '15:30', to: '16:30' },
    { weekday: 'monday', from: '15:30', to: '16:30' },
    { weekday: 'wednesday', from: '15:30', to: '16:30' },
  ],
  email: 'fls@teststad.example',
  openingHours: '',
  portalUrl: 'https://mijn.teststad.example',
  signOff: 'Het team van de osteoporosepolikliniek',
  inviteReminderDays: 14,
};

async function pdfText(payload: Buffer): Promise<string> {
  return squashSpaces((await pdfPages(payload)).join('\n'));
}

async function auditRows(organizationId: string) {
  const rows = await h.db.owner.query<{ action: string; outcome: string; details: unknown }>(
    `SELECT action, outcome, details FROM audit_events
      WHERE object_type = 'organization' AND object_id = $1 AND action = 'update' ORDER BY id`,
    [organizationId],
  );
  return rows.rows;
}

beforeAll(async () => {
  h = await createHarness();
  h.clock.set('2026-03-02T09:00:00Z');
  admin = await h.login(h.orgA.users.admin.username);
  nurse = await h.login(h.orgA.users.nurse.username);
});
afterAll(async () => {
  await h.close();
});

describe('the organisation profile', () => {
  it('saves the letter profile, answers it back, and audits the change with the fields it named', async () => {
    const before = (await h.as(admin, 'GET', '/api/organization')).json<OrganizationProfile>();
    const r = await h.as(admin, 'PUT', '/api/organization', { ...PROFILE, expectedVersion: before.version });
    expect(r.statusCode, r.body).toBe(200);
    const saved = r.json<OrganizationProfile>();
    expect(saved).toMatchObject({
      signOff: 'Het team van de osteoporosepolikliniek',
      phoneHours: PROFILE.phoneHours,
      postalAddressLine: 'Postbus 90151',
      visitingRoute: 'Route 25',
      inviteReminderDays: 14,
      version: before.version + 1,
    });
    const read = (await h.as(nurse, 'GET', '/api/organization')).json<OrganizationProfile>();
    expect(read).toEqual(saved);
    const audit = await auditRows(h.orgA.id);
    expect(audit.at(-1)).toMatchObject({ action: 'update', outcome: 'success' });
    expect((audit.at(-1)?.details as { fields: string[] }).fields).toEqual(
      expect.arrayContaining(['signOff', 'phoneHours', 'postalAddressLine']),
    );
  });

  it('refuses a save from a profile read before someone else changed it (409), and changes nothing', async () => {
    const current = (await h.as(admin, 'GET', '/api/organization')).json<OrganizationProfile>();
    const r = await h.as(admin, 'PUT', '/api/organization', {
      ...PROFILE,
      signOff: 'Iemand anders',
      expectedVersion: current.version - 1,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ error: 'stale_version' });
    const after = (await h.as(admin, 'GET', '/api/organization')).json<OrganizationProfile>();
    expect(after.signOff).toBe('Het team van de osteoporosepolikliniek');
    expect((await auditRows(h.orgA.id)).at(-1)).toMatchObject({ outcome: 'failure' });
  });

  it('refuses bad phone hours with a 400 naming the field', async () => {
    const cases: [unknown[], string][] = [
      [[{ weekday: 'monday', from: '8.30', to: '16:30' }], 'body.phoneHours.0.from'],
      [[{ weekday: 'monday', from: '16:30', to: '15:30' }], 'body.phoneHours.0.to'],
      [
        [
          { weekday: 'monday', from: '08:30', to: '12:00' },
          { weekday: 'monday', from: '13:00', to: '16:30' },
        ],
        'body.phoneHours.1.weekday',
      ],
      [[{ weekday: 'someday', from: '08:30', to: '12:00' }], 'body.phoneHours.0.weekday'],
    ];
    for (const [phoneHours, field] of cases) {
      const r = await h.as(admin, 'PUT', '/api/organization', { ...PROFILE, phoneHours });
      expect(r.statusCode, JSON.stringify(phoneHours)).toBe(400);
      expect(r.json<{ issues: { field: string }[] }>().issues.map((i) => i.field)).toContain(field);
    }
    const halfAddress = await h.as(admin, 'PUT', '/api/organization', { ...PROFILE, postalAddressCity: '' });
    expect(halfAddress.statusCode).toBe(400);
    expect(halfAddress.json<{ issues: { field: string }[] }>().issues.map((i) => i.field)).toContain(
      'body.postalAddressCity',
    );
  });

  it('keeps what a client of the older profile leaves out', async () => {
    const { phoneHours: _hours, signOff: _signOff, visitingRoute: _route, ...older } = PROFILE;
    const r = await h.as(admin, 'PUT', '/api/organization', {
      ...older,
      openingHours: 'werkdagen 8.30–16.30 uur',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<OrganizationProfile>()).toMatchObject({
      phoneHours: PROFILE.phoneHours,
      signOff: PROFILE.signOff,
      openingHours: 'werkdagen 8.30–16.30 uur',
    });
  });
});

describe('the letter preview', () => {
  it('answers the unsaved profile’s invitation letter as PDF, for a fictional patient, saving nothing', async () => {
    const saved = (await h.as(admin, 'GET', '/api/organization')).json<OrganizationProfile>();
    const unsaved = {
      ...PROFILE,
      signOff: 'Dr. P. Proef, internist',
      phoneHours: [
        { weekday: 'tuesday', from: '09:00', to: '11:00' },
        { weekday: 'thursday', from: '09:00', to: '11:00' },
      ],
    };
    const r = await h.as(admin, 'POST', '/api/organization/letter-preview', unsaved);
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['cache-control']).toBe('no-store');
    const text = await pdfText(r.rawPayload);
    expect(text).toContain('Dr. P. Proef, internist');
    expect(text).toContain('(dinsdag en donderdag van 9.00 tot 11.00 uur)');
    expect(text).toContain('Postbus 90151');
    expect(text).toContain('Geachte P. Voorbeeld,');
    expect(text).toContain('VOORBEELDSTAD');
    // Nothing was saved, and no patient was read or printed.
    expect((await h.as(admin, 'GET', '/api/organization')).json<OrganizationProfile>()).toEqual(saved);
    const printed = await h.db.owner.query(`SELECT 1 FROM audit_events WHERE action = 'print'`);
    expect(printed.rows).toEqual([]);
  });

  it('is in English on request', async () => {
    const r = await h.as(admin, 'POST', '/api/organization/letter-preview?locale=en', PROFILE);
    expect(r.statusCode).toBe(200);
    expect(await pdfText(r.rawPayload)).toContain('Monday, Wednesday and Friday from 15:30 to 16:30');
  });

  it('names the field when the letter cannot print the profile yet, and refuses bad hours like the save', async () => {
    const incomplete = await h.as(admin, 'POST', '/api/organization/letter-preview', {
      ...PROFILE,
      phoneDepartment: '',
    });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json()).toMatchObject({
      error: 'organization_profile_incomplete',
      issues: [{ field: 'body.phoneDepartment' }],
    });
    const badHours = await h.as(admin, 'POST', '/api/organization/letter-preview', {
      ...PROFILE,
      phoneHours: [{ weekday: 'monday', from: '17:00', to: '09:00' }],
    });
    expect(badHours.statusCode).toBe(400);
    expect(badHours.json<{ issues: { field: string }[] }>().issues.map((i) => i.field)).toContain(
      'body.phoneHours.0.to',
    );
  });

  it('is for administrators only: a nurse is refused (403)', async () => {
    const r = await h.as(nurse, 'POST', '/api/organization/letter-preview', PROFILE);
    expect(r.statusCode).toBe(403);
    const save = await h.as(nurse, 'PUT', '/api/organization', PROFILE);
    expect(save.statusCode).toBe(403);
  });
});
