/**
 * The patient's result letter, on the day of the decision: the diagnosis in plain words (B1: short
 * sentences, every medical word explained), what it means, the plan, how to take the medicine (R10),
 * calcium and vitamin D (R12, R13), what the patient can do (R14), referrals, follow-up, and whom to
 * call. Pure apart from pdfmake: the same input gives the same bytes.
 */
import type { Content } from 'pdfmake/interfaces';
import type { LetterLocale } from '@osteopad/contract';
import { letterTranslator, type LetterTranslator } from '../letterText';
import { renderPdf } from '../pdfRenderer';
import { recipientLines } from '../postalAddress';
import { phoneAvailability } from '../phoneHoursText';
import { salutation } from '../salutation';
import { validateConsultLetterInput, type ValidatedConsultLetter } from './consultLetterInput';
import {
  bullets,
  heading,
  letterDocument,
  paragraph,
  signature,
  strongParagraph,
} from './consultLetterLayout';
import { doseText, longDate, signatureLines } from './consultLetterPhrases';
import { IU_PER_MICROGRAM } from '@osteopad/clinical';

/** Renders the result letter as PDF. Throws LetterInputError naming the field when the input cannot be printed. */
export async function renderResultLetter(input: unknown, locale: LetterLocale): Promise<Buffer> {
  const letter = validateConsultLetterInput(input);
  const text = letterTranslator(locale);
  return renderPdf(
    letterDocument({
      text,
      organization: letter.organization,
      date: letter.parsedDecidedOn,
      title: text.t('consult.document.resultTitle'),
      subject: text.t('consult.document.resultSubject'),
      recipient: recipientLines(letter.patient),
      body: resultBody(letter, text),
    }),
  );
}

function resultBody(letter: ValidatedConsultLetter, text: LetterTranslator): Content[] {
  const { decision, organization } = letter;
  return [
    { text: text.t('consult.result.subject'), bold: true, margin: [0, 0, 0, 12] },
    paragraph(salutation(letter.patient, text)),
    paragraph(text.t('consult.result.intro', { date: longDate(decision.decidedOn, text) })),
    ...diagnosis(letter, text),
    ...plan(letter, text),
    ...calciumAndVitaminD(letter, text),
    ...lifestyle(letter, text),
    ...referrals(letter, text),
    ...followUp(letter, text),
    heading(text.t('consult.result.questionsHeading')),
    paragraph(
      text.t('consult.result.questionsByPhone', {
        phone: organization.phoneDepartment,
        openingHours: phoneAvailability(organization, text),
      }),
    ),
    paragraph(text.t('consult.result.questionsByEmail', { email: organization.email })),
    ...(letter.gp === null ? [] : [paragraph(text.t('consult.result.gpInformed'))]),
    signature(text.t('consult.result.regards'), signatureLines(decision, organization, text)),
  ];
}

function diagnosis({ decision }: ValidatedConsultLetter, text: LetterTranslator): Content[] {
  const category = decision.diagnosis.bmdCategory ?? 'notMeasured';
  const content: Content[] = [
    heading(text.t('consult.result.diagnosisHeading')),
    strongParagraph(text.t(`consult.result.diagnosis.${category}`)),
  ];
  const vertebral = vertebralSentence(decision, text);
  if (vertebral !== undefined) content.push(paragraph(vertebral));
  content.push(
    heading(text.t('consult.result.meaningHeading')),
    paragraph(text.t(`consult.result.meaning.${category}`)),
  );
  return content;
}

function vertebralSentence(
  decision: ValidatedConsultLetter['decision'],
  text: LetterTranslator,
): string | undefined {
  if (decision.vfa.status === 'notDone') return undefined;
  if (decision.vfa.status === 'notAssessable') return text.t('consult.result.vertebral.notAssessable');
  switch (decision.diagnosis.vfaCategory) {
    case null:
      return undefined;
    case 'none':
      return text.t('consult.result.vertebral.none');
    case 'grade1':
      return text.t('consult.result.vertebral.mild');
    case 'grade2_single':
    case 'grade2_multiple':
    case 'grade3':
      return text.t('consult.result.vertebral.fracture');
  }
}

