import type { TFunction } from 'i18next';
import {
  ASSUMPTIONS,
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPES,
  AUDIT_OUTCOMES,
  AUDIT_PURPOSES,
  CONFIG_MARKERS,
  ELIGIBILITY_OUTCOMES,
  ELIGIBILITY_REASONS,
  DECLINE_REASONS,
  ENCOUNTER_TYPES,
  EPISODE_REASON_CODES,
  EPISODE_STATES,
  FRACTURE_SITES,
  FRACTURE_SOURCES,
  IMPORT_CHANNELS,
  IMPORT_FORMATS,
  IMPORT_STATUSES,
  NOT_ELIGIBLE_REASONS,
  PATIENT_GROUPS,
  ROLES,
  SEXES,
  TASK_KINDS,
  TRAUMA_MECHANISMS,
  REOPEN_REASONS,
  FRACTURE_INCLUSION_REASONS,
  isOneOf,
  type DeclineReason,
  type FractureSite,
  type ImportEncoding,
  type NotEligibleReason,
  type Role,
  type Sex,
  type EpisodeReason,
} from '@osteopad/contract';
import { formatDate } from '../format/dates';

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

export const anySexLabel = (t: TFunction, sex: string): string =>
  isOneOf(SEXES, sex) ? sexLabel(t, sex) : sex;

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/**
 * Site codes are snake_case (`femur_other`), but i18next reads a key ending in `_other` as a plural
 * form; the catalogues therefore hold the sites in camelCase (`fractureSite.femurOther`).
 */
export function fractureSiteKey<S extends FractureSite>(site: S): CamelCase<S> {
  return site.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase()) as CamelCase<S>;
}

export const fractureSiteLabel = (t: TFunction, site: string): string =>
  isOneOf(FRACTURE_SITES, site) ? t(`fractureSite.${fractureSiteKey(site)}`) : site;

export const taskKindLabel = (t: TFunction, kind: string): string =>
  isOneOf(TASK_KINDS, kind) ? t(`taskKind.${kind}`) : kind;

export const assumptionLabel = (t: TFunction, assumption: string): string =>
  isOneOf(ASSUMPTIONS, assumption) ? t(`assumption.${assumption}`) : assumption;

export const declineReasonLabel = (t: TFunction, reason: DeclineReason): string =>
  t(`declineReason.${reason}`);

export const notEligibleReasonLabel = (t: TFunction, reason: NotEligibleReason): string =>
  t(`notEligibleReason.${reason}`);

/** A label that continues a sentence after a colon: "Wordt elders behandeld" → "wordt elders behandeld". */
const midSentence = (label: string): string => label.charAt(0).toLocaleLowerCase() + label.slice(1);

/**
 * Why an episode is where it is, in words: `{ code: 'reminder_sent', details: { sentOn: '2025-07-22' } }`
 * → "Herinnering verstuurd op 22-07-2025". The user's note is not part of it; it is shown as written.
 * An unknown code is shown as the code, an unknown detail value as it is.
 */
