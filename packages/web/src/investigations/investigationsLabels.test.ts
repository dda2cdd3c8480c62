/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import {
  BMD_CATEGORIES,
  DXA_SITES,
  EPISODE_REASON_CODES,
  VFA_CATEGORIES,
  Z_SCORE_CATEGORIES,
} from '@osteopad/contract';
import { mergedCatalogues } from '../i18n/catalogueFiles';
import { FIELD_ERROR_CODES } from './investigationsForm';

const { catalogues } = mergedCatalogues();

const keyLists: Record<string, readonly string[]> = {
  sites: DXA_SITES.map((v) => `investigations.sites.${v}`),
  'BMD categories (R4.2)': BMD_CATEGORIES.map((v) => `investigations.bmdCategory.${v}`),
  'Z-score categories (R4.5)': Z_SCORE_CATEGORIES.map((v) => `investigations.zCategory.${v}`),
  'VFA categories (R5.4)': VFA_CATEGORIES.map((v) => `investigations.vfaCategory.${v}`),
  'field errors': FIELD_ERROR_CODES.map((v) => `investigations.errors.${v}`),
  'episode reasons': EPISODE_REASON_CODES.map((v) => `episodeReason.${v}`),
  'missing inputs': ['menopausalStatus', 'sex', 'dxa.tScore', 'dxa.zScore', 'dxa'].map(
    (v) => `investigations.missingInput.${v}`,
  ),
};

describe('investigations labels', () => {
  it.each(Object.entries(keyLists))('every one of the %s has a text in both languages', (_name, keys) => {
    for (const language of ['nl', 'en'] as const) {
      const entries = catalogues[language];
      expect(
        keys.filter((key) => typeof entries.get(key) !== 'string' || entries.get(key) === ''),
        language,
      ).toEqual([]);
    }
  });
});
