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

/** Fracture sites that start the work-up (clinical RULES.md R1.2), as the server codes them. */
export const QUALIFYING_FRACTURE_SITES = [
  'sternum_ribs',
  'spine_thoracolumbar',
  'clavicle',
  'scapula',
  'humerus',
  'olecranon',
  'radius_forearm_wrist',
  'carpus',
  'metacarpals',
  'pelvis',
  'acetabulum',
  'femur_proximal',
  'femur_other',
  'patella',
  'fibula',
  'tibial_plateau',
  'tibia',
  'ankle',
  'calcaneus',
  'talus',
  'tarsus',
  'metatarsals',
] as const;
/** Fracture sites that never start the work-up (R1.3). */
export const EXCLUDED_FRACTURE_SITES = ['face', 'skull', 'fingers', 'toes', 'spine_cervical'] as const;
export const FRACTURE_SITES = [...QUALIFYING_FRACTURE_SITES, ...EXCLUDED_FRACTURE_SITES] as const;
export type FractureSite = (typeof FRACTURE_SITES)[number];

/** Why the case-finding rule (R1) placed a fracture where it did; `manualReview:…` is handled apart. */
export const ELIGIBILITY_REASONS = [
  'qualifyingFracture',
  'ageBelow50',
  'excludedLocation',
  'pathologicalFracture',
  'highEnergyTrauma',
  'unknownLocation',
  'noRecentFracture',
  'manualReviewEligible',
] as const;
export type EligibilityReason = (typeof ELIGIBILITY_REASONS)[number];

/** Facts the registration left out, so the rule assumed "no"; the nurse checks them at intake. */
export const ASSUMPTIONS = ['traumaMechanismUnknown', 'pathologicalUnknown'] as const;
export type Assumption = (typeof ASSUMPTIONS)[number];

export const TASK_KINDS = [
  'invite',
  'invite_reminder',
  'no_response_follow_up',
  'review_eligibility',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** Where a fracture came from; `reports` are radiology findings a nurse or specialist confirmed. */
export const FRACTURE_SOURCES = ['csv', 'hl7v2', 'fhir', 'manual', 'reports'] as const;
export type FractureSource = (typeof FRACTURE_SOURCES)[number];
/** The sources `GET /api/worklist` can filter on (its `source` enum). */
export const WORKLIST_SOURCE_FILTERS = [
  'csv',
  'hl7v2',
  'fhir',
  'reports',
  'manual',
] as const satisfies readonly FractureSource[];
export type WorklistSourceFilter = (typeof WORKLIST_SOURCE_FILTERS)[number];

export const WORKLIST_VIEWS = [
  'to_invite',
  'identified',
  'manual_review',
  'awaiting_response',
  'excluded',
] as const;
export type WorklistView = (typeof WORKLIST_VIEWS)[number];

export const WORKLIST_SORTS = ['fractureDate', 'dueDate', 'name', 'age', 'site'] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number];

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Why a patient does not take part (server: episodes/declineReasons.ts); "other" needs a note. */
export const DECLINE_REASONS = [
  'not_interested',
  'too_ill_or_frail',
  'treated_elsewhere',
  'already_on_treatment',
  'moved_away',
  'deceased',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Why a fracture on manual review does not qualify after all; "other" needs a note. */
export const NOT_ELIGIBLE_REASONS = [
  'excluded_site',
  'high_energy_trauma',
  'pathological_fracture',
  'not_a_fracture',
  'fracture_not_recent',
  'age_below_50',
  'other',
] as const;
export type NotEligibleReason = (typeof NOT_ELIGIBLE_REASONS)[number];

/**
 * Why an episode is in its state or made a transition (server: episodes/episodeReasons.ts), each with
 * its details; `legacy` is text from before reason codes, kept as the note.
 */
export const EPISODE_REASON_CODES = [
  'imported',
  'invitation_sent',
  'reminder_sent',
  'declined',
  'not_eligible_after_review',
  'patient_deceased',
  'legacy',
] as const;
export type EpisodeReasonCode = (typeof EPISODE_REASON_CODES)[number];

export const LETTER_LOCALES = ['nl', 'en'] as const;
export type LetterLocale = (typeof LETTER_LOCALES)[number];

/** What an administrator can upload: three fracture formats and radiology reports. */
export const UPLOAD_KINDS = ['csv', 'hl7v2', 'fhir', 'reports'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'windows-1252'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** Formats in the import history: the upload kinds. */
export const IMPORT_FORMATS = UPLOAD_KINDS;
export const IMPORT_CHANNELS = ['upload', 'cli', 'mllp', 'review'] as const;
export type ImportChannel = (typeof IMPORT_CHANNELS)[number];
export const IMPORT_STATUSES = ['succeeded', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * How firm an unconfirmed clinical configuration value is (`clinicalConfig.markers.…`): UNCONFIRMED —
 * background knowledge no cited source confirms; INFERRED — completed by inference where the sources
 * are silent.
 */
export const CONFIG_MARKERS = ['UNCONFIRMED', 'INFERRED'] as const;
export type ConfigMarker = (typeof CONFIG_MARKERS)[number];
