/**
 * Phrases both consult letters build from codes: the drug and its dose, dates, the signature. Every
 * word comes from the letters' catalogues (`consult.common.…`); the keys are typed, so a code without
 * its text fails the type check, and `CONSULT_CODE_MESSAGE_KEYS` lists every key chosen by code for
 * the catalogue test (letterText.test.ts), which cannot see keys built from a code.
 */
import type { LetterTranslator } from '../letterText';
import { formatLongDate, parseIsoDate } from '../letterDate';
import { LetterInputError } from '../letterInputError';
import { formatNumber } from './consultLetterLayout';
import {
  ADMINISTRATION_CODES,
  BMD_CATEGORIES,
  CARE_OWNERS,
  DECIDING_ROLES,
  DENTAL_ADVICE_CODES,
  DOSE_ROUTES,
  FOLLOW_UP_RESPONSIBLES,
  INTERVAL_UNITS,
  LAB_FLAG_CODES,
  LAB_TEST_CODES,
  LETTER_FOLLOW_UP_KINDS,
  LONG_TERM_RISK_CODES,
  REFERRAL_CODES,
  SIDE_EFFECT_CODES,
  VFA_RESULT_CATEGORIES,
  type LetterDose,
  type StoredDecisionForLetters,
} from './consultLetterInput';
import { BMD_SITES, DRUG_CODES, LIFESTYLE_ADVICE_CODES } from '@osteopad/clinical';

/** "3 maart 2027" from an ISO date that validation has checked. */
export function longDate(iso: string, text: LetterTranslator): string {
  const date = parseIsoDate(iso);
  if (date === undefined) throw new LetterInputError('date', `${iso} is not a date`);
  return formatLongDate(date, text);
}

/** "70 mg als tablet, één keer per week". */
export function doseText(dose: LetterDose, text: LetterTranslator): string {
  const interval =
    dose.every.count === 1
      ? text.t(`consult.common.interval.one.${dose.every.unit}`)
      : text.t(`consult.common.interval.many.${dose.every.unit}`, { count: String(dose.every.count) });
  return text.t('consult.common.dose', {
    amount: formatNumber(dose.amount, null, text.locale),
    unit: dose.unit,
    route: text.t(`consult.common.route.${dose.route}`),
    interval,
  });
}

/** The signature's lines: who decided, the department, the organisation. */
export function signatureLines(
  decision: StoredDecisionForLetters,
  organization: { department: string; name: string },
  text: LetterTranslator,
): string[] {
  return [
    text.t(`consult.common.signedBy.${decision.decidedBy.role}`, { name: decision.decidedBy.displayName }),
    organization.department,
    organization.name,
  ];
}

const prefixed = (prefix: string, codes: readonly (string | number)[]): string[] =>
  codes.map((code) => `${prefix}.${String(code)}`);

/** Every catalogue key the consult letters choose by a code (for the catalogue test). */
export const CONSULT_CODE_MESSAGE_KEYS: readonly string[] = [
  ...prefixed('consult.common.drug', DRUG_CODES),
  ...prefixed('consult.common.route', DOSE_ROUTES),
  ...prefixed('consult.common.interval.one', INTERVAL_UNITS),
  ...prefixed('consult.common.interval.many', INTERVAL_UNITS),
  ...prefixed('consult.common.site', BMD_SITES),
  ...prefixed('consult.common.administration', ADMINISTRATION_CODES),
  ...prefixed('consult.common.sideEffect', SIDE_EFFECT_CODES),
  ...prefixed('consult.common.dental', DENTAL_ADVICE_CODES),
  ...prefixed('consult.common.longTerm', LONG_TERM_RISK_CODES),
  ...prefixed('consult.common.lifestyle', LIFESTYLE_ADVICE_CODES),
  ...prefixed('consult.common.referral', REFERRAL_CODES),
  ...prefixed('consult.common.signedBy', DECIDING_ROLES),
  ...prefixed('consult.result.diagnosis', [...BMD_CATEGORIES, 'notMeasured']),
  ...prefixed('consult.result.meaning', [...BMD_CATEGORIES, 'notMeasured']),
  ...prefixed('consult.result.followUpKind', LETTER_FOLLOW_UP_KINDS),
  ...prefixed('consult.result.responsible', FOLLOW_UP_RESPONSIBLES),
  ...prefixed(
    'consult.result.careOwner',
    CARE_OWNERS.filter((owner) => owner !== 'none'),
  ),
  ...prefixed('consult.gp.bmd', BMD_CATEGORIES),
  ...prefixed('consult.gp.vfaConclusion', VFA_RESULT_CATEGORIES),
  ...prefixed('consult.gp.genant', [1, 2, 3]),
  ...prefixed('consult.gp.lab', LAB_TEST_CODES),
  ...prefixed('consult.gp.flag', LAB_FLAG_CODES),
  ...prefixed('consult.gp.followUpKind', LETTER_FOLLOW_UP_KINDS),
  ...prefixed('consult.gp.responsible', FOLLOW_UP_RESPONSIBLES),
  ...prefixed('consult.gp.careOwner', CARE_OWNERS),
] satisfies string[];
