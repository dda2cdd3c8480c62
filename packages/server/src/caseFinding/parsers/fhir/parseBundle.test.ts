import { describe, expect, it } from 'vitest';
import { bytesStream, collect, fixtureStream, rejectionOf } from '../testFixtures';
import { ImportFileError, type ParsedRow } from '../types';
import { parseFhirBundle, parseFhirBundleFile, parseFhirFractures } from './parseBundle';

const TODAY = '2025-06-30';
const BSN = 'http://fhir.nl/fhir/NamingSystem/bsn';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';

function recordOf(row: ParsedRow | undefined) {
  if (row === undefined || !row.ok) throw new Error(`expected a record, got ${JSON.stringify(row)}`);
  return row;
}

function fileError(run: () => unknown): ImportFileError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return error as ImportFileError;
  }
  throw new Error('expected an ImportFileError');
}

const patient = (extra: Record<string, unknown> = {}) => ({
  resourceType: 'Patient',
  id: 'p1',
  identifier: [{ system: BSN, value: '999900006' }],
  name: [{ family: 'Jansen', given: ['Jan'] }],
  gender: 'male',
  birthDate: '1950-01-01',
  ...extra,
});
const condition = (extra: Record<string, unknown> = {}) => ({
  resourceType: 'Condition',
  code: { coding: [{ system: ICD10, code: 'S82.6' }] },
  subject: { reference: 'Patient/p1' },
  onsetDateTime: '2025-01-05',
  ...extra,
});
const bundle = (...resources: unknown[]) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource) => ({ resource })),
});

describe('parseFhirBundle — valid bundle (fixture)', () => {
  it('produces one registration per fracture Condition, resolving fullUrl and Type/id references', async () => {
    const result = await parseFhirBundleFile(fixtureStream('fhir/valid-bundle.json'), { today: TODAY });
    expect(result.bundleType).toBe('transaction');
    expect(result.rows.map((r) => recordOf(r).record.source.row)).toEqual([2, 5, 8]);
    expect(recordOf(result.rows[0]).record).toEqual({
      source: { format: 'fhir', row: 2, system: 'urn:oid:2.16.840.1.113883.2.4.3.8' },
      patient: {
        bsn: '999900043',
        sourceId: '8001',
        sourceSystem: 'urn:oid:2.16.840.1.113883.2.4.3.8.1',
        familyName: 'Smit',
        givenNames: 'Maria',
        initials: 'M.',
        birthDate: '1944-12-31',
        sex: 'female',
        address: {
          street: 'Julianalaan',
          houseNumber: '5',
          city: 'Amersfoort',
          postalCode: '3811 AA',
          country: 'NL',
        },
        phone: '033-7654321',
        gp: { name: 'Dr. Lotte Hendriks', agbCode: '01056789' },
      },
      fracture: {
        date: '2025-03-02',
        siteCode: 'femur_proximal',
        siteText: 'Pertrochantere femurfractuur rechts',
        icd10Code: 'S72.1',
        sourceCodes: [{ system: 'icd10', code: 'S72.1', display: 'Pertrochantere fractuur' }],
        encounterType: 'emergency',
        traumaMechanism: 'unknown',
        pathological: null,
        sourceFractureId: 'c-hip',
      },
    });
  });

  it('maps SNOMED CT, and a local code through its display text', async () => {
    const result = await parseFhirBundleFile(fixtureStream('fhir/valid-bundle.json'), { today: TODAY });
    expect(recordOf(result.rows[1]).record.fracture).toMatchObject({
      siteCode: 'spine_thoracolumbar',
      snomedCode: '42942008',
      encounterType: 'unknown',
    });
    const wrist = recordOf(result.rows[2]);
    expect(wrist.record.fracture).toMatchObject({
      siteCode: 'radius_forearm_wrist',
      siteText: 'Polsfractuur links',
      date: '2025-04-05',
    });
    expect(wrist.record.patient).toMatchObject({
      sourceId: '8002',
      gp: { name: 'Dr. B. Bosman', agbCode: '01067890' },
    });
    expect(wrist.warnings).toEqual([
      expect.objectContaining({
        field: 'Bundle.entry[7].resource.recordedDate',
        code: 'fracture.dateFromRecordedDate',
      }),
    ]);
  });

  it('reports skipped Conditions: non-fractures and refuted ones', async () => {
    const result = await parseFhirBundleFile(fixtureStream('fhir/valid-bundle.json'), { today: TODAY });
    expect(result.skipped).toEqual([
      { row: 6, path: 'Bundle.entry[5].resource', reason: 'notAFracture' },
      { row: 9, path: 'Bundle.entry[8].resource', reason: 'refuted' },
    ]);
  });
});

