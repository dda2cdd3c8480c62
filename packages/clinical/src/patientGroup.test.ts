import { describe, expect, it } from 'vitest';
import type { EncounterType } from './codes';
import { ClinicalInputError } from './errors';
import { patientGroup, patientGroupForSameDayFractures } from './patientGroup';

describe('Capture-the-Fracture patient group (QUALITY-KPIS 2.2)', () => {
  it.each<[string, EncounterType, string]>([
    ['femur_proximal', 'inpatient', 'hip'],
    ['femur_proximal', 'emergency', 'hip'],
    ['spine_thoracolumbar', 'outpatient', 'vertebral'],
    ['spine_thoracolumbar', 'inpatient', 'vertebral'],
    ['humerus', 'inpatient', 'otherInpatient'],
    ['femur_other', 'inpatient', 'otherInpatient'],
    ['radius_forearm_wrist', 'emergency', 'outpatient'],
    ['ankle', 'outpatient', 'outpatient'],
    ['pelvis', 'unknown', 'outpatient'],
  ])('%s (%s) → %s', (site, encounter, group) => {
    expect(patientGroup(site, encounter)).toBe(group);
  });

  it('applies hip > vertebral > otherInpatient > outpatient on the same day', () => {
    expect(
      patientGroupForSameDayFractures([
        { site: 'radius_forearm_wrist', encounterType: 'emergency' },
        { site: 'spine_thoracolumbar', encounterType: 'emergency' },
      ]),
    ).toBe('vertebral');
    expect(
      patientGroupForSameDayFractures([
        { site: 'spine_thoracolumbar', encounterType: 'inpatient' },
        { site: 'femur_proximal', encounterType: 'inpatient' },
      ]),
    ).toBe('hip');
    expect(patientGroupForSameDayFractures([])).toBeNull();
  });

  it('rejects an unknown encounter type', () => {
    expect(() => patientGroup('humerus', 'ward' as EncounterType)).toThrow(ClinicalInputError);
  });
});
