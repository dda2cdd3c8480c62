import type { TFunction } from 'i18next';
import type { IntakeAnswer, IntakeNumberItem, IntakeQuestion } from '@osteopad/contract';
import { knownIssueCode, UNIT_KEYS, type IntakeWording } from '../intake/intakeTexts';
import type portalIntakeNl from './i18n/nl.json';

type Texts = (typeof portalIntakeNl)['portalIntake'];
type ItemKey = keyof Texts['items'];
type OptionKey = keyof Texts['options'];
type UnitKey = keyof Texts['units'];

/** The questionnaire in the patient's words (catalogue `portalIntake`, plain language). */
export function portalIntakeWording(t: TFunction): IntakeWording {
  const unit = (ucum: string): string => {
    const key: UnitKey | undefined = UNIT_KEYS[ucum];
    return key === undefined ? ucum : t(`portalIntake.units.${key}`);
  };
  return {
    item: (linkId) => t(`portalIntake.items.${linkId as ItemKey}`),
    option: (code) => t(`portalIntake.options.${code as OptionKey}`),
    unit,
    yes: t('portalIntake.yes'),
    no: t('portalIntake.no'),
    range: (item) => t('portalIntake.range', { min: item.min, max: item.max, unit: unit(item.unit) }),
    decimalSeparator: t('portalIntake.decimalSeparator'),
  };
}

/** A refused answer in the patient's words (the server's issue code). */
export function portalIssueText(t: TFunction, code: string, item: IntakeNumberItem | undefined): string {
  const known = knownIssueCode(code);
  if (known === 'other') return t('portalIntake.issues.other');
  return t(`portalIntake.issues.${known}`, {
    min: item?.min ?? '',
    max: item?.max ?? '',
    unit: item === undefined ? '' : portalIntakeWording(t).unit(item.unit),
  });
}

/** An answer as the review step shows it: yes/no, the option's words, or the number with its unit. */
export function answerText(
  t: TFunction,
  question: IntakeQuestion,
  value: IntakeAnswer | undefined,
  formatNumber: (n: number) => string,
): string {
  if (value === undefined) return t('portalIntake.notAnswered');
  const wording = portalIntakeWording(t);
  switch (question.type) {
    case 'boolean':
      return value === true ? wording.yes : wording.no;
    case 'choice':
      return typeof value === 'string' ? wording.option(value) : String(value);
    case 'integer':
    case 'decimal':
      return typeof value === 'number'
        ? `${formatNumber(value)} ${wording.unit(question.unit)}`
        : String(value);
  }
}
