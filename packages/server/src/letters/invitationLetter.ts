/**
 * Invitation letters for the fracture liaison pathway, as one PDF: each letter starts on a new page, so a batch of one
 * is the single patient's letter. Pure and deterministic: no database, no clock (the letter date is an input, and it
 * also fixes the PDF's creation date), no file or network access; the same input gives the same bytes.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { invitationLetterSection, PAGE_MARGINS } from './invitationLetterContent';
import {
  validateDocumentLocale,
  validateLetters,
  type InvitationLetterInput,
  type NonEmptyArray,
  type ValidatedLetter,
} from './invitationLetterInput';
import { compareDates, toUtcInstant, type CalendarDate } from './letterDate';
import { FONT_SIZE } from './letterLayout';
import { letterTranslator } from './letterText';
import { LETTER_FONT, renderPdf } from './pdfRenderer';
import type { LetterLocale } from '@osteopad/contract';

export type { InvitationLetterInput, LetterOrganization, LetterPatient } from './invitationLetterInput';
export { MAX_LETTERS_PER_BATCH } from './invitationLetterInput';
export { LetterInputError } from './letterInputError';

export interface RenderInvitationLettersOptions {
  /** Language of the PDF's title, subject and language tag; defaults to the first letter's locale. */
  documentLocale?: LetterLocale;
}

const LANGUAGE_TAGS: Readonly<Record<LetterLocale, string>> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * Renders the letters into one A4 PDF. Throws LetterInputError (with the offending field, e.g.
 * `letters[3].portalCode`) before rendering anything if the input is not valid.
 */
export async function renderInvitationLetters(
  letters: readonly InvitationLetterInput[],
  options: RenderInvitationLettersOptions = {},
): Promise<Buffer> {
  const validated = validateLetters(letters);
  const documentLocale = validateDocumentLocale(options.documentLocale, validated[0].locale);
  return renderPdf(invitationLettersDocument(validated, documentLocale));
}

function invitationLettersDocument(
  letters: NonEmptyArray<ValidatedLetter>,
  documentLocale: LetterLocale,
): TDocumentDefinitions {
  const text = letterTranslator(documentLocale);
  const allReminders = letters.every((letter) => letter.reminder !== undefined);
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    // 1.7 rather than pdfmake's default 1.3, which has no document language and no "show the title" setting.
    version: '1.7',
    language: LANGUAGE_TAGS[documentLocale],
    displayTitle: true,
    // pdfmake 0.3 can set the "tagged" flag, but writes no structure for the content: the result would claim to be
    // tagged with an empty tag tree, which assistive technology reads as an empty document. Untagged, readers fall
    // back to the content order, which follows the letter from letterhead to closing.
    tagged: false,
    info: {
      // A batch of reminders only is titled as reminders; any invitation in it keeps the invitation's title.
      title: allReminders ? text.t('document.reminderTitle') : text.t('document.title'),
      subject: allReminders ? text.t('document.reminderSubject') : text.t('document.subject'),
      // Metadata travels with the file and shows in every viewer and file list: organisation only, never the patient.
      author: letters[0].organization.name,
      creator: 'Osteopad',
      creationDate: toUtcInstant(newestLetterDate(letters)),
    },
    defaultStyle: { font: LETTER_FONT, fontSize: FONT_SIZE.body, lineHeight: 1.15 },
    content: letters.map(invitationLetterSection),
  };
}

function newestLetterDate(letters: NonEmptyArray<ValidatedLetter>): CalendarDate {
  return letters
    .map((letter) => letter.parsedLetterDate)
    .reduce((newest, date) => (compareDates(date, newest) > 0 ? date : newest));
}
