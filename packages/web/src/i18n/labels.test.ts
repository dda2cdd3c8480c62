import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import nl from './nl.json';
import {
  auditReasonLabel,
  configMarkerLabel,
  eligibilityReasonLabel,
  episodeReasonLabel,
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

  it('word every episode reason code with its details, dates as dd-mm-jjjj', () => {
    const label = (code: string, details: Record<string, unknown> = {}) =>
      episodeReasonLabel(t, { code, details });
    expect(label('imported', { importId: '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f' })).toBe(
      'Gevonden bij een import',
    );
    expect(label('invitation_sent', { sentOn: '2025-07-01' })).toBe('Uitnodiging verstuurd op 01-07-2025');
    expect(label('reminder_sent', { sentOn: '2025-07-22' })).toBe('Herinnering verstuurd op 22-07-2025');
    expect(label('declined', { reason: 'treated_elsewhere' })).toBe('Doet niet mee: wordt elders behandeld');
    expect(label('not_eligible_after_review', { reason: 'not_a_fracture', reviewedBy: 'nurse.anna' })).toBe(
      'Komt niet in aanmerking na beoordeling door nurse.anna: geen fractuur',
    );
    expect(label('legacy')).toBe('Eerder vastgelegd');
  });

  it('show an episode reason code or detail the catalogues do not know as it is', () => {
    expect(episodeReasonLabel(t, { code: 'lost_to_follow_up', details: {} })).toBe('lost_to_follow_up');
    expect(episodeReasonLabel(t, { code: 'declined', details: { reason: 'on_holiday' } })).toBe(
      'Doet niet mee: on_holiday',
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