export function episodeReasonLabel(t: TFunction, reason: Pick<EpisodeReason, 'code' | 'details'>): string {
  const detail = (key: string): string => {
    const value = reason.details[key];
    return typeof value === 'string' ? value : '';
  };
  if (!isOneOf(EPISODE_REASON_CODES, reason.code)) return reason.code;
  switch (reason.code) {
    case 'imported':
      return t('episodeReason.imported');
    case 'invitation_sent':
      return t('episodeReason.invitation_sent', { date: formatDate(detail('sentOn')) });
    case 'reminder_sent':
      return t('episodeReason.reminder_sent', { date: formatDate(detail('sentOn')) });
    case 'declined': {
      const code = detail('reason');
      const label = isOneOf(DECLINE_REASONS, code) ? midSentence(declineReasonLabel(t, code)) : code;
      return t('episodeReason.declined', { reason: label });
    }
    case 'not_eligible_after_review': {
      const code = detail('reason');
      const label = isOneOf(NOT_ELIGIBLE_REASONS, code) ? midSentence(notEligibleReasonLabel(t, code)) : code;
      return t('episodeReason.not_eligible_after_review', { reason: label, reviewer: detail('reviewedBy') });
    }
    case 'patient_deceased': {
      const date = detail('deceasedOn');
      return date === ''
        ? t('episodeReason.patient_deceased_undated')
        : t('episodeReason.patient_deceased', { date: formatDate(date) });
    }
    case 'legacy':
      return t('episodeReason.legacy');
    case 'intake_recorded':
      return t('episodeReason.intake_recorded');
    case 'investigations_recorded':
      return t('episodeReason.investigations_recorded');
    case 'decision_recorded':
      return t('episodeReason.decision_recorded');
    case 'treatment_planned':
      return t('episodeReason.treatment_planned');
    case 'no_treatment_decided':
      return t('episodeReason.no_treatment_decided');
    case 'referred':
      return t('episodeReason.referred');
    case 'appointment_planned':
      return t('episodeReason.appointment_planned', { date: formatDate(detail('date')) });
    case 'reopened': {
      const code = detail('reason');
      const label = isOneOf(REOPEN_REASONS, code) ? midSentence(t(`reopenReason.${code}`)) : code;
      return t('episodeReason.reopened', { reason: label });
    }
    case 'not_reached': {
      const attempts = reason.details.attempts;
      return t('episodeReason.not_reached', { attempts: typeof attempts === 'number' ? attempts : 0 });
    }
    case 'wrong_number':
      return t('episodeReason.wrong_number');
    case 'fracture_included': {
      const code = detail('reason');
      const label = isOneOf(FRACTURE_INCLUSION_REASONS, code)
        ? midSentence(t(`fractureInclusionReason.${code}`))
        : code;
      return t('episodeReason.fracture_included', { reason: label });
    }
    case 'treatment_started':
      return t('episodeReason.treatment_started', { date: formatDate(detail('startedOn')) });
    case 'follow_up_closed':
      return t('episodeReason.follow_up_closed');
  }
}

const MANUAL_REVIEW_PREFIX = 'manualReview:';

/**
 * The rule's reason (`qualifyingFracture` …), or a person's decision on manual review
 * (`manualReview:excluded_site` → "Handmatig beoordeeld: plaats telt niet mee").
 */
export function eligibilityReasonLabel(t: TFunction, reason: string): string {
  if (reason.startsWith(MANUAL_REVIEW_PREFIX)) {
    const code = reason.slice(MANUAL_REVIEW_PREFIX.length);
    const label = isOneOf(NOT_ELIGIBLE_REASONS, code) ? notEligibleReasonLabel(t, code) : code;
    // After the colon the reason continues the sentence: "Handmatig beoordeeld: plaats telt niet mee".
    return t('eligibilityReason.manualReviewNotEligible', { reason: midSentence(label) });
  }
  return isOneOf(ELIGIBILITY_REASONS, reason) ? t(`eligibilityReason.${reason}`) : reason;
}

export const fractureSourceLabel = (t: TFunction, source: string): string =>
  isOneOf(FRACTURE_SOURCES, source) ? t(`fractureSource.${source}`) : source;

export const importFormatLabel = (t: TFunction, format: string): string =>
  isOneOf(IMPORT_FORMATS, format) ? t(`importFormat.${format}`) : format;

export const importChannelLabel = (t: TFunction, channel: string): string =>
  isOneOf(IMPORT_CHANNELS, channel) ? t(`importChannel.${channel}`) : channel;

export const importStatusLabel = (t: TFunction, status: string): string =>
  isOneOf(IMPORT_STATUSES, status) ? t(`importStatus.${status}`) : status;

export const encodingLabel = (t: TFunction, encoding: ImportEncoding): string => t(`encoding.${encoding}`);

/** `UNCONFIRMED` → "Niet bevestigd", `INFERRED` → "Afgeleid". */
export const configMarkerLabel = (t: TFunction, marker: string): string =>
  isOneOf(CONFIG_MARKERS, marker) ? t(`clinicalConfig.markers.${marker}`) : marker;
