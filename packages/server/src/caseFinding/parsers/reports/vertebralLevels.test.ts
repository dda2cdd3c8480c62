import { describe, expect, it } from 'vitest';
import { findLevels, vertebraeOf } from './vertebralLevels';

function vertebrae(text: string): string[] {
  const lower = text.toLowerCase();
  return vertebraeOf(findLevels(lower), lower, { start: 0, end: lower.length }).vertebrae.map((l) => l.name);
}

describe('findLevels', () => {
  it('reads long and short ranges and says whether the levels are neighbours', () => {
    const levels = findLevels('l4-l5, th12/l1, l4-5, th6-th9');
    expect(levels.map((l) => [l.name, l.range?.adjacent, l.range?.slash])).toEqual([
      ['L4', true, false],
      ['L5', true, false],
      ['Th12', true, true],
      ['L1', true, true],
      ['L4', true, false],
      ['L5', true, false],
      ['Th6', false, false],
      ['Th9', false, false],
    ]);
  });

  it('does not read "L1-fractuur" or a count after a level as a range', () => {
    expect(findLevels('l1-fractuur').map((l) => [l.name, l.range])).toEqual([['L1', undefined]]);
    expect(findLevels('th12 - 30% hoogteverlies').map((l) => l.name)).toEqual(['Th12']);
  });
});

describe('vertebraeOf', () => {
  it.each([
    ['Hernia L4-L5.', []],
    ['Verlies van hoogte L1-L2, L2-L3 en L3-L4.', []],
    ['Stenose op niveau L3/L4.', []],
    ['Wervelfractuur Th12 en discusdegeneratie L4-L5.', ['Th12']],
    ['Anterior wedging at L1-L2.', ['L1', 'L2']],
    ['Compressiefracturen Th11-L2.', ['Th11', 'L2']],
    ['Th12/L1.', []],
  ])('%j names the vertebrae %j', (text, names) => {
    expect(vertebrae(text)).toEqual(names);
  });
});
