import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import nl from './nl.json';
import { auditReasonLabel, episodeStateLabel } from './labels';
import { flattenCatalogue } from './sourceChecks';

// A stand-in for i18next's t over the Dutch catalogue: enough to test the helpers' logic.
const entries = flattenCatalogue(nl);
const t = ((key: string) => {
  const value = entries.get(key);
  if (typeof value !== 'string') throw new Error(`missing key ${key}`);
  return value;
}) as unknown as TFunction;

describe('code labels', () => {
  it('translate known codes and show unknown ones as they are', () => {
    expect(episodeStateLabel(t, 'follow_up')).toBe('Nacontrole');
    expect(episodeStateLabel(t, 'on_hold')).toBe('on_hold');
  });

  it('translate the purpose of an audit reason and keep the user’s own words', () => {
    expect(auditReasonLabel(t, 'treatment')).toBe('Behandeling');
    expect(auditReasonLabel(t, 'treatment: tweede mening')).toBe('Behandeling: tweede mening');
    expect(auditReasonLabel(t, 'quality-improvement')).toBe('Kwaliteitsverbetering');
    expect(auditReasonLabel(t, 'something else')).toBe('something else');
    expect(auditReasonLabel(t, '')).toBe('');
  });
});
