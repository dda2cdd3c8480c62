import type { PatientSummary } from '@osteopad/contract';

/** "Bakker, Cornelia" — family name first, as in Dutch hospital lists; initials when no given names. */
export function patientName(patient: Pick<PatientSummary, 'familyName' | 'givenNames' | 'initials'>): string {
  const given = patient.givenNames.trim() === '' ? patient.initials.trim() : patient.givenNames.trim();
  return given === '' ? patient.familyName : `${patient.familyName}, ${given}`;
}
