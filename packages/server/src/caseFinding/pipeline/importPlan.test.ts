import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import type { FractureRegistration, ImportedPatient, PatientUpdate } from '../parsers/types';
import { classifyRegistration } from './classifyRegistration';
import { planBatch, type KnownFacts, type KnownPatient, type StagedRegistration } from './importPlan';
import type { Demographics } from './patientDemographics';

const TODAY = '2025-06-30';
const IMPORTED_AT = '2025-06-30T08:00:00.000Z';

function context() {
  let n = 0;
  return {
    today: TODAY,
    importedAt: IMPORTED_AT,
    newId: () => `id-${String(++n)}`,
    newPortalCode: () => `code-${String(n)}`,
  };
}

const PERSON: ImportedPatient = {
  bsn: '999900006',
  familyName: 'Jansen',
  birthDate: '1950-01-01',
  sex: 'female',
  address: { street: 'Dorpsstraat', houseNumber: '2', city: 'Utrecht' },
};

function registration(row: number, patient: ImportedPatient, date = '2025-05-01'): StagedRegistration {
  const r: FractureRegistration = {
    source: { format: 'hl7v2', row },
    patient,
    fracture: {
      date,
      siteCode: 'femur_proximal',
      encounterType: 'inpatient',
      traumaMechanism: 'low',
      pathological: false,
    },
  };
  return { seq: row, registration: r, classification: classifyRegistration(r, TODAY, DEFAULT_CONFIG) };
}

function update(row: number, patient: ImportedPatient & { recordedAt: string }) {
  const u: PatientUpdate = { kind: 'patientUpdate', source: { format: 'hl7v2', row }, patient };
  return { seq: row, update: u };
}

const STORED: Demographics = {
  familyName: 'Jansen',
  givenNames: '',
  initials: '',
  street: 'Dorpsstraat',
  houseNumber: '2',
  postalCode: '',
  city: 'Utrecht',
  country: 'NL',
  phone: '',
  gpName: '',
  gpAgbCode: '',
  gpPracticeName: '',
  gpAddress: '',
};

function knowing(asOf: string): KnownFacts {
  const patient: KnownPatient = {
    id: 'known-1',
    bsn: '999900006',
    sourceSystem: null,
    sourceId: null,
    demographics: STORED,
    demographicsAsOf: asOf,
    birthDate: '1950-01-01',
    sex: 'female',
    deceased: false,
    deceasedDate: null,
  };
  return { patients: [patient], fractureKeys: new Set(), withOpenEpisode: new Set() };
}

const NONE: KnownFacts = { patients: [], fractureKeys: new Set(), withOpenEpisode: new Set() };
const MOVED = { street: 'Kerkweg', houseNumber: '5', city: 'Zeist' };

