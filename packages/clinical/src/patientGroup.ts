// Capture-the-Fracture patient group of an index fracture (QUALITY-KPIS 2.2: group names [SOURCE], rule = Convention).
import { ENCOUNTER_TYPES, type EncounterType } from './codes';
import { checkNonEmptyString, checkOneOf } from './validation';

export type CtfPatientGroup = 'hip' | 'vertebral' | 'otherInpatient' | 'outpatient';

/** Precedence when several fractures share a date (QUALITY-KPIS 2.2). */
export const CTF_GROUP_PRECEDENCE: readonly CtfPatientGroup[] = [
  'hip',
  'vertebral',
  'otherInpatient',
  'outpatient',
];

export function patientGroupUnchecked(site: string, encounterType: EncounterType): CtfPatientGroup {
  if (site === 'femur_proximal') return 'hip';
  if (site === 'spine_thoracolumbar') return 'vertebral';
  switch (encounterType) {
    case 'inpatient':
      return 'otherInpatient';
    // An unknown encounter is not a known admission, so it lands with the fractures treated without admission.
    case 'emergency':
    case 'outpatient':
    case 'unknown':
      return 'outpatient';
  }
}

/**
 * QUALITY-KPIS 2.2: `hip` for a proximal-femur fracture, `vertebral` for a thoracic/lumbar spine fracture, else
 * `otherInpatient` when admitted and `outpatient` otherwise (emergency department, fracture clinic, unknown).
 * @throws ClinicalInputError for an empty site or an unknown encounter type.
 */
export function patientGroup(site: string, encounterType: EncounterType): CtfPatientGroup {
  checkNonEmptyString(site, 'site', 100);
  checkOneOf(encounterType, 'encounterType', ENCOUNTER_TYPES);
  return patientGroupUnchecked(site, encounterType);
}

/** The group of several fractures on the same date, by the precedence hip > vertebral > otherInpatient > outpatient. */
export function patientGroupForSameDayFractures(
  fractures: readonly { readonly site: string; readonly encounterType: EncounterType }[],
): CtfPatientGroup | null {
  let best: CtfPatientGroup | null = null;
  for (const fracture of fractures) {
    const group = patientGroup(fracture.site, fracture.encounterType);
    if (best === null || CTF_GROUP_PRECEDENCE.indexOf(group) < CTF_GROUP_PRECEDENCE.indexOf(best))
      best = group;
  }
  return best;
}
