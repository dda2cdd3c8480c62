import { describe, expect, it } from 'vitest';
import { letterTranslator } from './letterText';
import { salutation, type SalutationName } from './salutation';
import { SEXES } from '@osteopad/contract';

const dutch = letterTranslator('nl');
const english = letterTranslator('en');

const deVries: SalutationName = {
  familyName: 'de Vries',
  givenNames: 'Johanna Maria',
  initials: 'J.M.',
  sex: 'female',
};

describe('salutation', () => {
  it('uses "mevrouw" with the capitalised prefix when the patient is recorded as female', () => {
    expect(salutation(deVries, dutch)).toBe('Geachte mevrouw De Vries,');
    expect(salutation(deVries, english)).toBe('Dear Ms De Vries,');
  });

  it('uses "heer" when the patient is recorded as male', () => {
    const jansen: SalutationName = {
      familyName: 'Jansen',
      givenNames: 'Pieter',
      initials: 'P.',
      sex: 'male',
    };
    expect(salutation(jansen, dutch)).toBe('Geachte heer Jansen,');
    expect(salutation({ ...jansen, familyName: 'van der Berg' }, dutch)).toBe('Geachte heer Van der Berg,');
    expect(salutation(jansen, english)).toBe('Dear Mr Jansen,');
  });

  it.each(['other', 'unknown'] as const)(
    'does not guess a form of address when sex is %s: initials and the registered surname',
    (sex) => {
      expect(salutation({ ...deVries, sex }, dutch)).toBe('Geachte J.M. de Vries,');
      expect(salutation({ ...deVries, sex }, english)).toBe('Dear J.M. de Vries,');
    },
  );

  it('derives the initials from the given names when none were recorded', () => {
    expect(salutation({ ...deVries, sex: 'unknown', initials: '' }, dutch)).toBe('Geachte J.M. de Vries,');
  });

  it('falls back to "heer/mevrouw" when neither sex nor initials nor given names are known', () => {
    const nameOnly: SalutationName = { ...deVries, sex: 'unknown', initials: '', givenNames: '' };
    expect(salutation(nameOnly, dutch)).toBe('Geachte heer/mevrouw De Vries,');
    expect(salutation(nameOnly, english)).toBe('Dear Mr or Ms De Vries,');
  });

  it('only says "mevrouw" or "heer" for the sex that was recorded', () => {
    for (const sex of SEXES) {
      const text = salutation({ ...deVries, sex }, dutch);
      expect(text.includes('mevrouw'), `${sex}: ${text}`).toBe(sex === 'female');
      expect(text.includes('heer'), `${sex}: ${text}`).toBe(sex === 'male');
    }
  });
});
