import type { TFunction } from 'i18next';
import {
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPES,
  AUDIT_OUTCOMES,
  AUDIT_PURPOSES,
  ELIGIBILITY_OUTCOMES,
  ENCOUNTER_TYPES,
  EPISODE_STATES,
  PATIENT_GROUPS,
  ROLES,
  TRAUMA_MECHANISMS,
  isOneOf,
  type Role,
  type Sex,
} from '../api/codes';

/*
 * Labels for the codes the server answers with. A code the catalogues do not know yet (added on the
 * server after this build) is shown as the code itself rather than breaking the screen.
 */

export const roleLabel = (t: TFunction, role: Role): string => t(`roles.${role}`);
export const sexLabel = (t: TFunction, sex: Sex): string => t(`sex.${sex}`);

export const anyRoleLabel = (t: TFunction, role: string): string =>
  isOneOf(ROLES, role) ? roleLabel(t, role) : role;

export const episodeStateLabel = (t: TFunction, state: string): string =>
  isOneOf(EPISODE_STATES, state) ? t(`episodeState.${state}`) : state;

export const encounterTypeLabel = (t: TFunction, value: string): string =>
  isOneOf(ENCOUNTER_TYPES, value) ? t(`encounterType.${value}`) : value;

export const traumaMechanismLabel = (t: TFunction, value: string): string =>
  isOneOf(TRAUMA_MECHANISMS, value) ? t(`traumaMechanism.${value}`) : value;

export const eligibilityLabel = (t: TFunction, value: string): string =>
  isOneOf(ELIGIBILITY_OUTCOMES, value) ? t(`eligibility.${value}`) : value;

export const patientGroupLabel = (t: TFunction, value: string): string =>
  isOneOf(PATIENT_GROUPS, value) ? t(`patientGroup.${value}`) : value;

export const auditActionLabel = (t: TFunction, action: string): string =>
  isOneOf(AUDIT_ACTIONS, action) ? t(`audit.actions.${action}`) : action;

export const auditOutcomeLabel = (t: TFunction, outcome: string): string =>
  isOneOf(AUDIT_OUTCOMES, outcome) ? t(`audit.outcomes.${outcome}`) : outcome;

export const auditObjectTypeLabel = (t: TFunction, objectType: string): string =>
  isOneOf(AUDIT_OBJECT_TYPES, objectType) ? t(`audit.objectTypes.${objectType}`) : objectType;

/** `treatment` → "Behandeling"; `treatment: second opinion` → "Behandeling: second opinion". */
export function auditReasonLabel(t: TFunction, reason: string): string {
  const separator = reason.indexOf(':');
  const purpose = separator === -1 ? reason : reason.slice(0, separator);
  if (!isOneOf(AUDIT_PURPOSES, purpose)) return reason;
  const label = t(`audit.purposes.${purpose}`);
  return separator === -1 ? label : `${label}:${reason.slice(separator + 1)}`;
}
