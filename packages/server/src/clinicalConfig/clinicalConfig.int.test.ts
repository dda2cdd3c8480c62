import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, listUnconfirmedValues } from '@osteopad/clinical';
import type { ClinicalConfig, ClinicalConfigVersions } from '@osteopad/contract';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { storedClinicalConfigs } from './clinicalConfigs';

let h: Harness;
let nurse: Session;
let specialist: Session;
let admin: Session;
let nurseB: Session;

beforeAll(async () => {
  h = await createHarness();
  nurse = await h.login(h.orgA.users.nurse.username);
  specialist = await h.login(h.orgA.users.specialist.username);
  admin = await h.login(h.orgA.users.admin.username);
  nurseB = await h.login(h.orgB.users.nurse.username);
}, 120_000);
afterAll(async () => {
  await h.close();
});

async function configOf(session: Session): Promise<ClinicalConfig> {
  const response = await h.as(session, 'GET', '/api/clinical-config');
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ClinicalConfig>();
}

const entryOf = (config: ClinicalConfig, key: string) => config.entries.find((e) => e.key === key);
const change = (session: Session, body: unknown) =>
  h.as(session, 'POST', '/api/clinical-config/versions', body);
const UNCONFIRMED = listUnconfirmedValues(DEFAULT_CONFIG).length;

