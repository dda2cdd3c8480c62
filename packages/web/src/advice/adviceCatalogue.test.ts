import { describe, expect, it } from 'vitest';
import { CALCIUM_FOOD_CODES, CALCIUM_REQUIREMENT_BASES, VITAMIN_D_GROUPS } from '@osteopad/contract';
import { ADVICE_ISSUE_CODES } from './adviceTexts';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

// Every code the advice screen words — foods and their portions, requirement bases, vitamin D groups,
// refusal reasons — has its text in both languages, so no code reaches a patient as a code.
const KEYS: string[] = [
  ...CALCIUM_FOOD_CODES.flatMap((food) => [
    `foods.label.${food}`,
    `foods.perPortion.${food}`,
    `foods.portion.${food}_one`,
    `foods.portion.${food}_other`,
  ]),
  ...CALCIUM_REQUIREMENT_BASES.map((basis) => `calcium.requirement.${basis}`),
  ...VITAMIN_D_GROUPS.map((group) => `groups.${group}`),
  ...ADVICE_ISSUE_CODES.map((code) => `issues.${code}`),
  'vitaminD.scheme.GR2012',
  'vitaminD.scheme.GR2008',
];

function at(catalogue: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], catalogue);
}

describe('advice catalogue', () => {
  it.each([
    ['nl', nl],
    ['en', en],
  ])('words every code in %s', (_language, catalogue) => {
    const missing = KEYS.filter((key) => typeof at(catalogue.advice, key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('gives every portion its count', () => {
    for (const catalogue of [nl, en])
      for (const food of CALCIUM_FOOD_CODES)
        expect(at(catalogue.advice, `foods.portion.${food}_other`)).toMatch(/\{\{count\}\}/);
  });
});
