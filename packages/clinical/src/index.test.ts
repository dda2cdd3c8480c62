import { describe, expect, it } from 'vitest';
import * as api from './index';

describe('public API', () => {
  it('exports what the import code relies on', () => {
    expect(api.FRACTURE_SITE_CODES).toHaveLength(22);
    expect(api.FRACTURE_SITE_CODES[0]).toBe('sternum_ribs');
    expect(api.FRACTURE_SITE_CODES).toContain('femur_proximal');
    expect([...api.EXCLUDED_FRACTURE_SITE_CODES]).toEqual([
      'face',
      'skull',
      'fingers',
      'toes',
      'spine_cervical',
    ]);
    for (const fn of [
      api.assessEligibility,
      api.isFractureRecent,
      api.patientGroup,
      api.completedYears,
      api.addCalendarMonths,
      api.daysBetween,
      api.assessPatient,
      api.parseClinicalConfig,
      api.listUnconfirmedValues,
    ]) {
      expect(typeof fn).toBe('function');
    }
    expect(api.DEFAULT_CONFIG.version).toBe('osteopad-default-1');
  });

  it('works through the package entry point', () => {
    expect(
      api.assessEligibility({
        ageYears: 50,
        sex: 'male',
        fractureLocation: 'ankle',
        fractureIsRecent: true,
        isPathologicalFracture: false,
        isHighEnergyTrauma: false,
      }).eligible,
    ).toBe(true);
    expect(api.patientGroup('femur_proximal', 'inpatient')).toBe('hip');
    expect(api.daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});