describe('the clinical configuration', () => {
  it('answers every value with its allowed shape, its source and whether it is confirmed', async () => {
    const config = await configOf(nurse);
    expect(config.versionNumber).toBe(0);
    expect(config.configVersion).toBe(DEFAULT_CONFIG.version);
    expect(config.entries).toHaveLength(Object.keys(DEFAULT_CONFIG.entries).length);
    expect(config.unconfirmed).toHaveLength(UNCONFIRMED);
    expect(entryOf(config, 'eligibility.minimumAgeYears')).toMatchObject({
      value: 50,
      shape: { kind: 'number', min: 0, max: 130, integer: true },
      marker: 'SOURCE',
      origin: 'default',
      confirmedBy: null,
    });
    expect(entryOf(config, 'calendar.monthEndRule')?.shape).toEqual({
      kind: 'enum',
      values: ['clampToMonthEnd', 'firstDayOfNextMonth'],
    });
  });

  it('refuses a nurse, a value outside its range with the range, and an unknown key; nothing changes', async () => {
    const body = {
      basedOn: 0,
      reason: 'Afgesproken in het team',
      changes: [{ key: 'eligibility.minimumAgeYears', value: 140 }],
    };
    expect((await change(nurse, body)).statusCode).toBe(403);
    const outOfRange = await change(specialist, body);
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json()).toMatchObject({
      error: 'validation',
      issues: [
        { field: 'changes.0.value', code: 'outOfRange', message: expect.stringContaining('0…130') as string },
      ],
    });
    const unknown = await change(specialist, {
      ...body,
      changes: [
        { key: 'calendar.monthEndRule', value: 'firstDayOfNextMonth' },
        { key: 'no.such.key', value: 1 },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ issues: [{ field: 'changes.1.key', code: 'unknown_key' }] });
    const withoutReason = await change(specialist, { ...body, reason: ' ok ' });
    expect(withoutReason.statusCode).toBe(400);
    const config = await configOf(nurse);
    expect(config.versionNumber).toBe(0);
    expect(entryOf(config, 'calendar.monthEndRule')?.value).toBe('clampToMonthEnd');
    const stored = await h.db.owner.query('SELECT 1 FROM clinical_config_versions');
    expect(stored.rowCount).toBe(0);
  });

  it('makes a new version that confirms and changes values with the reason, in effect at once and audited', async () => {
    const response = await change(specialist, {
      basedOn: 0,
      reason: 'Besproken in de vakgroep op 1 december',
      changes: [
        { key: 'calendar.monthEndRule', value: 'clampToMonthEnd' },
        {
          key: 'calcium.foodContentMg',
          value: { ...DEFAULT_CONFIG.entries['calcium.foodContentMg'].value, milkGlass: 300 },
        },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const made = response.json<ClinicalConfig>();
    expect(made.versionNumber).toBe(1);
    expect(made.configVersion).toBe(`${DEFAULT_CONFIG.version}+1`);
    expect(made.configFingerprint).not.toBe((await configOf(nurseB)).configFingerprint);
    expect(entryOf(made, 'calendar.monthEndRule')).toMatchObject({
      value: 'clampToMonthEnd',
      origin: 'clinic',
      confirmedBy: expect.stringContaining('specialist of') as string,
      note: 'Besproken in de vakgroep op 1 december',
    });
    expect(made.unconfirmed.map((u) => u.key)).not.toContain('calendar.monthEndRule');
    expect(made.unconfirmed).toHaveLength(
      UNCONFIRMED - (DEFAULT_CONFIG.entries['calcium.foodContentMg'].marker === 'SOURCE' ? 1 : 2),
    );

    // The next request of anyone in the organisation uses it: no restart.
    const foods = await h.as(nurse, 'GET', '/api/advice/calcium/foods');
    expect(foods.json<{ foods: { code: string; mgPerPortion: number }[] }>().foods).toContainEqual({
      code: 'milkGlass',
      mgPerPortion: 300,
    });
    // So does another process reading the same database (the worker, the MLLP listener).
    const elsewhere = await storedClinicalConfigs(h.db.app.db, DEFAULT_CONFIG).forOrganization(h.orgA.id);
    expect(elsewhere.version).toBe(`${DEFAULT_CONFIG.version}+1`);
    expect(elsewhere.entries['calcium.foodContentMg'].value.milkGlass).toBe(300);
    // Another organisation runs on as it was.
    const other = await configOf(nurseB);
    expect(other.versionNumber).toBe(0);
    expect(other.unconfirmed).toHaveLength(UNCONFIRMED);

    const audit = await h.db.owner.query<{
      action: string;
      object_type: string;
      username: string;
      details: { changed: string[]; confirmed: string[] };
    }>(
      `SELECT action, object_type, username, details FROM audit_events WHERE object_type = 'clinical_config'`,
    );
    expect(audit.rows).toEqual([
      {
        action: 'update',
        object_type: 'clinical_config',
        username: h.orgA.users.specialist.username,
        details: expect.objectContaining({
          number: 1,
          changed: ['calcium.foodContentMg'],
          confirmed: ['calendar.monthEndRule'],
        }) as unknown,
      },
    ]);

    const versions = (
      await h.as(nurse, 'GET', '/api/clinical-config/versions')
    ).json<ClinicalConfigVersions>();
    expect(versions.versions).toHaveLength(1);
    expect(versions.versions[0]).toMatchObject({
      number: 1,
      reason: 'Besproken in de vakgroep op 1 december',
      createdByName: expect.stringContaining('specialist of') as string,
      changes: [
        { key: 'calendar.monthEndRule', kind: 'confirmed', from: 'clampToMonthEnd', to: 'clampToMonthEnd' },
        { key: 'calcium.foodContentMg', kind: 'changed' },
      ],
    });
    expect(
      (await h.as(nurseB, 'GET', '/api/clinical-config/versions')).json<ClinicalConfigVersions>().versions,
    ).toEqual([]);
  });

  it('refuses a change made from an older version, and a confirmation of a value that needs none', async () => {
    const stale = await change(admin, {
      basedOn: 0,
      reason: 'Nog een wijziging',
      changes: [{ key: 'eligibility.recentFractureWindowMonths', value: 12 }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'stale_version' });
    const again = await change(admin, {
      basedOn: 1,
      reason: 'Nog eens bevestigd',
      changes: [{ key: 'calendar.monthEndRule', value: 'clampToMonthEnd' }],
    });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ issues: [{ field: 'changes.0.value', code: 'unchanged' }] });
    expect((await configOf(nurse)).versionNumber).toBe(1);
  });

  it('lets an administrator confirm every remaining value, and then nothing is unconfirmed', async () => {
    const before = await configOf(admin);
    const response = await change(admin, {
      basedOn: before.versionNumber,
      reason: 'Alle waarden nagelopen voor de ingebruikname',
      changes: before.unconfirmed.map((u) => ({ key: u.key, value: u.value })),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ClinicalConfig>()).toMatchObject({ versionNumber: 2, unconfirmed: [] });
  });

  it('keeps every version as it was made: the application may not change or remove one', async () => {
    await expect(
      h.db.app.db.$client.query(`UPDATE clinical_config_versions SET reason = 'changed'`),
    ).rejects.toThrow(/permission denied/);
    await expect(h.db.app.db.$client.query(`DELETE FROM clinical_config_versions`)).rejects.toThrow(
      /permission denied/,
    );
  });
});
