import { z } from 'zod';
import { compareDates, parseIsoDate, type CalendarDate } from './letterDate';
import { LetterInputError } from './letterInputError';
import { isStorableText } from '../text/storableText';
import {
  LETTER_LOCALES,
  type LetterLocale,
  type PhoneHours,
  phoneHoursIssues,
  SEXES,
  type Sex,
  WEEKDAYS,
} from '@osteopad/contract';

/** The organisation's profile as printed in the letterhead, the return address and the closing. */
export interface LetterOrganization {
  name: string;
  department: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  /** Where in the building ("Route 25"); empty: not printed. */
  visitingRoute: string;
  /** The postal address when it differs from the visiting address ("Postbus 90151"); all three empty otherwise. */
  postalAddressLine: string;
  postalAddressPostalCode: string;
  postalAddressCity: string;
  phoneGeneral: string;
  phoneDepartment: string;
  /** When the department's phone is answered; printed after its number ("maandag tot en met vrijdag van 8.30 tot 16.30 uur"). */
  phoneHours: readonly PhoneHours[];
  email: string;
  /**
   * A note on the hours in the letter's language, printed beside the phone hours ("behalve op feestdagen"), or alone
   * when none are listed: "maandag tot en met vrijdag, 8.30–16.30 uur".
   */
  openingHours: string;
  portalUrl: string;
  /** Who signs the letter ("Het team van de osteoporosepolikliniek"); empty: the department. */
  signOff: string;
}

export interface LetterPatient {
  /** As registered, prefix in lower case for Dutch names: "de Vries". */
  familyName: string;
  givenNames: string;
  initials: string;
  sex: Sex;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
}

export interface InvitationLetterInput {
  locale: LetterLocale;
  /** YYYY-MM-DD; the letter's date and the PDF's creation date. */
  letterDate: string;
  organization: LetterOrganization;
  patient: LetterPatient;
  fracture?: { date: string };
  portalCode: string;
  /** E.g. the hospital patient number; printed small in the envelope window, under the return address. */
  reference?: string;
  /**
   * A reminder of the invitation, with its own opening ("we wrote to you on …; please reply"); the rest of
   * the letter is the invitation's. `invitedOn`: the day the invitation went out, when known.
   */
  reminder?: { invitedOn?: string };
}

/** A letter that passed validation: strings trimmed, dates parsed. */
export interface ValidatedLetter extends InvitationLetterInput {
  readonly parsedLetterDate: CalendarDate;
  readonly parsedFractureDate: CalendarDate | undefined;
  readonly parsedInvitedOn: CalendarDate | undefined;
}

export const MAX_LETTERS_PER_BATCH = 5000;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    // Imports refuse such text already (text/storableText.ts); a letter never prints what could not be stored.
    .refine(isStorableText, 'contains control characters');

const requiredText = (max: number) => optionalText(max).pipe(z.string().min(1, 'must not be empty'));

const phoneNumber = requiredText(40).pipe(
  z
    .string()
    .regex(/^\+?[0-9()\s./-]*[0-9][0-9()\s./-]*$/, 'must be a phone number (digits, spaces, + ( ) - . /)'),
);

const isoDate = z
  .string()
  .refine((value) => parseIsoDate(value) !== undefined, 'must be a date as YYYY-MM-DD');

const organizationSchema = z
  .object({
    name: requiredText(100),
    department: requiredText(100),
    street: requiredText(100),
    houseNumber: requiredText(20),
    postalCode: requiredText(12),
    city: requiredText(60),
    phoneGeneral: phoneNumber,
    phoneDepartment: phoneNumber,
    visitingRoute: optionalText(100),
    postalAddressLine: optionalText(100),
    postalAddressPostalCode: optionalText(12),
    postalAddressCity: optionalText(60),
    email: z.email('must be an e-mail address').max(254),
    phoneHours: z
      .array(z.object({ weekday: z.enum(WEEKDAYS), from: z.string(), to: z.string() }))
      .max(WEEKDAYS.length)
      .superRefine((hours, ctx) => {
        for (const issue of phoneHoursIssues(hours)) {
          ctx.addIssue({ code: 'custom', message: issue.message, path: [issue.index, issue.field] });
        }
      }),
    openingHours: optionalText(120),
    portalUrl: z.httpUrl('must be an http(s) URL').max(200),
    signOff: optionalText(100),
  })
  // The patient must be told when to call: the phone hours, or at least the note about them.
  .refine((org) => org.phoneHours.length > 0 || org.openingHours !== '', {
    message: 'must list the phone hours (or a note on the opening hours)',
    path: ['phoneHours'],
  })
  .refine(
    (org) =>
      [org.postalAddressLine, org.postalAddressPostalCode, org.postalAddressCity].every(
        (part) => part === '',
      ) ||
      [org.postalAddressLine, org.postalAddressPostalCode, org.postalAddressCity].every(
        (part) => part !== '',
      ),
    { message: 'must be whole (line, postcode and town) or empty', path: ['postalAddressLine'] },
  );

