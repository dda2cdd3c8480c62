import { describe, expect, it } from 'vitest';
import { highestGenantGrade, mergeVertebralLevels } from './fractureLevels';

describe('mergeVertebralLevels', () => {
  it('keeps every level once, from the top of the spine down', () => {
    expect(mergeVertebralLevels(['L1', 'Th12'], ['Th8', 'L1'])).toEqual(['Th8', 'Th12', 'L1']);
    expect(mergeVertebralLevels([], ['L2', 'Th10'])).toEqual(['Th10', 'L2']);
    expect(mergeVertebralLevels(['Th12'], [])).toEqual(['Th12']);
  });
});

describe('highestGenantGrade', () => {
  it('keeps the highest grade stated, and none when none was', () => {
    expect(highestGenantGrade(null, 2)).toBe(2);
    expect(highestGenantGrade(3, 1)).toBe(3);
    expect(highestGenantGrade(1, null)).toBe(1);
    expect(highestGenantGrade(null, null)).toBeNull();
  });
});
