/**
 * The GP's hand-over letter: diagnosis, the DXA per site and the VFA, the laboratory results, the plan,
 * and who follows up what and when (R11.3: the main practitioner after the hand-over). Addressed to the
 * GP as the patient record names them; a patient without a known GP gets no GP letter (the boundary
 * refuses it, naming `gp`). Pure apart from pdfmake: the same input gives the same bytes.
 */
import type { Content } from 'pdfmake/interfaces';
import type { LetterLocale } from '@osteopad/contract';
import { nameWithInitials, initialsFor } from '../dutchNames';
import { LetterInputError } from '../letterInputError';
import { letterTranslator, type LetterTranslator } from '../letterText';
import { renderPdf } from '../pdfRenderer';
import { postcodeTownText, streetLine } from '../postalAddress';
import { validateConsultLetterInput, type ValidatedConsultLetter } from './consultLetterInput';
import {
  bullets,
  formatNumber,
  heading,
  letterDocument,
  paragraph,
  signature,
  strongParagraph,
  table,
} from './consultLetterLayout';
import { doseText, longDate, signatureLines } from './consultLetterPhrases';

/** Renders the GP letter as PDF. Throws LetterInputError naming the field when the input cannot be printed. */
export async function renderGpLetter(input: unknown, locale: LetterLocale): Promise<Buffer> {
  const letter = validateConsultLetterInput(input);
  const gp = letter.gp;
  if (gp === null) throw new LetterInputError('gp', 'must be known for a GP letter');
  const text = letterTranslator(locale);
  return renderPdf(
    letterDocument({
      text,
      organization: letter.organization,
      date: letter.parsedDecidedOn,
      title: text.t('consult.document.gpTitle'),
      subject: text.t('consult.document.gpSubject'),
      recipient: [gp.name, gp.practiceName, gp.address].filter((line) => line !== ''),
      body: gpBody(letter, text),
    }),
  );
}

function patientName({ patient }: ValidatedConsultLetter): string {
  return nameWithInitials(initialsFor(patient.initials, patient.givenNames), patient.familyName);
}

function gpBody(letter: ValidatedConsultLetter, text: LetterTranslator): Content[] {
  const { decision, organization, patient } = letter;
  return [
    { text: text.t('consult.gp.subject'), bold: true, margin: [0, 0, 0, 3] },
    strongParagraph(
      text.t('consult.gp.regarding', {
        name: patientName(letter),
        birthDate: longDate(patient.birthDate, text),
      }),
      2,
    ),
    paragraph(
      text.t('consult.gp.patientAddress', {
        address: `${streetLine(patient)}, ${postcodeTownText(patient)}`,
      }),
      10,
    ),
    paragraph(text.t('consult.gp.salutation')),
    paragraph(text.t('consult.gp.intro', { date: longDate(decision.decidedOn, text) })),
    ...conclusion(letter, text),
    ...dxa(letter, text),
    ...vfa(letter, text),
    ...labs(letter, text),
    ...plan(letter, text),
    ...followUp(letter, text),
    paragraph(text.t('consult.gp.closing', { phone: organization.phoneDepartment })),
    signature(text.t('consult.gp.regards'), signatureLines(decision, organization, text)),
  ];
}

function conclusion({ decision }: ValidatedConsultLetter, text: LetterTranslator): Content[] {
  const { bmdCategory, lowestSite, lowestTScore, vfaCategory } = decision.diagnosis;
  const lines: string[] = [];
  if (bmdCategory === null) {
    lines.push(text.t('consult.gp.noDxa'));
  } else {
    const category = text.t(`consult.gp.bmd.${bmdCategory}`);
    lines.push(
      lowestTScore === null || lowestSite === null
        ? `${category}.`
        : text.t('consult.gp.lowestScore', {
            category,
            tScore: formatNumber(lowestTScore, 1, text.locale),
            site: text.t(`consult.common.site.${lowestSite}`),
          }),
    );
  }
  if (decision.vfa.status === 'notAssessable') lines.push(text.t('consult.gp.vfaNotAssessable'));
  else if (decision.vfa.status === 'notDone' || vfaCategory === null)
    lines.push(text.t('consult.gp.vfaNotDone'));
  else lines.push(text.t(`consult.gp.vfaConclusion.${vfaCategory}`));
  return [heading(text.t('consult.gp.conclusionHeading')), ...lines.map((line) => strongParagraph(line, 2))];
}

function dxa({ decision }: ValidatedConsultLetter, text: LetterTranslator): Content[] {
  const { sites, date } = decision.dxa;
  if (sites.length === 0) return [];
  const value = (number: number | null, decimals: number): string =>
    number === null ? text.t('consult.gp.noValue') : formatNumber(number, decimals, text.locale);
  return [
    heading(text.t('consult.gp.dxaHeading')),
    ...(date === null ? [] : [paragraph(text.t('consult.gp.dxaDate', { date: longDate(date, text) }), 3)]),
    table(
      [
        text.t('consult.gp.dxaTable.site'),
        text.t('consult.gp.dxaTable.bmd'),
        text.t('consult.gp.dxaTable.tScore'),
        text.t('consult.gp.dxaTable.zScore'),
      ],
      sites.map((site) => [
        text.t(`consult.common.site.${site.site}`),
        value(site.bmdGcm2, 3),
        value(site.tScore, 1),
        value(site.zScore, 1),
      ]),
      ['*', 'auto', 'auto', 'auto'],
    ),
  ];
}

