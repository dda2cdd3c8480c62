import { describe, expect, it } from 'vitest';
import { ClinicalInputError } from './errors';
import { genantGrade, spineImaging, vfaCategory, type GenantGrade } from './vertebralFractures';

describe('R5.2 Genant grade', () => {
  it.each([
    [0, 0],
    [19.9, 0],
    [20, 1],
    [24.9, 1],
    [25, 2],
    [39.9, 2],
    [40, 3],
    [100, 3],
  ])('%d %% → grade %i', (loss, grade) => {
    expect(genantGrade(loss).genantGrade).toBe(grade);
  });

  it.each([-0.1, 100.1, Number.NaN])('rejects %d %%', (loss) => {
    expect(() => genantGrade(loss)).toThrow(ClinicalInputError);
  });
});

describe('R5.4 VFA category', () => {
  it.each<[GenantGrade[], string]>([
    [[], 'none'],
    [[0, 0], 'none'],
    [[1], 'grade1'],
    [[1, 1, 1], 'grade1'],
    [[1, 2], 'grade2_single'],
    [[2, 2], 'grade2_multiple'],
    [[2, 1, 2, 0], 'grade2_multiple'],
    [[2, 2, 3], 'grade3'],
    [[3, 1], 'grade3'],
  ])('%j → %s', (grades, category) => {
    expect(vfaCategory(grades).vfaCategory).toBe(category);
  });

  it('counts fractured vertebrae and the highest grade', () => {
    expect(vfaCategory([0, 2, 1])).toMatchObject({ fracturedVertebraCount: 2, highestGrade: 2 });
  });

  it('rejects a grade outside 0–3', () => {
    expect(() => vfaCategory([1, 4 as GenantGrade])).toThrow(
      expect.objectContaining({ field: 'vertebralFractureGrades[1]', reason: 'unknownValue' }) as Error,
    );
  });
});

describe('R5.1 spine imaging', () => {
  it('prefers VFA and falls back to X-rays', () => {
    expect(spineImaging(true).imaging).toBe('dxaVfa');
    expect(spineImaging(false).imaging).toBe('xRayThoracicAndLumbarSpine');
  });
});
