import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import nl from './nl.json';
import {
  auditReasonLabel,
  configMarkerLabel,
  eligibilityReasonLabel,
  episodeStateLabel,
  fractureSiteKey,
  fractureSiteLabel,
  taskKindLabel,
} from './labels';
import { flattenCatalogue } from './sourceChecks';

// A stand-in for i18next's t over the Dutch catalogue: enough to test the helpers' logic.
const entries = flattenCatalogue(nl);
const t = ((key: string, options: Record<string, unknown> = {}) => {
  const value = entries.get(key);
  if (typeof value !== 'string') throw new Error(`missing key ${key}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(options[name]));
}) as unknown as TFunction;

describe('code labels', () => {
  it('translate known codes and show unknown ones as they are', () => {
    expect(episodeStateLabel(t, 'follow_up')).toBe('Nacontrole');
    expect(episodeStateLabel(t, 'on_hold')).toBe('on_hold');
    expect(taskKindLabel(t, 'invite_reminder')).toBe('Herinnering sturen');
    expect(taskKindLabel(t, 'dxa_booking')).toBe('dxa_booking');
  });

  it('name how firm a clinical configuration value is, and show a new marker as its code', () => {
    expect(configMarkerLabel(t, 'UNCONFIRMED')).toBe('Niet bevestigd');
    expect(configMarkerLabel(t, 'INFERRED')).toBe('Afgeleid');
    expect(configMarkerLabel(t, 'SOURCE')).toBe('SOURCE');
  });

  it('keep fracture sites clear of i18next plural suffixes', () => {
    expect(fractureSiteKey('femur_other')).toBe('femurOther');
    expect(fractureSiteKey('spine_thoracolumbar')).toBe('spineThoracolumbar');
    expect(fractureSiteKey('ankle')).toBe('ankle');
    expect(fractureSiteLabel(t, 'femur_other')).toBe('Dijbeen, overig');
    expect(fractureSiteLabel(t, 'sesamoid')).toBe('sesamoid');
  });

  it('translate a person’s eligibility decision with its reason', () => {
    expect(eligibilityReasonLabel(t, 'qualifyingFracture')).toBe('Recente fractuur die meetelt');
    expect(eligibilityReasonLabel(t, 'manualReviewEligible')).toBe(
      'Handmatig beoordeeld: komt in aanmerking',
    );
    expect(eligibilityReasonLabel(t, 'manualReview:excluded_site')).toBe(
      'Handmatig beoordeeld: plaats telt niet mee',
    );
    expect(eligibilityReasonLabel(t, 'manualReview:something_new')).toBe(
      'Handmatig beoordeeld: something_new',
    );
  });

  it('translate the purpose of an audit reason and keep the user’s own words', () => {
    expect(auditReasonLabel(t, 'treatment')).toBe('Behandeling');
    expect(auditReasonLabel(t, 'treatment: tweede mening')).toBe('Behandeling: tweede mening');
    expect(auditReasonLabel(t, 'quality-improvement')).toBe('Kwaliteitsverbetering');
    expect(auditReasonLabel(t, 'something else')).toBe('something else');
    expect(auditReasonLabel(t, '')).toBe('');
  });
});
