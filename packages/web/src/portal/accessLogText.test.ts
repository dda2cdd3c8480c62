import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import mainEn from '../i18n/en.json';
import mainNl from '../i18n/nl.json';
import portalEn from './i18n/en.json';
import portalNl from './i18n/nl.json';
import { accessWhat, accessWho } from './accessLogText';

function translator(lng: 'nl' | 'en'): TFunction {
  const i18n = createInstance();
  void i18n.init({
    resources: {
      nl: { translation: { ...mainNl, ...portalNl } },
      en: { translation: { ...mainEn, ...portalEn } },
    },
    lng,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18n.t;
}

describe('the access log in words', () => {
  const nl = translator('nl');
  const en = translator('en');

  it('words who it was: the patient, a staff member with their role, or Osteopad itself', () => {
    expect(accessWho(nl, { who: 'self', name: '', role: '' })).toBe('U zelf');
    expect(accessWho(nl, { who: 'staff', name: 'Anna de Wit', role: 'nurse' })).toBe(
      'Anna de Wit (Verpleegkundige)',
    );
    expect(accessWho(en, { who: 'staff', name: 'Anna de Wit', role: 'specialist' })).toBe(
      'Anna de Wit, Medical specialist',
    );
    expect(accessWho(nl, { who: 'system', name: '', role: 'system' })).toBe('Osteopad (automatisch)');
  });

  it('words what happened, and never shows a raw code for an action or part it does not know', () => {
    expect(accessWhat(nl, { action: 'read', objectType: 'dxa_exam' })).toBe(
      'Bekeken: de uitslag van uw botdichtheidsmeting (DXA)',
    );
    expect(accessWhat(en, { action: 'update', objectType: 'episode' })).toBe('Changed your care path');
    const unknown = accessWhat(nl, { action: 'open_intake', objectType: 'some_new_table' });
    expect(unknown).toBe('Gebruikt: uw dossier');
    expect(unknown).not.toMatch(/open_intake|some_new_table/);
  });
});
