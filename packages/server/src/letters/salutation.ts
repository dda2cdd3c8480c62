import { initialsFor, registeredSurname, standaloneSurname } from './dutchNames';
import type { LetterTranslator } from './letterText';
import type { Sex } from '@osteopad/contract';

export interface SalutationName {
  readonly familyName: string;
  readonly givenNames: string;
  readonly initials: string;
  readonly sex: Sex;
}

/**
 * "Geachte mevrouw De Vries," only when the recorded sex is female or male. Otherwise we do not guess a form of
 * address and use the initials instead: "Geachte J. de Vries,", with the prefix in lower case because the initials
 * come first.
 */
export function salutation(name: SalutationName, text: LetterTranslator): string {
  switch (name.sex) {
    case 'female':
      return text.t('salutation.female', { surname: standaloneSurname(name.familyName) });
    case 'male':
      return text.t('salutation.male', { surname: standaloneSurname(name.familyName) });
    case 'other':
    case 'unknown':
      return neutralSalutation(name, text);
  }
}

function neutralSalutation(name: SalutationName, text: LetterTranslator): string {
  const initials = initialsFor(name.initials, name.givenNames);
  if (initials === '') {
    return text.t('salutation.surnameOnly', { surname: standaloneSurname(name.familyName) });
  }
  return text.t('salutation.withInitials', { initials, surname: registeredSurname(name.familyName) });
}