describe('planBatch — newer details of known patients', () => {
  it('updates a known patient from a newer A08 and records which fields changed', () => {
    const plan = planBatch([], knowing('2025-01-01T00:00:00.000Z'), context(), [
      update(1, { ...PERSON, address: MOVED, recordedAt: '2025-06-01T10:00:00.000Z' }),
    ]);
    expect(plan.patientUpdates).toEqual([
      {
        patientId: 'known-1',
        demographics: { ...STORED, ...MOVED },
        demographicsAsOf: '2025-06-01T10:00:00.000Z',
        changed: ['street', 'houseNumber', 'city'],
      },
    ]);
    expect(plan.touched).toEqual([
      expect.objectContaining({
        patientId: 'known-1',
        created: false,
        fractureIds: [],
        rows: [1],
        demographics: { changed: ['street', 'houseNumber', 'city'], asOf: '2025-06-01T10:00:00.000Z' },
      }),
    ]);
  });

  it('leaves a known patient alone when the details are older, or undated (CSV)', () => {
    const older = planBatch([], knowing('2025-06-01T00:00:00.000Z'), context(), [
      update(1, { ...PERSON, address: MOVED, recordedAt: '2025-05-01T10:00:00.000Z' }),
    ]);
    expect(older.patientUpdates).toEqual([]);
    expect(older.touched).toEqual([]);
    const undated = planBatch(
      [registration(1, { ...PERSON, address: MOVED })],
      knowing('2025-01-01T00:00:00.000Z'),
      context(),
    );
    expect(undated.patientUpdates).toEqual([]);
    expect(undated.fractures).toHaveLength(1);
  });

  it('updates a known patient from a newer message that also brings a fracture', () => {
    const plan = planBatch(
      [registration(1, { ...PERSON, address: MOVED, recordedAt: '2025-06-01T10:00:00.000Z' })],
      knowing('2025-01-01T00:00:00.000Z'),
      context(),
    );
    expect(plan.patientUpdates).toHaveLength(1);
    expect(plan.touched[0]).toMatchObject({ patientId: 'known-1', rows: [1], fractureIds: ['id-1'] });
  });

  it('ignores updates for people Osteopad does not know', () => {
    const plan = planBatch([], NONE, context(), [
      update(1, { ...PERSON, recordedAt: '2025-06-01T10:00:00.000Z' }),
    ]);
    expect(plan).toMatchObject({ patients: [], patientUpdates: [], touched: [], updatesIgnored: 1 });
  });

  it('refuses an update whose BSN and hospital number point at different patients', () => {
    const known = knowing('2025-01-01T00:00:00.000Z');
    const other: KnownPatient = {
      id: 'known-2',
      bsn: null,
      sourceSystem: 'ZKH',
      sourceId: '77',
      demographics: STORED,
      demographicsAsOf: '2025-01-01T00:00:00.000Z',
      birthDate: '1950-01-01',
      sex: 'female',
      deceased: false,
      deceasedDate: null,
    };
    const plan = planBatch([], { ...known, patients: [...known.patients, other] }, context(), [
      update(3, { ...PERSON, sourceSystem: 'ZKH', sourceId: '77', recordedAt: '2025-06-01T10:00:00.000Z' }),
    ]);
    expect(plan.conflicts).toEqual([expect.objectContaining({ row: 3, code: 'patient.identityConflict' })]);
    expect(plan.patientUpdates).toEqual([]);
  });

  it('a patient new in this batch is stored with the newest details of the batch', () => {
    const plan = planBatch(
      [registration(1, { ...PERSON, recordedAt: '2025-05-01T10:00:00.000Z' })],
      NONE,
      context(),
      [
        update(2, { ...PERSON, address: MOVED, recordedAt: '2025-06-01T10:00:00.000Z' }),
        update(3, { ...PERSON, phone: '030-1', recordedAt: '2025-04-01T10:00:00.000Z' }),
      ],
    );
    expect(plan.patients).toHaveLength(1);
    expect(plan.patients[0]).toMatchObject({
      demographics: { ...STORED, ...MOVED },
      demographicsAsOf: '2025-06-01T10:00:00.000Z',
    });
    expect(plan.patientUpdates).toEqual([]);
  });

  it('an undated new patient counts as true when the import started', () => {
    const plan = planBatch([registration(1, PERSON)], NONE, context());
    expect(plan.patients[0]?.demographicsAsOf).toBe(IMPORTED_AT);
  });

  it('never changes birth date or sex, but reports a difference for a person to check', () => {
    const plan = planBatch(
      [
        registration(4, {
          ...PERSON,
          birthDate: '1951-01-01',
          sex: 'male',
          recordedAt: '2025-06-01T10:00:00.000Z',
        }),
      ],
      knowing('2025-01-01T00:00:00.000Z'),
      context(),
      [update(5, { ...PERSON, sex: 'unknown', recordedAt: '2025-06-02T10:00:00.000Z' })],
    );
    expect(plan.warnings).toEqual([
      expect.objectContaining({ row: 4, field: 'patient.birthDate', code: 'patient.birthDateDiffers' }),
      expect.objectContaining({ row: 4, field: 'patient.sex', code: 'patient.sexDiffers' }),
    ]);
    expect(plan.fractures).toHaveLength(1);
    expect(plan.patients).toEqual([]);
  });
});