describe('parseFhirBundle — defects (fixtures)', () => {
  it('invalid JSON is a file error with line and column', async () => {
    const error = await rejectionOf(
      parseFhirBundleFile(fixtureStream('fhir/invalid-json.fhir'), { today: TODAY }),
    );
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ code: 'fhir.invalidJson' });
    expect((error as ImportFileError).message).toContain('(line 6, column 5)');
  });

  it('a dangling subject reference and an entry without resource name the entry and the path', async () => {
    const rows = await collect(
      parseFhirFractures(fixtureStream('fhir/dangling-reference.json'), { today: TODAY }),
    );
    expect(rows).toEqual([
      {
        ok: false,
        row: 2,
        errors: [
          {
            row: 2,
            field: 'Bundle.entry[1].resource.subject.reference',
            code: 'fhir.danglingReference',
            message: '"Patient/does-not-exist" does not resolve to an entry of this Bundle',
          },
        ],
      },
      {
        ok: false,
        row: 3,
        errors: [
          {
            row: 3,
            field: 'Bundle.entry[2].resource',
            code: 'fhir.entryWithoutResource',
            message: 'the entry has no resource with a resourceType',
          },
        ],
      },
    ]);
  });

  it('a Patient without birthDate fails the Condition that refers to it, pointing at the Patient', async () => {
    const rows = await collect(
      parseFhirFractures(fixtureStream('fhir/missing-birthdate.json'), { today: TODAY }),
    );
    expect(rows).toEqual([
      {
        ok: false,
        row: 2,
        errors: [
          {
            row: 2,
            field: 'Bundle.entry[0].resource.birthDate',
            code: 'field.required',
            message: 'the Patient has no birthDate',
          },
        ],
      },
    ]);
  });

  it('binary garbage and non-UTF-8 text are refused', async () => {
    expect(
      await rejectionOf(parseFhirBundleFile(fixtureStream('csv/binary-garbage.csv'), { today: TODAY })),
    ).toMatchObject({ code: 'file.binary' });
    expect(
      await rejectionOf(
        parseFhirBundleFile(bytesStream(Buffer.from('{"a":"\xe9"}', 'latin1')), { today: TODAY }),
      ),
    ).toMatchObject({ code: 'fhir.encoding' });
  });
});

