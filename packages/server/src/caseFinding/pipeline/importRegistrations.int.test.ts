import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import type { TestDatabase } from '../../../test/testDatabase';
import type { TestOrganization } from '../../../test/appHarness';
import {
  countOrganizationRows,
  importSubject,
  openImportTestDatabase,
} from '../../../test/importTestDatabase';
import { fixtureStream, textStream } from '../../../test/fixtureFiles';
import type { AuditSubject } from '../../audit/auditLog';
import { importRegistrations, type ImportFormatName, type ImportOptions } from './importRegistrations';
import { parseRegistrations } from './parseRegistrations';

let db: TestDatabase;
let org: TestOrganization;
const TODAY = '2025-06-01';

const subject = (): AuditSubject => importSubject(org);

function run(format: ImportFormatName, input: NodeJS.ReadableStream, extra: Partial<ImportOptions> = {}) {
  return importRegistrations(
    db.app.db,
    parseRegistrations(format, input, { today: TODAY, sourceSystem: 'HIS' }),
    {
      organizationId: org.id,
      subject: subject(),
      format,
      channel: 'cli',
      fileName: 'test',
      skipInvalid: false,
      today: TODAY,
      clock: () => new Date('2025-06-01T10:00:00Z'),
      config: DEFAULT_CONFIG,
      batchSize: 2,
      ...extra,
    },
  );
}

function count(table: string, where = 'true'): Promise<number> {
  return countOrganizationRows({ db, org }, table, where);
}

const HEADER =
  'patient_id,bsn,family_name,birth_date,sex,fracture_date,fracture_site,encounter_type,trauma_mechanism,pathological';

beforeAll(async () => {
  ({ db, org } = await openImportTestDatabase('Import Hospital'));
});
afterAll(async () => {
  await db.drop();
});

