import type { TFunction } from 'i18next';
import type { IntakeIssueCode, IntakeNumberItem } from '@osteopad/contract';
import type intakeNl from './i18n/nl.json';

/** The catalogue's keys of the questionnaire's texts (every linkId and option has one: intakeTexts.test.ts). */
export type IntakeItemKey = keyof (typeof intakeNl)['intake']['items'];
export type IntakeOptionKey = keyof (typeof intakeNl)['intake']['options'];
type UnitKey = keyof (typeof intakeNl)['intake']['units'];

export function itemText(t: TFunction, linkId: string): string {
  return t(`intake.items.${linkId as IntakeItemKey}`);
}

export function optionText(t: TFunction, option: string): string {
  return t(`intake.options.${option as IntakeOptionKey}`);
}

/** The UCUM codes of the definition's numbers, and their words in the catalogue. */
export const UNIT_KEYS: Readonly<Record<string, UnitKey>> = {
  'mg/d': 'mgPerDay',
  kg: 'kg',
  cm: 'cm',
  mo: 'months',
  '/a': 'perYear',
  '{unit}/d': 'unitsPerDay',
  '{portion}/d': 'portionsPerDay',
  '[IU]/d': 'iuPerDay',
  '[IU]/mo': 'iuPerMonth',
};

export function unitText(t: TFunction, unit: string): string {
  const key = UNIT_KEYS[unit];
  return key === undefined ? unit : t(`intake.units.${key}`);
}

/**
 * How a form words the questionnaire: the staff form (`staffIntakeWording`, catalogue `intake`) and the
 * patient portal's (portalIntake/, its own catalogue in plain language) render the same definition.
 */
export interface IntakeWording {
  item: (linkId: string) => string;
  option: (code: string) => string;
  unit: (ucum: string) => string;
  yes: string;
  no: string;
  range: (item: IntakeNumberItem) => string;
  decimalSeparator: string;
}

export function staffIntakeWording(t: TFunction): IntakeWording {
  return {
    item: (linkId) => itemText(t, linkId),
    option: (code) => optionText(t, code),
    unit: (ucum) => unitText(t, ucum),
    yes: t('intake.yes'),
    no: t('intake.no'),
    range: (item) => t('intake.range', { min: item.min, max: item.max, unit: unitText(t, item.unit) }),
    decimalSeparator: t('intake.decimalSeparator'),
  };
}

const ISSUE_CODES: readonly IntakeIssueCode[] = [
  'unknown_item',
  'wrong_type',
  'not_integer',
  'out_of_range',
  'not_an_option',
  'not_enabled',
  'required',
];

/** The server's issue code as one the catalogues word, or `other`. */
export function knownIssueCode(code: string): IntakeIssueCode | 'other' {
  return ISSUE_CODES.find((c) => c === code) ?? 'other';
}

/** A refused answer in the user's language (the server's issue code; its English message is never shown). */
export function issueText(t: TFunction, code: string, item: IntakeNumberItem | undefined): string {
  const known = knownIssueCode(code);
  if (known === 'other') return t('intake.issues.other');
  return t(`intake.issues.${known}`, {
    min: item?.min ?? '',
    max: item?.max ?? '',
    unit: item === undefined ? '' : unitText(t, item.unit),
  });
}