describe('parseFhirBundle — structure and fields', () => {
  it('refuses what is not a Bundle of an accepted type', () => {
    expect(fileError(() => parseFhirBundle('[1]', { today: TODAY })).code).toBe('fhir.notBundle');
    expect(fileError(() => parseFhirBundle(patient(), { today: TODAY })).message).toBe(
      'resourceType is "Patient"; expected a Bundle.',
    );
    expect(
      fileError(() =>
        parseFhirBundle({ resourceType: 'Bundle', type: 'document', entry: [] }, { today: TODAY }),
      ).code,
    ).toBe('fhir.bundleType');
    expect(
      fileError(() => parseFhirBundle({ resourceType: 'Bundle', type: 'batch' }, { today: TODAY })).code,
    ).toBe('fhir.noEntries');
  });

  it('checks the BSN with the elfproef at its identifier path', () => {
    const { rows } = parseFhirBundle(
      bundle(patient({ identifier: [{ system: BSN, value: '999900007' }] }), condition()),
      { today: TODAY },
    );
    expect(rows[0]).toEqual({
      ok: false,
      row: 2,
      errors: [
        expect.objectContaining({
          field: 'Bundle.entry[0].resource.identifier[0].value',
          code: 'bsn.elfproef',
        }),
      ],
    });
  });

  it('checks dates: future onset, birth after fracture, partial dates', () => {
    const future = parseFhirBundle(bundle(patient(), condition({ onsetDateTime: '2026-01-01' })), {
      today: TODAY,
    });
    expect(future.rows[0]).toMatchObject({
      ok: false,
      errors: [{ field: 'Bundle.entry[1].resource.onsetDateTime', code: 'date.future' }],
    });
    const reversed = parseFhirBundle(bundle(patient({ birthDate: '2025-02-01' }), condition()), {
      today: TODAY,
    });
    expect(reversed.rows[0]).toMatchObject({
      ok: false,
      errors: [{ field: 'Bundle.entry[0].resource.birthDate', code: 'date.birthAfterFracture' }],
    });
    const partial = parseFhirBundle(bundle(patient({ birthDate: '1950' }), condition()), { today: TODAY });
    expect(partial.rows[0]).toMatchObject({
      ok: false,
      errors: [{ field: 'Bundle.entry[0].resource.birthDate', code: 'date.format' }],
    });
  });

  it('requires a date on the Condition', () => {
    const { rows } = parseFhirBundle(bundle(patient(), condition({ onsetDateTime: undefined })), {
      today: TODAY,
    });
    expect(rows[0]).toMatchObject({
      ok: false,
      errors: [{ field: 'Bundle.entry[1].resource.onset[x]', code: 'field.required' }],
    });
  });

  it('refuses a subject that is not a Patient and a Condition without subject', () => {
    const wrongType = parseFhirBundle(
      bundle(patient(), condition({ subject: { reference: 'Condition/c' } }), { ...condition(), id: 'c' }),
      { today: TODAY },
    );
    expect(wrongType.rows[0]).toMatchObject({ ok: false, errors: [{ code: 'fhir.referenceType' }] });
    const none = parseFhirBundle(bundle(patient(), condition({ subject: undefined })), { today: TODAY });
    expect(none.rows[0]).toMatchObject({
      ok: false,
      errors: [{ field: 'Bundle.entry[1].resource.subject.reference', code: 'fhir.missingReference' }],
    });
  });

  it('warns, but imports, when the encounter reference points outside the Bundle', () => {
    const { rows } = parseFhirBundle(
      bundle(patient(), condition({ encounter: { reference: 'Encounter/elsewhere' } })),
      { today: TODAY },
    );
    const row = recordOf(rows[0]);
    expect(row.record.fracture.encounterType).toBe('unknown');
    expect(row.warnings).toEqual([
      expect.objectContaining({
        field: 'Bundle.entry[1].resource.encounter.reference',
        code: 'fhir.danglingReference',
      }),
    ]);
  });

  it("dates the patient's details by meta.lastUpdated, and warns when that cannot be read", () => {
    const dated = parseFhirBundle(
      bundle(patient({ meta: { lastUpdated: '2025-06-01T10:00:00+02:00' } }), condition()),
      {
        today: TODAY,
      },
    );
    expect(recordOf(dated.rows[0]).record.patient.recordedAt).toBe('2025-06-01T08:00:00.000Z');
    const undated = parseFhirBundle(bundle(patient(), condition()), { today: TODAY });
    expect(recordOf(undated.rows[0]).record.patient.recordedAt).toBeUndefined();
    const unreadable = parseFhirBundle(
      bundle(patient({ meta: { lastUpdated: '2025-06-01' } }), condition()),
      {
        today: TODAY,
      },
    );
    const row = recordOf(unreadable.rows[0]);
    expect(row.record.patient.recordedAt).toBeUndefined();
    expect(row.warnings).toEqual([
      expect.objectContaining({
        field: 'Bundle.entry[0].resource.meta.lastUpdated',
        code: 'fhir.lastUpdated',
      }),
    ]);
  });

  it('reads encounter classes AMB and IMP', () => {
    const encounter = (code: string) => ({ resourceType: 'Encounter', id: 'e1', class: { code } });
    const amb = parseFhirBundle(
      bundle(patient(), condition({ encounter: { reference: 'Encounter/e1' } }), encounter('AMB')),
      { today: TODAY },
    );
    expect(recordOf(amb.rows[0]).record.fracture.encounterType).toBe('outpatient');
    const imp = parseFhirBundle(
      bundle(patient(), condition({ encounter: { reference: 'Encounter/e1' } }), encounter('IMP')),
      { today: TODAY },
    );
    expect(recordOf(imp.rows[0]).record.fracture.encounterType).toBe('inpatient');
  });

  it('accepts the Dutch ICD-10 system and the ICD-10 OID, but not ICD-10-CM codes', () => {
    for (const system of ['http://hl7.org/fhir/sid/icd-10-nl', 'urn:oid:2.16.840.1.113883.6.3']) {
      const { rows } = parseFhirBundle(
        bundle(patient(), condition({ code: { coding: [{ system, code: 'S42.0' }] } })),
        { today: TODAY },
      );
      expect(recordOf(rows[0]).record.fracture.siteCode, system).toBe('clavicle');
    }
    const cm = parseFhirBundle(
      bundle(
        patient(),
        condition({ code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'S42.001A' }] } }),
      ),
      { today: TODAY },
    );
    expect(cm.rows).toEqual([]);
    expect(cm.skipped).toEqual([expect.objectContaining({ reason: 'notAFracture' })]);
  });

  it('flags pathological fractures and a bone metastasis code is not itself a fracture', () => {
    const pathological = parseFhirBundle(
      bundle(
        patient(),
        condition({
          code: {
            coding: [
              { system: 'http://snomed.info/sct', code: '268029009', display: 'Pathological fracture' },
            ],
            text: 'Pathologische fractuur heup',
          },
        }),
      ),
      { today: TODAY },
    );
    expect(recordOf(pathological.rows[0]).record.fracture).toMatchObject({
      pathological: true,
      siteCode: 'femur_proximal',
    });
    const metastasis = parseFhirBundle(
      bundle(patient(), condition({ code: { coding: [{ system: ICD10, code: 'C79.5' }] } })),
      { today: TODAY },
    );
    expect(metastasis.rows).toEqual([]);
  });

  it('skips Conditions entered in error', () => {
    const { rows, skipped } = parseFhirBundle(
      bundle(patient(), condition({ verificationStatus: { coding: [{ code: 'entered-in-error' }] } })),
      { today: TODAY },
    );
    expect(rows).toEqual([]);
    expect(skipped).toEqual([{ row: 2, path: 'Bundle.entry[1].resource', reason: 'enteredInError' }]);
  });

  it('ignores DELETE entries in a transaction', () => {
    const input = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { request: { method: 'DELETE', url: 'Patient/9' } },
        { resource: patient() },
        { resource: condition() },
      ],
    };
    expect(parseFhirBundle(input, { today: TODAY }).rows).toHaveLength(1);
  });
});