function vfa({ decision }: ValidatedConsultLetter, text: LetterTranslator): Content[] {
  const fractures = decision.vfa.fractures;
  if (decision.vfa.status !== 'assessed' || fractures.length === 0) return [];
  return [
    heading(text.t('consult.gp.vfaHeading')),
    ...bullets(
      fractures.map(({ level, grade }) =>
        text.t('consult.gp.vfaFracture', {
          level,
          grade: String(grade),
          gradeName: text.t(`consult.gp.genant.${grade}`),
        }),
      ),
    ),
  ];
}

function labs({ decision }: ValidatedConsultLetter, text: LetterTranslator): Content[] {
  const content: Content[] = [heading(text.t('consult.gp.labsHeading'))];
  if (decision.labs.length === 0) {
    content.push(paragraph(text.t('consult.gp.noLabs')));
    return content;
  }
  const number = (value: number): string => formatNumber(value, null, text.locale);
  const range = (lab: ValidatedConsultLetter['decision']['labs'][number]): string => {
    const { low, high } = lab.range ?? { low: null, high: null };
    if (low !== null && high !== null)
      return text.t('consult.gp.range.both', { low: number(low), high: number(high) });
    if (low !== null) return text.t('consult.gp.range.low', { low: number(low) });
    if (high !== null) return text.t('consult.gp.range.high', { high: number(high) });
    return text.t('consult.gp.noValue');
  };
  content.push(
    table(
      [
        text.t('consult.gp.labsTable.test'),
        text.t('consult.gp.labsTable.value'),
        text.t('consult.gp.labsTable.range'),
        text.t('consult.gp.labsTable.flag'),
      ],
      decision.labs.map((lab) => [
        text.t(`consult.gp.lab.${lab.test}`),
        lab.unit === '' ? number(lab.value) : `${number(lab.value)} ${lab.unit}`,
        range(lab),
        lab.flag === null ? text.t('consult.gp.noValue') : text.t(`consult.gp.flag.${lab.flag}`),
      ]),
      ['*', 'auto', 'auto', 'auto'],
    ),
  );
  return content;
}

function plan({ decision }: ValidatedConsultLetter, text: LetterTranslator): Content[] {
  const { medication, calcium, vitaminD, lifestyle, referrals } = decision.plan;
  const content: Content[] = [heading(text.t('consult.gp.planHeading'))];
  if (medication === null) {
    content.push(strongParagraph(text.t('consult.gp.medication.none'), 3));
  } else {
    content.push(
      strongParagraph(
        text.t('consult.gp.medication.started', {
          drug: text.t(`consult.common.drug.${medication.drug}`),
          dose: doseText(medication.dose, text),
        }),
        3,
      ),
    );
    if (medication.startAfterWeeks !== null) {
      content.push(
        paragraph(
          text.t('consult.gp.medication.startLater', { weeks: String(medication.startAfterWeeks) }),
          3,
        ),
      );
    }
    if (medication.administration.length > 0) {
      content.push(
        paragraph(text.t('consult.gp.medication.instructionsIntro'), 2),
        ...bullets(medication.administration.map((code) => text.t(`consult.common.administration.${code}`))),
      );
    }
  }
  const supplements = [text.t('consult.gp.calcium', { requirement: String(calcium.requirementMgPerDay) })];
  if (calcium.intakeMgPerDay !== null) {
    supplements.push(text.t('consult.gp.calciumIntake', { mg: String(calcium.intakeMgPerDay) }));
  }
  if (calcium.supplementMgPerDay !== null && calcium.supplementMgPerDay > 0) {
    supplements.push(text.t('consult.gp.calciumSupplement', { mg: String(calcium.supplementMgPerDay) }));
  }
  if (vitaminD !== null && vitaminD.iuPerDay > 0) {
    supplements.push(text.t('consult.gp.vitaminD', { iu: String(vitaminD.iuPerDay) }));
    if (vitaminD.weeklyAlternativeIU !== null) {
      supplements.push(text.t('consult.gp.vitaminDWeekly', { iu: String(vitaminD.weeklyAlternativeIU) }));
    }
  }
  content.push(paragraph(supplements.join(' ')));
  if (lifestyle.length > 0) {
    content.push(
      paragraph(text.t('consult.gp.lifestyleIntro'), 2),
      ...bullets(lifestyle.map((code) => text.t(`consult.common.lifestyle.${code}`))),
    );
  }
  if (referrals.length > 0) {
    content.push(
      paragraph(text.t('consult.gp.referralsIntro'), 2),
      ...bullets(
        referrals.map(({ to, dueDate }) => {
          const referral = text.t(`consult.common.referral.${to}`);
          return dueDate === null
            ? text.t('consult.gp.referral.withoutDate', { referral })
            : text.t('consult.gp.referral.withDate', { referral, date: longDate(dueDate, text) });
        }),
      ),
    );
  }
  return content;
}

function followUp({ decision }: ValidatedConsultLetter, text: LetterTranslator): Content[] {
  const { careOwner, items } = decision.followUp;
  const content: Content[] = [
    heading(text.t('consult.gp.followUpHeading')),
    strongParagraph(text.t(`consult.gp.careOwner.${careOwner}`), 3),
  ];
  if (items.length === 0) {
    content.push(paragraph(text.t('consult.gp.followUpNone')));
    return content;
  }
  content.push(
    table(
      [
        text.t('consult.gp.followUpTable.what'),
        text.t('consult.gp.followUpTable.who'),
        text.t('consult.gp.followUpTable.when'),
      ],
      items.map((item) => [
        text.t(`consult.gp.followUpKind.${item.kind}`),
        text.t(`consult.gp.responsible.${item.responsible}`),
        longDate(item.dueDate, text),
      ]),
      ['*', 'auto', 'auto'],
      1,
    ),
  );
  return content;
}
