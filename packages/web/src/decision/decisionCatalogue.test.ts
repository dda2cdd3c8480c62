import { describe, expect, it } from 'vitest';
import {
  ADMINISTRATION_CODES,
  BMD_CATEGORIES,
  CARE_OWNERS,
  DECISION_DRUG_CODES,
  DECISION_ITEM_CODES,
  DECISION_ITEM_GROUPS,
  DECISION_OUTCOMES,
  DECISION_TASK_KINDS,
  DRUG_BLOCK_REASONS,
  FOLLOW_UP_KINDS,
  LIFESTYLE_CODES,
  REFERRAL_VALUES,
  SUPPLEMENT_VALUES,
  TREATMENT_INDICATION_VALUES,
  VFA_CATEGORY_CODES,
} from '@osteopad/contract';
import en from './i18n/en.json';
import nl from './i18n/nl.json';
import mainEn from '../i18n/en.json';
import mainNl from '../i18n/nl.json';

const LISTS: Record<string, readonly string[]> = {
  items: DECISION_ITEM_CODES,
  groups: DECISION_ITEM_GROUPS,
  bmd: BMD_CATEGORIES,
  vfa: VFA_CATEGORY_CODES,
  indication: TREATMENT_INDICATION_VALUES,
  drug: DECISION_DRUG_CODES,
  referral: REFERRAL_VALUES,
  lifestyle: LIFESTYLE_CODES,
  careOwner: CARE_OWNERS,
  supplement: SUPPLEMENT_VALUES,
  blockReason: DRUG_BLOCK_REASONS,
  administration: ADMINISTRATION_CODES,
  followUpKind: FOLLOW_UP_KINDS,
  outcome: DECISION_OUTCOMES,
};

describe('the decision screen’s catalogue', () => {
  for (const [language, catalogue] of [
    ['nl', nl.decision],
    ['en', en.decision],
  ] as const) {
    it.each(Object.keys(LISTS))(`words every %s code in ${language}`, (list) => {
      const texts = (catalogue as unknown as Record<string, Record<string, unknown>>)[list] ?? {};
      for (const code of LISTS[list] ?? []) expect(typeof texts[code], `${list}.${code}`).toBe('string');
    });
  }

  it('has the labels of the plan’s task kinds in both main catalogues', () => {
    for (const kind of DECISION_TASK_KINDS) {
      expect(typeof (mainNl.taskKind as Record<string, unknown>)[kind]).toBe('string');
      expect(typeof (mainEn.taskKind as Record<string, unknown>)[kind]).toBe('string');
    }
  });
});
