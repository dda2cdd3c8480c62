/**
 * Code lists the server answers with. Each value has a label in the catalogues under the group named
 * beside it; the i18n tests walk these lists, so a new code without a translation fails the build.
 */
export const ROLES = ['admin', 'specialist', 'nurse', 'secretary', 'quality', 'patient'] as const;
export type Role = (typeof ROLES)[number];

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const EPISODE_STATES = [
  'identified',
  'invited',
  'reminded',
  'intake',
  'investigated',
  'decided',
  'treating',
  'no_treatment',
  'referred',
  'follow_up',
  're_evaluation',
  'closed',
  'declined',
  'not_eligible',
  'lost',
] as const;
export type EpisodeState = (typeof EPISODE_STATES)[number];

export const AUDIT_ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'export',
  'print',
  'import',
  'login',
  'login_failed',
  'logout',
  'access_denied',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Object types the server writes today; others are shown as their code. */
export const AUDIT_OBJECT_TYPES = [
  'patient',
  'session',
  'route',
  'audit_events',
  'user',
  'organization',
  'import',
] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];

/**
 * Purposes of use the server records as the audit reason (NEN 7513: on what authority), sometimes
 * followed by `: ` and the user's own words.
 */
export const AUDIT_PURPOSES = [
  'treatment',
  'administration',
  'quality-improvement',
  'patient-access',
  'authentication',
] as const;
export type AuditPurpose = (typeof AUDIT_PURPOSES)[number];

export const ENCOUNTER_TYPES = ['emergency', 'outpatient', 'inpatient', 'unknown'] as const;
export type EncounterType = (typeof ENCOUNTER_TYPES)[number];

export const TRAUMA_MECHANISMS = ['low', 'high', 'unknown'] as const;
export type TraumaMechanism = (typeof TRAUMA_MECHANISMS)[number];

export const ELIGIBILITY_OUTCOMES = ['eligible', 'excluded', 'manual_review'] as const;
export type EligibilityOutcome = (typeof ELIGIBILITY_OUTCOMES)[number];

export const PATIENT_GROUPS = ['hip', 'vertebral', 'otherInpatient', 'outpatient'] as const;
export type PatientGroup = (typeof PATIENT_GROUPS)[number];

export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