describe('planBatch — deaths', () => {
  const none: KnownFacts = { patients: [], fractureKeys: new Set(), withOpenEpisode: new Set() };

  it('stores a new patient who has died as deceased and closes the episode at once', () => {
    const plan = planBatch(
      [registration(1, { ...PERSON, deceased: { date: '2025-06-01' } })],
      none,
      context(),
    );
    expect(plan.patients[0]?.death).toEqual({ date: '2025-06-01' });
    expect(plan.episodes).toHaveLength(1);
    expect(plan.episodes[0]?.closedByDeath).toEqual({ deceasedOn: '2025-06-01' });
    expect(plan.deaths).toEqual([]);
  });

  it('opens an invitation as usual for a patient not known to have died', () => {
    const plan = planBatch([registration(1, PERSON)], none, context());
    expect(plan.patients[0]?.death).toBeUndefined();
    expect(plan.episodes[0]?.closedByDeath).toBeUndefined();
    expect(plan.episodes[0]?.taskKind).toBe('invite');
  });

  it('records the death of a known patient from an update without a fracture, and says so in the audit', () => {
    const plan = planBatch([], knowing('2025-01-01T00:00:00.000Z'), context(), [
      {
        seq: 1,
        update: {
          kind: 'patientUpdate',
          source: { format: 'hl7v2', row: 3 },
          patient: { ...PERSON, deceased: {} },
        },
      },
    ]);
    expect(plan.deaths).toEqual([{ patientId: 'known-1', date: null, rows: [3] }]);
    expect(plan.touched).toEqual([
      expect.objectContaining({ patientId: 'known-1', death: { date: null }, rows: [3] }),
    ]);
    expect(plan.updatesIgnored).toBe(0);
  });

  it('keeps a date of death already known, and adds one to a death known without its date', () => {
    const known = knowing('2025-01-01T00:00:00.000Z');
    const [stored] = known.patients;
    if (stored === undefined) throw new Error('no patient');
    const dated = { ...known, patients: [{ ...stored, deceased: true, deceasedDate: '2025-03-01' }] };
    const again = planBatch([], dated, context(), [
      {
        seq: 1,
        update: {
          kind: 'patientUpdate',
          source: { format: 'fhir', row: 1 },
          patient: { ...PERSON, deceased: { date: '2025-04-01' } },
        },
      },
    ]);
    expect(again.deaths).toEqual([]);
    const undated = { ...known, patients: [{ ...stored, deceased: true, deceasedDate: null }] };
    const withDate = planBatch([], undated, context(), [
      {
        seq: 1,
        update: {
          kind: 'patientUpdate',
          source: { format: 'fhir', row: 1 },
          patient: { ...PERSON, deceased: { date: '2025-04-01' } },
        },
      },
    ]);
    expect(withDate.deaths).toEqual([{ patientId: 'known-1', date: '2025-04-01', rows: [1] }]);
  });

  it('closes the episode of a new fracture of a patient known to have died', () => {
    const known = knowing('2025-01-01T00:00:00.000Z');
    const [stored] = known.patients;
    if (stored === undefined) throw new Error('no patient');
    const plan = planBatch(
      [registration(1, PERSON)],
      { ...known, patients: [{ ...stored, deceased: true, deceasedDate: '2025-06-10' }] },
      context(),
    );
    expect(plan.episodes[0]?.closedByDeath).toEqual({ deceasedOn: '2025-06-10' });
    expect(plan.deaths).toEqual([]);
  });

  it('a death reported later in the same batch applies to the patient its fracture created', () => {
    const plan = planBatch([registration(1, PERSON)], none, context(), [
      {
        seq: 2,
        update: {
          kind: 'patientUpdate',
          source: { format: 'hl7v2', row: 2 },
          patient: { ...PERSON, deceased: { date: '2025-06-20' } },
        },
      },
    ]);
    expect(plan.patients[0]?.death).toEqual({ date: '2025-06-20' });
    expect(plan.episodes[0]?.closedByDeath).toEqual({ deceasedOn: '2025-06-20' });
  });

  it('warns about a fracture dated after the date of death', () => {
    const plan = planBatch(
      [registration(1, { ...PERSON, deceased: { date: '2025-04-01' } }, '2025-05-01')],
      none,
      context(),
    );
    expect(plan.warnings).toEqual([expect.objectContaining({ row: 1, code: 'fracture.afterDeath' })]);
  });
});