describe('importing fracture registrations', () => {
  it('imports a valid CSV: patients, fractures with eligibility, episodes and their first task', async () => {
    const summary = await run('csv', fixtureStream('csv/valid-utf8-comma.csv'));
    expect(summary).toMatchObject({
      status: 'succeeded',
      rows: 6,
      imported: 6,
      duplicates: 0,
      invalid: 0,
      errors: [],
    });
    expect(summary.eligible + summary.excluded + summary.manualReview).toBe(6);
    expect(summary.eligible).toBe(3);
    expect(summary.excluded).toBe(1);
    expect(await count('patients')).toBe(6);
    expect(await count('fracture_events')).toBe(6);
    // one episode per eligible or manual-review patient, each with exactly one open task
    expect(await count('episodes')).toBe(summary.eligible + summary.manualReview);
    expect(await count('tasks', `kind = 'invite'`)).toBe(3);
    expect(await count('tasks', `kind = 'review_eligibility'`)).toBe(summary.manualReview);
    expect(await count('episode_events', `to_state = 'identified'`)).toBe(
      summary.eligible + summary.manualReview,
    );
    const hip = await db.owner.query(
      `SELECT e.patient_group, f.site_code, f.eligibility_reason, f.eligibility_engine->'rules' AS rules
       FROM episodes e JOIN fracture_events f ON f.id = e.index_fracture_id JOIN patients p ON p.id = e.patient_id
       WHERE p.bsn = '999900006'`,
    );
    expect(hip.rows[0]).toMatchObject({
      patient_group: 'hip',
      site_code: 'femur_proximal',
      eligibility_reason: 'qualifyingFracture',
    });
    const toe = await db.owner.query(
      `SELECT eligibility, eligibility_reason FROM fracture_events WHERE site_code = 'toes'`,
    );
    expect(toe.rows).toEqual([{ eligibility: 'excluded', eligibility_reason: 'excludedLocation' }]);
  });

  it('writes an audit event for every patient it creates, naming the fractures and episodes', async () => {
    expect(await count('audit_events', `action = 'create' AND object_type = 'patient'`)).toBe(6);
    const listed = await db.owner.query<{ n: number }>(
      `SELECT sum(jsonb_array_length(details->'fractures'))::int n FROM audit_events WHERE object_type = 'patient'`,
    );
    expect(listed.rows[0]?.n).toBe(6);
    const episodes = await db.owner.query<{ n: number }>(
      `SELECT sum(jsonb_array_length(details->'episodes'))::int n FROM audit_events WHERE object_type = 'patient'`,
    );
    expect(episodes.rows[0]?.n).toBe(await count('episodes'));
    expect(await count('audit_events', `action = 'import' AND outcome = 'success'`)).toBe(1);
  });

  it('is idempotent: the same file again adds nothing and reports duplicates', async () => {
    const summary = await run('csv', fixtureStream('csv/valid-utf8-comma.csv'));
    expect(summary).toMatchObject({ status: 'succeeded', rows: 6, imported: 0, duplicates: 6 });
    expect(await count('patients')).toBe(6);
    expect(await count('fracture_events')).toBe(6);
    expect(await count('tasks')).toBe(5);
  });

  it('attaches a new fracture of a known patient (by BSN) to that patient without a second open episode', async () => {
    const csv = `${HEADER}\nOTHER-9,999900006,de Vries,1950-03-14,V,2025-05-20,pols,SEH,laag,nee\n`;
    const summary = await run('csv', textStream(csv));
    expect(summary).toMatchObject({ imported: 1, eligible: 1, duplicates: 0 });
    expect(await count('audit_events', `action = 'update' AND object_type = 'patient'`)).toBe(1);
    const r = await db.owner.query(
      `SELECT count(DISTINCT f.id)::int AS fractures, count(DISTINCT e.id)::int AS episodes
       FROM patients p JOIN fracture_events f ON f.patient_id = p.id LEFT JOIN episodes e ON e.patient_id = p.id
       WHERE p.bsn = '999900006'`,
    );
    expect(r.rows[0]).toEqual({ fractures: 2, episodes: 1 });
    expect(await count('patients')).toBe(6);
  });

  it('never changes the details of a known patient from a CSV file (it does not say when they were true)', async () => {
    const csv = `${HEADER}\nOTHER-10,999900006,Anders,1950-03-14,V,2025-05-22,enkel,SEH,laag,nee\n`;
    const summary = await run('csv', textStream(csv));
    expect(summary).toMatchObject({ imported: 1, patientsUpdated: 0 });
    const r = await db.owner.query(`SELECT family_name FROM patients WHERE bsn = '999900006'`);
    expect(r.rows).toEqual([{ family_name: 'de Vries' }]);
  });

  it('keeps the stored birth date when a registration differs, and says so for a person to check', async () => {
    const csv = `${HEADER}\nOTHER-11,999900006,de Vries,1950-03-15,V,2025-05-23,enkel,SEH,laag,nee\n`;
    const summary = await run('csv', textStream(csv));
    expect(summary).toMatchObject({ status: 'succeeded', imported: 1 });
    expect(summary.warnings).toEqual([
      expect.objectContaining({ row: 1, field: 'patient.birthDate', code: 'patient.birthDateDiffers' }),
    ]);
    // The administrator reading the report is told it differs, not what the record holds.
    expect(summary.warnings[0]?.message).not.toContain('1950-03-14');
    const r = await db.owner.query(
      `SELECT birth_date::text AS birth_date FROM patients WHERE bsn = '999900006'`,
    );
    expect(r.rows).toEqual([{ birth_date: '1950-03-14' }]);
  });

  it('reports rows that were taken but deserve a look, and keeps them with the import', async () => {
    const csv = `${HEADER}\nZ1000003,,Bakker,1939-07-01,V,2025-05-03,iets onduidelijks,SEH,laag,nee\n`;
    const summary = await run('csv', textStream(csv));
    expect(summary).toMatchObject({ status: 'succeeded', imported: 1, manualReview: 1 });
    expect(summary.warnings).toEqual([
      expect.objectContaining({ row: 1, field: 'fracture_site', code: 'site.unresolved' }),
    ]);
    const stored = await db.owner.query<{ warnings: { code: string }[]; warnings_count: number }>(
      `SELECT warnings, warnings_count FROM imports WHERE id = $1`,
      [summary.importId],
    );
    expect(stored.rows[0]?.warnings_count).toBe(1);
    expect(stored.rows[0]?.warnings.map((w) => w.code)).toEqual(['site.unresolved']);
  });

  it('matches a patient without BSN on source system + hospital number', async () => {
    const csv = `${HEADER}\nZ1000003,,Bakker,1939-07-01,V,2025-05-21,enkel,SEH,laag,nee\n`;
    const summary = await run('csv', textStream(csv));
    expect(summary).toMatchObject({ imported: 1, duplicates: 0 });
    expect(await count('patients')).toBe(6);
  });

  it.each([
    ['through COPY and a staging table', 0, 'ESC-1'],
    ['through one JSON parameter', 1000, 'ESC-2'],
  ])(
    'keeps text that COPY would otherwise read as escapes, tabs or NULL exactly as given (%s)',
    async (_path, stagingAboveRows, id) => {
      // Tabs and line breaks never reach COPY from a registration (refused as unstorable text).
      const name = 'Back\\slash \\N \\t';
      const csv = `${HEADER}\n${id},,"${name}",1950-01-01,V,2025-05-02,heup,SEH,laag,nee\n`;
      const summary = await run('csv', textStream(csv), { stagingAboveRows });
      expect(summary).toMatchObject({ status: 'succeeded', imported: 1 });
      const stored = await db.owner.query<{ family_name: string; details: unknown }>(
        `SELECT p.family_name, t.details FROM patients p JOIN tasks t ON t.patient_id = p.id WHERE p.source_id = $1`,
        [id],
      );
      expect(stored.rows).toEqual([
        { family_name: name, details: { fractureId: expect.any(String) as unknown } },
      ]);
    },
  );

  it.each([
    ['a NUL character', 'Jan\u0000sen', 'family_name', 'text.nul', 'nul'],
    ['a right-to-left override', 'Jan\u202Esen', 'patient.familyName', 'text.unstorable', 'bidi'],
    ['a zero-width space', 'Jan\u200Bsen', 'patient.familyName', 'text.unstorable', 'zero-width'],
  ])(
    'refuses a row with %s, records the refused attempt and its audit, and writes nothing',
    async (_what, name, field, code, file) => {
      const before = await count('patients');
      const summary = await run(
        'csv',
        textStream(`${HEADER}\nTXT-1,,${name},1950-01-01,V,2025-05-02,heup,SEH,laag,nee\n`),
        {
          fileName: `unstorable-${file}`,
        },
      );
      expect(summary).toMatchObject({ status: 'rejected', imported: 0, invalid: 1 });
      expect(summary.errors).toEqual([expect.objectContaining({ row: 1, field, code })]);
      expect(await count('patients')).toBe(before);
      const history = await db.owner.query<{ status: string; errors: { code: string }[] }>(
        `SELECT status::text, errors FROM imports WHERE organization_id = $1 AND file_name = $2`,
        [org.id, `unstorable-${file}`],
      );
      expect(history.rows).toEqual([{ status: 'rejected', errors: [expect.objectContaining({ code })] }]);
      const audit = await db.owner.query<{ outcome: string }>(
        `SELECT outcome FROM audit_events WHERE organization_id = $1 AND action = 'import' AND details->>'fileName' = $2`,
        [org.id, `unstorable-${file}`],
      );
      expect(audit.rows).toEqual([{ outcome: 'failure' }]);
    },
  );

  it('finds a NUL character far beyond the first 64 KB of a file and names its row', async () => {
    const rows = Array.from(
      { length: 1500 },
      (_, i) => `BIG-${i},,Naam${i},1950-01-01,V,2025-05-02,heup,SEH,laag,nee`,
    );
    rows[1400] = 'BIG-1400,,Na\u0000am,1950-01-01,V,2025-05-02,heup,SEH,laag,nee';
    const summary = await run('csv', textStream(`${HEADER}\n${rows.join('\n')}\n`));
    expect(summary.status).toBe('rejected');
    expect(summary.errors).toEqual([
      expect.objectContaining({ row: 1401, field: 'family_name', code: 'text.nul' }),
    ]);
  });

  it('imports nothing from a file with one invalid row, and names row, field and reason', async () => {
    const rejectedBefore = await count('imports', `status = 'rejected'`);
    const before = await count('fracture_events');
    const csv = `${HEADER}\nN-1,,Nieuw,1950-01-01,V,2025-05-01,heup,SEH,laag,nee\nN-2,123456789,Fout,1950-01-01,V,2025-05-01,heup,SEH,laag,nee\n`;
    const summary = await run('csv', textStream(csv));
    expect(summary.status).toBe('rejected');
    expect(summary).toMatchObject({ rows: 2, imported: 0, invalid: 1 });
    expect(summary.errors).toEqual([expect.objectContaining({ row: 2, field: 'bsn' })]);
    expect(summary.errors[0]?.message).toMatch(/elfproef/i);
    expect(await count('fracture_events')).toBe(before);
    expect(await count('patients', `family_name = 'Nieuw'`)).toBe(0);
    expect(await count('imports', `status = 'rejected'`)).toBe(rejectedBefore + 1);
  });

  it('with skipInvalid imports the valid rows and reports the invalid ones', async () => {
    const csv = `${HEADER}\nN-1,,Nieuw,1950-01-01,V,2025-05-01,heup,SEH,laag,nee\nN-2,123456789,Fout,1950-01-01,V,2025-05-01,heup,SEH,laag,nee\n`;
    const summary = await run('csv', textStream(csv), { skipInvalid: true });
    expect(summary).toMatchObject({ status: 'succeeded', rows: 2, imported: 1, invalid: 1 });
    expect(await count('patients', `family_name = 'Nieuw'`)).toBe(1);
  });

  it('refuses a row whose BSN and hospital number belong to different patients', async () => {
    // Z1000002 belongs to Jansen (999900018); this row claims it for de Vries' BSN.
    const csv = `${HEADER}\nZ1000002,999900006,de Vries,1950-03-14,V,2025-05-25,rib,SEH,laag,nee\n`;
    const summary = await run('csv', textStream(csv));
    expect(summary.status).toBe('rejected');
    expect(summary.errors).toEqual([
      expect.objectContaining({ row: 1, field: 'patient_id', code: 'patient.identityConflict' }),
    ]);
  });

  it('a file-level error (missing column) imports nothing and reports it as row 0', async () => {
    const summary = await run('csv', fixtureStream('csv/missing-column.csv'));
    expect(summary.status).toBe('rejected');
    expect(summary.errors[0]).toMatchObject({ row: 0 });
    expect(summary.errors[0]?.message.length).toBeGreaterThan(10);
  });

  it('imports HL7 v2 ADT messages and FHIR bundles through the same pipeline', async () => {
    const hl7 = await run('hl7v2', fixtureStream('hl7/valid-adt.hl7'), { skipInvalid: true });
    expect(hl7.status).toBe('succeeded');
    expect(hl7.imported).toBeGreaterThan(0);
    const fhir = await run('fhir', fixtureStream('fhir/valid-bundle.json'));
    expect(fhir.status).toBe('succeeded');
    expect(fhir.imported).toBeGreaterThan(0);
    const again = await run('fhir', fixtureStream('fhir/valid-bundle.json'));
    expect(again).toMatchObject({ imported: 0, duplicates: fhir.imported });
  });
});
