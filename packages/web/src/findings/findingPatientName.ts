import type { TFunction } from 'i18next';
import type { ReportFinding } from '@osteopad/contract';
import { patientName } from '../patients/patientName';

/** The patient's name when Osteopad knows them, otherwise "Onbekende patiënt". */
export function findingPatientName(t: TFunction, finding: ReportFinding): string {
  if (finding.patientId === null || finding.familyName === null) return t('findings.unknownPatient');
  return patientName({ familyName: finding.familyName, givenNames: finding.givenNames ?? '', initials: '' });
}