const patientSchema = z.object({
  familyName: requiredText(100),
  givenNames: optionalText(150),
  initials: optionalText(20),
  sex: z.enum(SEXES),
  street: requiredText(100),
  houseNumber: requiredText(20),
  postalCode: requiredText(12),
  city: requiredText(60),
});

const letterSchema = z.object({
  locale: z.enum(LETTER_LOCALES),
  letterDate: isoDate,
  organization: organizationSchema,
  patient: patientSchema,
  fracture: z.object({ date: isoDate }).optional(),
  // Typed in by the patient: letters and digits, optionally grouped by single spaces or hyphens.
  portalCode: z
    .string()
    .trim()
    .min(4, 'must be at least 4 characters')
    .max(64, 'must be at most 64 characters')
    .regex(
      /^[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*$/,
      'must be letters and digits, optionally grouped by - or space',
    ),
  // A blank reference is no reference: it would print an empty "Kenmerk:" line.
  reference: optionalText(40)
    .optional()
    .transform((reference) => (reference === '' ? undefined : reference)),
  reminder: z.object({ invitedOn: isoDate.optional() }).optional(),
}) satisfies z.ZodType<InvitationLetterInput>;

export type NonEmptyArray<T> = [T, ...T[]];

/** Checks the batch at the module boundary; throws LetterInputError naming the first offending field. */
export function validateLetters(letters: unknown): NonEmptyArray<ValidatedLetter> {
  if (!Array.isArray(letters)) throw new LetterInputError('letters', 'must be an array');
  const [first, ...rest] = letters as unknown[];
  if (first === undefined) throw new LetterInputError('letters', 'must contain at least one letter');
  if (letters.length > MAX_LETTERS_PER_BATCH) {
    throw new LetterInputError('letters', `must contain at most ${MAX_LETTERS_PER_BATCH} letters`);
  }
  return [
    validateLetter(first, 'letters[0]'),
    ...rest.map((letter, index) => validateLetter(letter, `letters[${index + 1}]`)),
  ];
}

/** The locale for the PDF's metadata and language tag; defaults to the first letter's. */
export function validateDocumentLocale(locale: unknown, fallback: LetterLocale): LetterLocale {
  if (locale === undefined) return fallback;
  const result = z.enum(LETTER_LOCALES).safeParse(locale);
  if (!result.success)
    throw new LetterInputError('options.documentLocale', `must be one of ${LETTER_LOCALES.join(', ')}`);
  return result.data;
}

function validateLetter(letter: unknown, field: string): ValidatedLetter {
  const result = letterSchema.safeParse(letter);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    throw new LetterInputError(path === '' ? field : `${field}.${path}`, issue?.message ?? 'is invalid');
  }
  const input = result.data;
  const parsedLetterDate = mustParse(input.letterDate, `${field}.letterDate`);
  const parsedFractureDate =
    input.fracture === undefined ? undefined : mustParse(input.fracture.date, `${field}.fracture.date`);
  if (parsedFractureDate !== undefined && compareDates(parsedFractureDate, parsedLetterDate) > 0) {
    throw new LetterInputError(`${field}.fracture.date`, 'must not be after the letter date');
  }
  const invitedOn = input.reminder?.invitedOn;
  const parsedInvitedOn =
    invitedOn === undefined ? undefined : mustParse(invitedOn, `${field}.reminder.invitedOn`);
  if (parsedInvitedOn !== undefined && compareDates(parsedInvitedOn, parsedLetterDate) > 0) {
    throw new LetterInputError(`${field}.reminder.invitedOn`, 'must not be after the letter date');
  }
  return { ...input, parsedLetterDate, parsedFractureDate, parsedInvitedOn };
}

function mustParse(text: string, field: string): CalendarDate {
  const date = parseIsoDate(text);
  if (date === undefined) throw new LetterInputError(field, 'must be a date as YYYY-MM-DD');
  return date;
}
