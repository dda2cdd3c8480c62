import { describe, expect, it } from 'vitest';
import {
  episodeActionSchema,
  patientRecordSchema,
  sessionSchema,
  worklistItemSchema,
  type WorklistItem,
} from './index';

const ID = '0190f5a4-7b1c-7d2e-8f3a-4b5c6d7e8f90';

const item: WorklistItem = {
  episodeId: ID,
  episodeState: 'identified',
  patientId: ID,
  familyName: 'Jansen',
  givenNames: 'Anna',
  initials: 'A.',
  bsn: null,
  birthDate: '1950-01-01',
  hospitalNumber: 'Z100',
  sex: 'female',
  ageAtFracture: 74,
  fractureId: ID,
  fractureDate: '2025-01-01',
  siteCode: 'femur_proximal',
  siteText: 'heup',
  icd10Code: 'S72.0',
  patientGroup: 'hip',
  eligibility: 'eligible',
  eligibilityReason: 'qualifyingFracture',
  assumptions: [],
  source: 'csv',
  taskId: null,
  taskKind: 'invite',
  taskDueDate: '2025-01-08',
};

describe('answers a screen only shows', () => {
  it('take a code added after the screen was loaded, as the code', () => {
    const later = { ...item, episodeState: 'consult_planned', taskKind: 'plan_consult', source: 'portal' };
    expect(worklistItemSchema.parse(later)).toMatchObject({ episodeState: 'consult_planned' });
    expect(episodeActionSchema.parse({ episodeId: ID, state: 'consult_planned', nextTask: null }).state).toBe(
      'consult_planned',
    );
  });

  it('read a reason code added later with whatever details it carries', () => {
    const record = patientRecordSchema.parse({
      patient: {
        id: ID,
        bsn: null,
        familyName: 'Jansen',
        givenNames: 'Anna',
        initials: 'A.',
        birthDate: '1950-01-01',
        sex: 'female',
        city: '',
        sourceSystem: null,
        sourceId: null,
        street: '',
        houseNumber: '',
        postalCode: '',
        country: 'NL',
        phone: '',
        email: '',
        gpName: '',
        gpAgbCode: '',
        gpPracticeName: '',
        gpAddress: '',
        deceased: false,
        deceasedDate: null,
        demographicsAsOf: '2025-01-01T00:00:00.000Z',
      },
      fractures: [],
      episodes: [
        {
          id: ID,
          state: 'identified',
          stateReason: { code: 'consult_cancelled', details: { by: 'patient' }, note: '' },
          patientGroup: null,
          openedOn: '2025-01-01',
          closedOn: null,
          indexFractureId: null,
        },
      ],
      openTasks: [],
    });
    expect(record.episodes[0]?.stateReason?.details).toEqual({ by: 'patient' });
  });

  it('drop fields they do not name (the server serialises through them: an allow-list)', () => {
    const parsed = worklistItemSchema.parse({ ...item, portalCode: 'secret' });
    expect(parsed).not.toHaveProperty('portalCode');
  });
});

describe('answers a screen branches on', () => {
  it('refuse a role the app does not know', () => {
    const session = {
      user: {
        id: ID,
        username: 'x',
        displayName: 'X',
        role: 'nurse',
        organization: { id: ID, name: 'Z' },
        patientId: null,
      },
      csrfToken: 't',
    };
    expect(sessionSchema.safeParse(session).success).toBe(true);
    expect(sessionSchema.safeParse({ ...session, user: { ...session.user, role: 'root' } }).success).toBe(
      false,
    );
  });
});
