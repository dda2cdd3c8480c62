import { describe, expect, it } from 'vitest';
import {
  FALL_INTERVENTIONS,
  FALL_INVENTORY_ITEMS,
  LAB_ANALYTES,
  LAB_ORDER_GROUPS,
  LAB_ORDER_TESTS,
  LAB_RESULT_FLAGS,
} from '@osteopad/contract';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

// Every engine code this screen shows has its text in both languages.
const CODES: [string, readonly string[]][] = [
  ['labs.analytes', LAB_ANALYTES],
  ['labs.tests', LAB_ORDER_TESTS],
  ['labs.groups', LAB_ORDER_GROUPS],
  ['labs.flags', LAB_RESULT_FLAGS],
  ['fall.interventions', FALL_INTERVENTIONS],
  ['fall.inventoryItems', FALL_INVENTORY_ITEMS],
  [
    'issues',
    [
      'negative_value',
      'value_out_of_range',
      'range_inverted',
      'future_date',
      'before_birth',
      'falls_out_of_range',
    ],
  ],
];

function at(catalogue: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], catalogue);
}

describe('labResults catalogue', () => {
  for (const [language, catalogue] of [
    ['nl', nl.labResults],
    ['en', en.labResults],
  ] as const) {
    for (const [path, codes] of CODES) {
      it(`${language}: ${path} has a text for every code`, () => {
        const missing = codes.filter((code) => typeof at(catalogue, `${path}.${code}`) !== 'string');
        expect(missing).toEqual([]);
      });
    }
  }
});