function plan({ decision }: ValidatedConsultLetter, text: LetterTranslator): Content[] {
  const medication = decision.plan.medication;
  const content: Content[] = [heading(text.t('consult.result.planHeading'))];
  if (medication === null) {
    content.push(paragraph(text.t('consult.result.medication.none')));
    return content;
  }
  content.push(
    strongParagraph(
      text.t('consult.result.medication.start', { drug: text.t(`consult.common.drug.${medication.drug}`) }),
    ),
    paragraph(text.t('consult.result.medication.dose', { dose: doseText(medication.dose, text) })),
  );
  if (medication.startAfterWeeks !== null) {
    content.push(
      paragraph(
        text.t('consult.result.medication.startLater', { weeks: String(medication.startAfterWeeks) }),
      ),
    );
  }
  if (medication.administration.length > 0) {
    content.push(
      heading(text.t('consult.result.howToTakeHeading')),
      ...bullets(medication.administration.map((code) => text.t(`consult.common.administration.${code}`))),
    );
  }
  if (medication.sideEffects.length > 0) {
    content.push(
      heading(text.t('consult.result.sideEffectsHeading')),
      paragraph(text.t('consult.result.sideEffectsIntro'), 2),
      ...bullets(medication.sideEffects.map((code) => text.t(`consult.common.sideEffect.${code}`))),
    );
  }
  const teeth = [
    ...medication.dentalAdvice.map((code) => text.t(`consult.common.dental.${code}`)),
    ...medication.longTermRiskAdvice.map((code) => text.t(`consult.common.longTerm.${code}`)),
  ];
  if (teeth.length > 0) content.push(heading(text.t('consult.result.dentalHeading')), ...bullets(teeth));
  return content;
}

function calciumAndVitaminD({ decision }: ValidatedConsultLetter, text: LetterTranslator): Content[] {
  const { calcium, vitaminD } = decision.plan;
  const lines = [
    text.t('consult.result.calcium.need', { mg: String(calcium.requirementMgPerDay) }),
    text.t('consult.result.calcium.foods'),
  ];
  if (calcium.intakeMgPerDay !== null) {
    lines.push(text.t('consult.result.calcium.intake', { mg: String(calcium.intakeMgPerDay) }));
  }
  if (calcium.supplementMgPerDay !== null && calcium.supplementMgPerDay > 0) {
    lines.push(text.t('consult.result.calcium.supplement', { mg: String(calcium.supplementMgPerDay) }));
  }
  const content: Content[] = [heading(text.t('consult.result.calciumHeading')), paragraph(lines.join(' '))];
  if (vitaminD !== null && vitaminD.iuPerDay > 0) {
    const vitamin = [
      text.t('consult.result.vitaminD.daily', {
        iu: String(vitaminD.iuPerDay),
        microgram: String(vitaminD.iuPerDay / IU_PER_MICROGRAM),
      }),
    ];
    if (vitaminD.weeklyAlternativeIU !== null) {
      vitamin.push(text.t('consult.result.vitaminD.weekly', { iu: String(vitaminD.weeklyAlternativeIU) }));
    }
    vitamin.push(text.t('consult.result.vitaminD.keepTaking'));
    content.push(paragraph(vitamin.join(' ')));
  }
  return content;
}

function lifestyle({ decision }: ValidatedConsultLetter, text: LetterTranslator): Content[] {
  const advice = decision.plan.lifestyle;
  if (advice.length === 0) return [];
  return [
    heading(text.t('consult.result.lifestyleHeading')),
    ...bullets(advice.map((code) => text.t(`consult.common.lifestyle.${code}`))),
  ];
}

function referrals({ decision }: ValidatedConsultLetter, text: LetterTranslator): Content[] {
  const list = decision.plan.referrals;
  if (list.length === 0) return [];
  return [
    heading(text.t('consult.result.referralsHeading')),
    ...bullets(
      list.map(({ to, dueDate }) => {
        const referral = text.t(`consult.common.referral.${to}`);
        return dueDate === null
          ? text.t('consult.result.referral.withoutDate', { referral })
          : text.t('consult.result.referral.withDate', { referral, date: longDate(dueDate, text) });
      }),
    ),
  ];
}

function followUp({ decision }: ValidatedConsultLetter, text: LetterTranslator): Content[] {
  const { careOwner, items } = decision.followUp;
  const content: Content[] = [heading(text.t('consult.result.followUpHeading'))];
  if (careOwner === 'none' && items.length === 0) {
    content.push(paragraph(text.t('consult.result.followUpNone')));
    return content;
  }
  content.push(
    ...bullets(
      items.map((item) =>
        text.t('consult.result.followUpLine', {
          date: longDate(item.dueDate, text),
          what: text.t(`consult.result.followUpKind.${item.kind}`),
          who: text.t(`consult.result.responsible.${item.responsible}`),
        }),
      ),
    ),
  );
  if (careOwner !== 'none') content.push(paragraph(text.t(`consult.result.careOwner.${careOwner}`)));
  return content;
}