const SNOMED = 'http://snomed.info/sct';

describe('parseFhirBundle — no source data silently lost', () => {
  it('keeps an unmapped SNOMED code of a fracture named in the text, with a warning', () => {
    const { rows } = parseFhirBundle(
      bundle(
        patient(),
        condition({
          code: { coding: [{ system: SNOMED, code: '263102004', display: 'Fracture subluxation of wrist' }] },
        }),
      ),
      { today: TODAY },
    );
    const row = recordOf(rows[0]);
    expect(row.record.fracture).toMatchObject({
      siteCode: 'radius_forearm_wrist',
      snomedCode: '263102004',
      sourceCodes: [{ system: 'snomed', code: '263102004', display: 'Fracture subluxation of wrist' }],
    });
    expect(row.warnings).toEqual([
      expect.objectContaining({ field: 'Bundle.entry[1].resource.code', code: 'snomed.unmapped' }),
    ]);
  });

  it('folds one injury coded twice on one day into one fracture with both codes', () => {
    const { rows } = parseFhirBundle(
      bundle(
        patient(),
        condition({
          code: { coding: [{ system: SNOMED, code: '65966004', display: 'Fracture of forearm' }] },
        }),
        condition({
          code: { coding: [{ system: SNOMED, code: '443165006', display: 'Osteoporotic fracture of bone' }] },
        }),
      ),
      { today: TODAY },
    );
    expect(rows).toHaveLength(1);
    const row = recordOf(rows[0]);
    expect(row.record.fracture).toMatchObject({
      siteCode: 'radius_forearm_wrist',
      sourceCodes: [
        { system: 'snomed', code: '65966004', display: 'Fracture of forearm' },
        { system: 'snomed', code: '443165006', display: 'Osteoporotic fracture of bone' },
      ],
    });
    expect(row.warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 3, code: 'fracture.sameInjury' })]),
    );
  });

  it('keeps two injuries at different sites on one day apart, and a pathological mention is never lost', () => {
    const twoSites = parseFhirBundle(
      bundle(
        patient(),
        condition({ code: { coding: [{ system: ICD10, code: 'S72.0' }] } }),
        condition({ code: { coding: [{ system: ICD10, code: 'S52.5' }] } }),
      ),
      { today: TODAY },
    );
    expect(twoSites.rows.map((r) => recordOf(r).record.fracture.siteCode)).toEqual([
      'femur_proximal',
      'radius_forearm_wrist',
    ]);
    const pathological = parseFhirBundle(
      bundle(
        patient(),
        condition({ code: { coding: [{ system: SNOMED, code: '65966004' }] } }),
        condition({
          code: { coding: [{ system: SNOMED, code: '268029009', display: 'Pathological fracture' }] },
        }),
      ),
      { today: TODAY },
    );
    expect(pathological.rows).toHaveLength(1);
    expect(recordOf(pathological.rows[0]).record.fracture.pathological).toBe(true);
  });

  it('warns about a Condition whose elements have the wrong JSON type instead of skipping it silently', async () => {
    const items = await collect(
      parseFhirFractures(
        bytesStream(JSON.stringify(bundle(patient(), condition({ code: 'S72.0', onsetDateTime: 20250105 })))),
        { today: TODAY },
      ),
    );
    expect(items).toEqual([
      {
        kind: 'skipped',
        row: 2,
        warnings: [
          expect.objectContaining({ field: 'Bundle.entry[1].resource.code', code: 'fhir.wrongType' }),
          expect.objectContaining({
            field: 'Bundle.entry[1].resource.onsetDateTime',
            code: 'fhir.wrongType',
          }),
        ],
      },
    ]);
  });

  it('refuses an entry with a NUL character, naming its path, and every fracture that needs it', () => {
    const { rows } = parseFhirBundle(bundle(patient({ name: [{ family: 'Jan\u0000sen' }] }), condition()), {
      today: TODAY,
    });
    expect(rows).toEqual([
      {
        ok: false,
        row: 1,
        errors: [
          expect.objectContaining({ field: 'Bundle.entry[0].resource.name[0].family', code: 'text.nul' }),
        ],
      },
      {
        ok: false,
        row: 2,
        errors: [expect.objectContaining({ code: 'fhir.unreadableReference' })],
      },
    ]);
  });

  it('refuses FHIR XML with a clear message', () => {
    const error = fileError(() =>
      parseFhirBundle('<?xml version="1.0"?>\r\n<Patient xmlns="http://hl7.org/fhir"/>', { today: TODAY }),
    );
    expect(error.code).toBe('fhir.xml');
    expect(error.message).toMatch(/JSON only/);
  });
});

