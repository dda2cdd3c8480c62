import { describe, expect, it } from 'vitest';
import {
  LetterInputError,
  MAX_LETTERS_PER_BATCH,
  renderInvitationLetters,
  type InvitationLetterInput,
} from './invitationLetter';
import { validateLetters } from './invitationLetterInput';
import { demoOrganization, dutchLetter, mrsDeVries } from './test-support/sampleLetters';

/** Expects the render to be refused before any PDF work, naming `field`. */
async function expectRefused(letters: unknown, field: string, options?: unknown): Promise<void> {
  const rendering = renderInvitationLetters(
    letters as InvitationLetterInput[],
    options as Parameters<typeof renderInvitationLetters>[1],
  );
  await expect(rendering).rejects.toBeInstanceOf(LetterInputError);
  await expect(rendering).rejects.toMatchObject({ name: 'LetterInputError', field });
}

describe('input validation at the module boundary', () => {
  it('accepts a valid letter and trims its text', () => {
    const [letter] = validateLetters([
      dutchLetter({ portalCode: '  K7QM-4XPT ', patient: { ...mrsDeVries, familyName: ' de Vries ' } }),
    ]);
    expect(letter.portalCode).toBe('K7QM-4XPT');
    expect(letter.patient.familyName).toBe('de Vries');
    expect(letter.parsedLetterDate).toEqual({ year: 2026, month: 11, day: 21 });
    expect(letter.parsedFractureDate).toEqual({ year: 2026, month: 10, day: 3 });
  });

  it('treats a blank reference as no reference', () => {
    const [letter] = validateLetters([dutchLetter({ reference: '  ' })]);
    expect(letter.reference).toBeUndefined();
  });

  it('drops fields it does not know, so nothing unexpected reaches the PDF', () => {
    const [letter] = validateLetters([{ ...dutchLetter(), bsn: '123456782' }]);
    expect(letter).not.toHaveProperty('bsn');
  });

  it.each([
    ['an empty portal code', dutchLetter({ portalCode: '   ' }), 'letters[0].portalCode'],
    ['a portal code with punctuation', dutchLetter({ portalCode: 'AB<script>' }), 'letters[0].portalCode'],
    ['a letter date that does not exist', dutchLetter({ letterDate: '2026-02-30' }), 'letters[0].letterDate'],
    ['a Dutch-order date', dutchLetter({ letterDate: '21-11-2026' }), 'letters[0].letterDate'],
    [
      'an invalid fracture date',
      dutchLetter({ fracture: { date: '2026-10-32' } }),
      'letters[0].fracture.date',
    ],
    [
      'a fracture after the letter',
      dutchLetter({ fracture: { date: '2026-11-22' } }),
      'letters[0].fracture.date',
    ],
    ['an unsupported locale', { ...dutchLetter(), locale: 'de' }, 'letters[0].locale'],
    [
      'an unknown sex',
      dutchLetter({ patient: { ...mrsDeVries, sex: 'f' as 'female' } }),
      'letters[0].patient.sex',
    ],
    [
      'a missing street',
      dutchLetter({ patient: { ...mrsDeVries, street: '' } }),
      'letters[0].patient.street',
    ],
    [
      'a line break in the family name',
      dutchLetter({ patient: { ...mrsDeVries, familyName: 'de\nVries' } }),
      'letters[0].patient.familyName',
    ],
    [
      'a bidirectional override in the city',
      dutchLetter({ patient: { ...mrsDeVries, city: 'Demo\u202Estad' } }),
      'letters[0].patient.city',
    ],
    [
      'a portal URL that is not http(s)',
      dutchLetter({ organization: { ...demoOrganization, portalUrl: 'javascript:alert(1)' } }),
      'letters[0].organization.portalUrl',
    ],
    [
      'a phone number without digits',
      dutchLetter({ organization: { ...demoOrganization, phoneDepartment: 'bel ons' } }),
      'letters[0].organization.phoneDepartment',
    ],
    [
      'an organisation name that is too long',
      dutchLetter({ organization: { ...demoOrganization, name: 'Z'.repeat(101) } }),
      'letters[0].organization.name',
    ],
    ['a missing organisation', { ...dutchLetter(), organization: undefined }, 'letters[0].organization'],
  ])('refuses %s', async (_, letter, field) => {
    await expectRefused([letter], field);
  });

  it('names the position of the offending letter in a batch', async () => {
    await expectRefused(
      [dutchLetter(), dutchLetter(), dutchLetter({ portalCode: '' })],
      'letters[2].portalCode',
    );
  });

  it('refuses an empty batch, a batch that is not an array, and a batch that is too large', async () => {
    await expectRefused([], 'letters');
    await expectRefused(dutchLetter(), 'letters');
    const tooMany = Array.from({ length: MAX_LETTERS_PER_BATCH + 1 }, () => dutchLetter());
    await expectRefused(tooMany, 'letters');
  });

  it('refuses an unsupported document locale in the options', async () => {
    await expectRefused([dutchLetter()], 'options.documentLocale', { documentLocale: 'fr' });
  });

  it('says what is wrong in the message', () => {
    expect(() => validateLetters([dutchLetter({ portalCode: '' })])).toThrow(
      'letters[0].portalCode: must be at least 4 characters',
    );
  });
});
