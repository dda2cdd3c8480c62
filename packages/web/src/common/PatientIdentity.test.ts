import { describe, expect, it } from 'vitest';
import { ageInYears } from './PatientIdentity';

describe('the age shown beside a patient', () => {
  it('counts completed years: the birthday itself counts, the day before does not', () => {
    expect(ageInYears('1950-03-15', '2026-03-15')).toBe(76);
    expect(ageInYears('1950-03-15', '2026-03-14')).toBe(75);
    expect(ageInYears('1952-02-29', '2026-02-28')).toBe(73);
    expect(ageInYears('1952-02-29', '2026-03-01')).toBe(74);
  });
});