describe('parseFhirBundle — deaths', () => {
  it('reads deceasedDateTime and deceasedBoolean', () => {
    const dated = parseFhirBundle(
      bundle(patient({ deceasedDateTime: '2025-03-02T11:00:00+01:00' }), condition()),
      {
        today: TODAY,
      },
    );
    expect(recordOf(dated.rows[0]).record.patient.deceased).toEqual({ date: '2025-03-02' });
    const flagged = parseFhirBundle(bundle(patient({ deceasedBoolean: true }), condition()), {
      today: TODAY,
    });
    expect(recordOf(flagged.rows[0]).record.patient.deceased).toEqual({});
    const alive = parseFhirBundle(bundle(patient({ deceasedBoolean: false }), condition()), { today: TODAY });
    expect(recordOf(alive.rows[0]).record.patient.deceased).toBeUndefined();
  });

  it('hands on a Patient without a fracture that reports a death, as an update', () => {
    const result = parseFhirBundle(bundle(patient({ deceasedBoolean: true })), { today: TODAY });
    expect(result.rows).toEqual([]);
    expect(result.updates).toEqual([
      expect.objectContaining({
        kind: 'patientUpdate',
        patient: expect.objectContaining({ deceased: {} }) as unknown,
      }),
    ]);
  });
});
