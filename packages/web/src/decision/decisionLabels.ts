import type { TFunction } from 'i18next';
import {
  ADMINISTRATION_CODES,
  BMD_CATEGORIES,
  CARE_OWNERS,
  DECISION_DRUG_CODES,
  DECISION_OUTCOMES,
  DRUG_BLOCK_REASONS,
  FOLLOW_UP_KINDS,
  LIFESTYLE_CODES,
  REFERRAL_VALUES,
  ROLES,
  SUPPLEMENT_VALUES,
  TASK_KINDS,
  TREATMENT_INDICATION_VALUES,
  VFA_CATEGORY_CODES,
  isOneOf,
  type DecisionItemCode,
} from '@osteopad/contract';

/** One value of an item in words (`osteoporosis` → "Osteoporose"); an unknown code is shown as it is. */
export function valueLabel(t: TFunction, item: DecisionItemCode, value: string): string {
  switch (item) {
    case 'diagnosis':
      return isOneOf(BMD_CATEGORIES, value) ? t(`decision.bmd.${value}`) : value;
    case 'vertebral_fractures':
      return isOneOf(VFA_CATEGORY_CODES, value) ? t(`decision.vfa.${value}`) : value;
    case 'treatment_indication':
      return isOneOf(TREATMENT_INDICATION_VALUES, value) ? t(`decision.indication.${value}`) : value;
    case 'drug':
      return drugLabel(t, value);
    case 'referral_fall_clinic':
    case 'referral_physiotherapy':
    case 'referral_secondary_osteoporosis':
    case 'referral_dentist':
      return isOneOf(REFERRAL_VALUES, value) ? t(`decision.referral.${value}`) : value;
    case 'lifestyle':
      return isOneOf(LIFESTYLE_CODES, value) ? t(`decision.lifestyle.${value}`) : value;
    case 'follow_up':
      return isOneOf(CARE_OWNERS, value) ? t(`decision.careOwner.${value}`) : value;
    case 'calcium':
    case 'vitamin_d':
      return isOneOf(SUPPLEMENT_VALUES, value) ? t(`decision.supplement.${value}`) : value;
  }
}

export function itemValueLabel(
  t: TFunction,
  item: DecisionItemCode,
  value: string | string[] | null,
): string {
  if (value === null) return t('decision.noValue');
  if (Array.isArray(value))
    return value.length === 0 ? t('decision.noValue') : value.map((v) => valueLabel(t, item, v)).join(', ');
  return valueLabel(t, item, value);
}

export const drugLabel = (t: TFunction, code: string): string =>
  isOneOf(DECISION_DRUG_CODES, code) ? t(`decision.drug.${code}`) : code;
export const blockReasonLabel = (t: TFunction, code: string): string =>
  isOneOf(DRUG_BLOCK_REASONS, code) ? t(`decision.blockReason.${code}`) : code;
export const administrationLabel = (t: TFunction, code: string): string =>
  isOneOf(ADMINISTRATION_CODES, code) ? t(`decision.administration.${code}`) : code;
export const followUpKindLabel = (t: TFunction, code: string): string =>
  isOneOf(FOLLOW_UP_KINDS, code) ? t(`decision.followUpKind.${code}`) : code;
export const outcomeLabel = (t: TFunction, code: string): string =>
  isOneOf(DECISION_OUTCOMES, code) ? t(`decision.outcome.${code}`) : code;
export const taskKindLabel = (t: TFunction, code: string): string =>
  isOneOf(TASK_KINDS, code) ? t(`taskKind.${code}`) : code;
export const roleLabel = (t: TFunction, code: string): string =>
  isOneOf(ROLES, code) ? t(`roles.${code}`) : code;
