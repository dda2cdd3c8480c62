// What a batch write promises the import that drives it: `staged` settles once its rows are in
// PostgreSQL (the next batch is planned only then), and when PostgreSQL refuses them both `staged` and
// `written` fail — nobody waits in vain, and the transaction rolls back with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import type { TestDatabase } from '../../../test/testDatabase';
import type { TestOrganization } from '../../../test/appHarness';
import {
  countOrganizationRows,
  importSubject,
  openImportTestDatabase,
} from '../../../test/importTestDatabase';
import { inOrganizationWithCopy } from '../../db/copyingTransaction';
import { timeOrderedIdFactory } from '../../db/timeOrderedId';
import { newPortalCode } from '../../patients/portalCode';
import type { FractureRegistration } from '../parsers/types';
import { classifyRegistration } from './classifyRegistration';
import { planBatch, type StagedRegistration } from './importPlan';
import { sendPlan, type WriteContext } from './importWriter';

let db: TestDatabase;
let org: TestOrganization;
const TODAY = '2025-06-01';

function staged(count: number, birthDate = '1950-03-14'): StagedRegistration[] {
  return Array.from({ length: count }, (_, i) => {
    const registration: FractureRegistration = {
      source: { format: 'csv', row: i + 1 },
      patient: {
        sourceSystem: 'HIS',
        sourceId: `W${i}`,
        familyName: 'Jansen',
        birthDate: '1950-03-14',
        sex: 'female',
      },
      fracture: {
        date: '2025-05-20',
        siteCode: 'radius_forearm_wrist',
        encounterType: 'emergency',
        traumaMechanism: 'low',
        pathological: false,
      },
    };
    const classification = classifyRegistration(registration, TODAY, DEFAULT_CONFIG);
    // What no parser lets through, so that PostgreSQL is the one to refuse it: a date COPY cannot read.
    return {
      seq: i,
      registration: { ...registration, patient: { ...registration.patient, birthDate } },
      classification,
    };
  });
}

function write(registrations: StagedRegistration[]) {
  const plan = planBatch(
    registrations,
    { patients: [], fractureKeys: new Set(), withOpenEpisode: new Set() },
    {
      today: TODAY,
      importedAt: '2025-06-01T10:00:00Z',
      newId: timeOrderedIdFactory(),
      newPortalCode,
    },
  );
  const ctx: WriteContext = {
    stagingAboveRows: 64,
    organizationId: org.id,
    importId: '00000000-0000-4000-8000-000000000001',
    today: TODAY,
    subject: importSubject(org),
    sourceFormat: 'csv',
    sourceRef: (s) => `row ${s.registration.source.row}`,
  };
  return inOrganizationWithCopy(db.app.db, { organizationId: org.id }, async (t) => {
    const inFlight = sendPlan(t, plan, ctx);
    const outcome = await Promise.allSettled([inFlight.staged, inFlight.written]);
    return outcome.map((o) => o.status);
  });
}

function patients(): Promise<number> {
  return countOrganizationRows({ db, org }, 'patients');
}

beforeAll(async () => {
  ({ db, org } = await openImportTestDatabase('Writer Hospital'));
});
afterAll(async () => {
  await db.drop();
});

describe('sending a batch plan', () => {
  it('settles staged and written when the rows land', async () => {
    await expect(write(staged(100))).resolves.toEqual(['fulfilled', 'fulfilled']);
    expect(await patients()).toBe(100);
  });

  it('fails both, and leaves nothing, when PostgreSQL refuses a staged row', async () => {
    const rows = staged(100).map((s, i) => (i === 70 ? (staged(1, '1950-02-30')[0] ?? s) : s));
    const refused = rows.map((s, i) => ({
      ...s,
      seq: i,
      registration: { ...s.registration, patient: { ...s.registration.patient, sourceId: `X${i}` } },
    }));
    await expect(write(refused)).resolves.toEqual(['rejected', 'rejected']);
    // The transaction's work resolved, yet it holds a failed statement: COMMIT rolls back.
    expect(await patients()).toBe(100);
  });
});
