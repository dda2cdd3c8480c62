import { describe, expect, it } from 'vitest';
import {
  applyNewerDetails,
  changedDemographics,
  sentDemographics,
  type Demographics,
} from './patientDemographics';

const STORED: Demographics = {
  familyName: 'Jansen',
  givenNames: 'Anna',
  initials: 'A.',
  street: 'Dorpsstraat',
  houseNumber: '2',
  postalCode: '3511 AB',
  city: 'Utrecht',
  country: 'NL',
  phone: '030-1111111',
  gpName: 'Dr. de Jong',
  gpAgbCode: '01012345',
  gpPracticeName: 'De Linde',
  gpAddress: '',
};

describe('sentDemographics', () => {
  it('takes only the fields a source filled in', () => {
    expect(
      sentDemographics({
        familyName: 'Jansen',
        birthDate: '1950-01-01',
        sex: 'female',
        address: { street: 'Kerkweg', houseNumber: ' 5 ', city: '' },
        gp: { agbCode: '01099999' },
      }),
    ).toEqual({ familyName: 'Jansen', street: 'Kerkweg', houseNumber: '5', gpAgbCode: '01099999' });
  });
});

describe('applyNewerDetails', () => {
  const moved = { street: 'Kerkweg', houseNumber: '5', postalCode: '3581 CD' };

  it('applies details recorded after the stored ones, oldest first, newest winning', () => {
    const outcome = applyNewerDetails(STORED, '2025-01-01T00:00:00.000Z', [
      { recordedAt: '2025-06-01T10:00:00.000Z', sent: { ...moved, phone: '030-2222222' }, row: 2 },
      { recordedAt: '2025-03-01T10:00:00.000Z', sent: { phone: '030-3333333', city: 'Zeist' }, row: 1 },
    ]);
    expect(outcome).toEqual({
      values: { ...STORED, ...moved, city: 'Zeist', phone: '030-2222222' },
      asOf: '2025-06-01T10:00:00.000Z',
      changed: ['street', 'houseNumber', 'postalCode', 'city', 'phone'],
      rows: [1, 2],
    });
  });

  it('ignores details recorded at or before the moment the stored ones were true', () => {
    expect(
      applyNewerDetails(STORED, '2025-06-01T10:00:00.000Z', [
        { recordedAt: '2025-06-01T10:00:00.000Z', sent: moved, row: 1 },
        { recordedAt: '2024-12-31T23:00:00.000Z', sent: moved, row: 2 },
      ]),
    ).toBeUndefined();
  });

  it('moves the moment on even when nothing changed, so an older message cannot undo it later', () => {
    const outcome = applyNewerDetails(STORED, '2025-01-01T00:00:00.000Z', [
      { recordedAt: '2025-02-01T00:00:00.000Z', sent: { city: 'Utrecht' }, row: 1 },
    ]);
    expect(outcome).toMatchObject({ asOf: '2025-02-01T00:00:00.000Z', changed: [] });
  });

  it('compares instants, not text: an offset is honoured', () => {
    const outcome = applyNewerDetails(STORED, '2025-06-01T10:00:00.000Z', [
      { recordedAt: '2025-06-01T11:30:00+02:00', sent: moved, row: 1 },
    ]);
    expect(outcome).toBeUndefined();
  });
});

describe('changedDemographics', () => {
  it('lists the fields that differ', () => {
    expect(changedDemographics(STORED, { city: 'Utrecht', gpName: 'Dr. Bakker' })).toEqual(['gpName']);
  });
});
