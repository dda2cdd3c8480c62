import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, configIdentity } from '@osteopad/clinical';
import { loadClinicalConfig } from '../runtime';
import { createTestDatabase, type TestDatabase } from '../../test/testDatabase';
import { createOrganization, type TestOrganization } from '../../test/appHarness';
import { textStream } from '../../test/fixtureFiles';
import { importRegistrations } from '../caseFinding/pipeline/importRegistrations';
import { parseRegistrations } from '../caseFinding/pipeline/parseRegistrations';
import { cliSubject } from '../caseFinding/channels/cli/cliSubject';

let dir: string;
let db: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'osteopad-config-'));
  db = await createTestDatabase();
  org = await createOrganization(db, 'Config Hospital', 0);
});
afterAll(async () => {
  await db.drop();
});

async function configFile(name: string, content: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('a clinic’s own clinical configuration', () => {
  it('defaults to the reference configuration', async () => {
    expect(await loadClinicalConfig(null)).toBe(DEFAULT_CONFIG);
  });

  it('is loaded from a JSON file and changes what the rules decide, without code', async () => {
    const file = await configFile('clinic.json', {
      version: 'Demostad-2026-11',
      values: {
        'eligibility.recentFractureWindowMonths': {
          value: 12,
          note: 'invite only fractures of the last year',
        },
      },
    });
    const clinic = await loadClinicalConfig(file);
    expect(configIdentity(clinic)).toMatchObject({ configVersion: 'Demostad-2026-11' });
    expect(configIdentity(clinic).configFingerprint).not.toBe(
      configIdentity(DEFAULT_CONFIG).configFingerprint,
    );

    // A fracture 18 months ago: recent for the reference (< 24 months), not for this clinic (< 12).
    const csv =
      'patient_id,family_name,birth_date,sex,fracture_date,fracture_site\nC-1,Jansen,1950-01-01,V,2025-05-21,heup\n';
    const run = (config: typeof clinic) =>
      importRegistrations(
        db.app.db,
        parseRegistrations('csv', textStream(csv), { today: '2026-11-21', sourceSystem: 'x' }),
        {
          organizationId: org.id,
          subject: cliSubject(org.id, 'test'),
          format: 'csv',
          channel: 'cli',
          fileName: 'x',
          skipInvalid: false,
          today: '2026-11-21',
          clock: () => new Date(),
          config,
        },
      );
    expect(await run(clinic)).toMatchObject({ imported: 1, excluded: 1, eligible: 0 });
    const stored = await db.owner.query(
      `SELECT eligibility_reason, eligibility_engine->>'configVersion' AS version FROM fracture_events`,
    );
    expect(stored.rows).toEqual([{ eligibility_reason: 'noRecentFracture', version: 'Demostad-2026-11' }]);
  });

  it('refuses a file with an unknown key or a wrong value, naming it', async () => {
    await expect(
      loadClinicalConfig(await configFile('bad1.json', { version: 'x', values: { 'no.such.key': 1 } })),
    ).rejects.toThrow(/no\.such\.key/);
    await expect(
      loadClinicalConfig(
        await configFile('bad2.json', {
          version: 'x',
          values: { 'eligibility.recentFractureWindowMonths': 'twelve' },
        }),
      ),
    ).rejects.toThrow(/recentFractureWindowMonths/);
    await expect(loadClinicalConfig(await configFile('bad3.json', '{ not json'))).rejects.toThrow(
      /not valid/,
    );
    await expect(loadClinicalConfig(join(dir, 'missing.json'))).rejects.toThrow(/Cannot read/);
  });
});
