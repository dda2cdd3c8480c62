import { describe, expect, it } from 'vitest';
import { isPatientId } from '../api/patients';
import { patientName } from './patientName';

describe('patientName', () => {
  it('puts the family name first, as Dutch hospital lists do', () => {
    expect(patientName({ familyName: 'de Vries', givenNames: 'Maria', initials: 'M.' })).toBe(
      'de Vries, Maria',
    );
  });

  it('falls back to initials, then to the family name alone', () => {
    expect(patientName({ familyName: 'Bakker', givenNames: ' ', initials: 'C.J.' })).toBe('Bakker, C.J.');
    expect(patientName({ familyName: 'Bakker', givenNames: '', initials: '' })).toBe('Bakker');
  });
});

describe('isPatientId', () => {
  it('accepts UUIDs only', () => {
    expect(isPatientId('018a518d-89e0-4323-a368-2e394a211537')).toBe(true);
    expect(isPatientId('999990032')).toBe(false);
    expect(isPatientId('../audit')).toBe(false);
  });
});
