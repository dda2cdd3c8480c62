/**
 * The code lists of Osteopad's API, written once. The server's database enums, domain modules and
 * request schemas use these lists; the web app labels each value in its catalogues under the group
 * named beside it (its i18n tests walk these lists, so a new code without a translation fails the
 * build). No zod here: a list costs the web bundle only what it imports.
 *
 * A code stored in the database (a `pgEnum` in packages/server/src/db/schema.ts) needs an
 * `ALTER TYPE … ADD VALUE` migration when it is added here.
 */

/** True when `value` is one of `list`'s codes. */
export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** Roles of user accounts (database enum `user_role`). */
export const ROLES = ['admin', 'specialist', 'nurse', 'secretary', 'quality', 'patient'] as const;
export type Role = (typeof ROLES)[number];

/** A patient's sex as registered (database enum `sex`). */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/**
 * The states of the pathway (database enum `episode_state`); the transitions between them are the
 * server's (episodes/episodeStateMachine.ts).
 */
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

/**
 * Why an episode is in its state or made a transition (database enum `episode_reason_code`), each
 * with its details (episodes.ts: `episodeReasonSchema`); `legacy` is text from before reason codes,
 * kept as the note.
 */
export const EPISODE_REASON_CODES = [
  'imported',
  'invitation_sent',
  'reminder_sent',
  'declined',
  'not_eligible_after_review',
  'patient_deceased',
  'legacy',
  'intake_recorded',
  'investigations_recorded',
  'decision_recorded',
  'treatment_planned',
  'no_treatment_decided',
  'referred',
  'appointment_planned',
  'reopened',
  'not_reached',
  'wrong_number',
  'fracture_included',
  'treatment_started',
  'follow_up_closed',
] as const;
export type EpisodeReasonCode = (typeof EPISODE_REASON_CODES)[number];

/** Why a patient does not take part; "other" needs a note. */
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

/** Dated work that hangs off an episode; the role that does each is the server's (tasks/taskKinds.ts). */
export const TASK_KINDS = [
  'invite',
  'invite_reminder',
  'no_response_follow_up',
  'review_eligibility',
  'start_treatment',
  'referral_fall_clinic',
  'referral_physiotherapy',
  'referral_secondary_osteoporosis',
  'referral_dentist',
  'send_result_letter',
  'send_gp_letter',
  'consult_visit',
  'record_reply',
  'ask_gp_phone_number',
  // Follow-up during and after treatment (RULES.md R11; issue 12): created from the started treatment
  // and from each completed follow-up task, by the rules (server/src/followUp/).
  'treatment_evaluation',
  'control_visit',
  'yearly_check',
  'adherence_check',
  'denosumab_injection',
  'zoledronic_acid_infusion',
  'pre_infusion_blood_test',
  'romosozumab_injection',
  'anabolic_course_end',
  'start_follow_on_antiresorptive',
  'standard_reevaluation',
  'gp_handover_confirmation',
  'new_fracture_review',
  // The consult between the visit and the decision (issue 12's invariant: an episode that has not ended
  // always has an open dated task): the visit's results are entered, then the decision is recorded.
  'record_investigations',
  'record_decision',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** The follow-up kinds of TASK_KINDS (R11): the follow-up worklists pick these. */
export const FOLLOW_UP_TASK_KINDS = [
  'treatment_evaluation',
  'control_visit',
  'yearly_check',
  'adherence_check',
  'denosumab_injection',
  'zoledronic_acid_infusion',
  'pre_infusion_blood_test',
  'romosozumab_injection',
  'anabolic_course_end',
  'start_follow_on_antiresorptive',
  'standard_reevaluation',
  'gp_handover_confirmation',
  'new_fracture_review',
] as const satisfies readonly TaskKind[];
export type FollowUpTaskKind = (typeof FOLLOW_UP_TASK_KINDS)[number];

/** A treatment course (table `treatments`): running, stopped (with a reason) or completed. */
export const TREATMENT_STATUSES = ['active', 'stopped', 'completed'] as const;
export type TreatmentStatus = (typeof TREATMENT_STATUSES)[number];

/** Database enum `task_status`. */
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** What was done, as the audit log records it (NEN 7513). */
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
  'password_link',
  'clinical_config',
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

/** Database enum `encounter_type`; the clinical engine's `ENCOUNTER_TYPES` (checked by the server's types). */
export const ENCOUNTER_TYPES = ['emergency', 'outpatient', 'inpatient', 'unknown'] as const;
export type EncounterType = (typeof ENCOUNTER_TYPES)[number];

/** Database enum `trauma_mechanism`. */
export const TRAUMA_MECHANISMS = ['low', 'high', 'unknown'] as const;
export type TraumaMechanism = (typeof TRAUMA_MECHANISMS)[number];

/** Where the case-finding rule (R1) placed a fracture (database enum `eligibility_outcome`). */
export const ELIGIBILITY_OUTCOMES = ['eligible', 'excluded', 'manual_review'] as const;
export type EligibilityOutcome = (typeof ELIGIBILITY_OUTCOMES)[number];

/** Database enum `patient_group`; the worklist filters on it. */
export const PATIENT_GROUPS = ['hip', 'vertebral', 'otherInpatient', 'outpatient'] as const;
export type PatientGroup = (typeof PATIENT_GROUPS)[number];

/**
 * Fracture sites that start the work-up (clinical RULES.md R1.2), as the clinical engine codes them
 * (`FRACTURE_SITE_CODES` of @osteopad/clinical, which depends on nothing; the server's types check
 * that the two lists hold the same codes).
 */
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

/** The file formats of fracture registrations: what the upload, the CLI and MLLP (`hl7v2`) take. */
export const FRACTURE_IMPORT_FORMATS = ['csv', 'hl7v2', 'fhir'] as const;
export type FractureImportFormat = (typeof FRACTURE_IMPORT_FORMATS)[number];

/**
 * Formats in the import history (database enum `import_format`), which are also what an
 * administrator can upload: the three fracture formats and radiology reports.
 */
export const IMPORT_FORMATS = [...FRACTURE_IMPORT_FORMATS, 'reports'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** What an administrator can upload (the import screen's choice): every import format. */
export const UPLOAD_KINDS = IMPORT_FORMATS;
export type UploadKind = ImportFormat;

/**
 * Where a fracture came from: an import format, or entered by hand; `reports` are radiology findings
 * a nurse or specialist confirmed. The worklist filters on these (its `source`).
 */
export const FRACTURE_SOURCES = [...IMPORT_FORMATS, 'manual'] as const;
export type FractureSource = (typeof FRACTURE_SOURCES)[number];
/** The sources `GET /api/worklist` can filter on (its `source`): every fracture source. */
export const WORKLIST_SOURCE_FILTERS = FRACTURE_SOURCES;
export type WorklistSourceFilter = FractureSource;

/** How a file's bytes are read: detected, or as named. */
export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'windows-1252'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** How an import arrived. */
export const IMPORT_CHANNELS = ['upload', 'cli', 'mllp', 'review'] as const;
export type ImportChannel = (typeof IMPORT_CHANNELS)[number];

/** Database enum `import_status`. */
export const IMPORT_STATUSES = ['succeeded', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
/** The statuses an import's own answer can have: a failed import answers with a problem instead. */
export const IMPORT_OUTCOMES = ['succeeded', 'rejected'] as const satisfies readonly ImportStatus[];
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** The review of a radiology finding (database enum `finding_status`). */
export const FINDING_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
/** How sure the report is of a finding: `uncertain` when it hedges (database enum `finding_certainty`). */
export const FINDING_CERTAINTIES = ['definite', 'uncertain'] as const;
export type FindingCertainty = (typeof FINDING_CERTAINTIES)[number];
export const FINDING_DECISIONS = ['confirm', 'dismiss'] as const;
export type FindingDecision = (typeof FINDING_DECISIONS)[number];

/**
 * The case-finding worklists: each a query over open tasks (`excluded`: over fractures set aside), in
 * the order the web app shows them as tabs.
 */
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

/** The days of the week, Monday first as in the Netherlands (`organization.weekdays.…`): an organisation's phone hours. */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The languages letters are printed in. */
export const LETTER_LOCALES = ['nl', 'en'] as const;
export type LetterLocale = (typeof LETTER_LOCALES)[number];

/**
 * How firm an unconfirmed clinical configuration value is (`clinicalConfig.markers.…`): UNCONFIRMED —
 * background knowledge no cited source confirms; INFERRED — completed by inference where the sources
 * are silent.
 */
export const CONFIG_MARKERS = ['UNCONFIRMED', 'INFERRED'] as const;
export type ConfigMarker = (typeof CONFIG_MARKERS)[number];

/** Where a configuration value comes from: the reference's default or the clinic's own choice. */
export const CONFIG_VALUE_ORIGINS = ['default', 'clinic'] as const;
export type ConfigValueOrigin = (typeof CONFIG_VALUE_ORIGINS)[number];

/** What a configuration version did to a value: confirmed it as it was, or changed it. */
export const CONFIG_CHANGE_KINDS = ['confirmed', 'changed'] as const;
export type ConfigChangeKind = (typeof CONFIG_CHANGE_KINDS)[number];

/** Who may confirm or change the clinical configuration (issue 14: a specialist or an administrator). */
export const CONFIG_EDITOR_ROLES = ['specialist', 'admin'] as const satisfies readonly Role[];

/*
 * Who may call what: the role groups the server's routes allow (`config.access`), which the web uses
 * to decide which screens to offer. The server enforces them (403).
 */
/** Staff who work with identifiable patient records in the pathway. */
export const CLINICAL_ROLES = ['specialist', 'nurse'] as const satisfies readonly Role[];
/** Staff who may see patient demographics (patient search, worklists, letters). */
export const PATIENT_RECORD_ROLES = ['specialist', 'nurse', 'secretary'] as const satisfies readonly Role[];
/** Everyone who works for the hospital. */
export const STAFF_ROLES = [
  'admin',
  'specialist',
  'nurse',
  'secretary',
  'quality',
] as const satisfies readonly Role[];
/** Administrators: accounts, imports, the organisation profile, the audit log. */
export const ADMIN_ROLES = ['admin'] as const satisfies readonly Role[];

/**
 * The kinds of document an episode keeps as made (table `episode_documents`, column `kind`): the
 * patient's result letter and the GP's hand-over letter of a consult decision.
 */
export const STORED_DOCUMENT_KINDS = ['result_letter', 'gp_letter'] as const;
export type StoredDocumentKind = (typeof STORED_DOCUMENT_KINDS)[number];
/*
 * The invitation loop (issue 11, item 1) and the episode page (item 2).
 */
/** What a planned appointment is for (appointments.kinds): DXA with VFA, laboratory tests, the consult. */
export const APPOINTMENT_KINDS = ['dxa_vfa', 'labs', 'consult'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

/** Database enum `appointment_status`. */
export const APPOINTMENT_STATUSES = ['planned', 'attended', 'no_show', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** How the reminder call (task `no_response_follow_up`) went. */
export const CALL_OUTCOMES = ['reached', 'not_reached', 'wrong_number'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** After a wrong number: ask the GP for the number (a task), or end the episode as lost. */
export const WRONG_NUMBER_NEXT_STEPS = ['ask_gp', 'lost'] as const;
export type WrongNumberNextStep = (typeof WRONG_NUMBER_NEXT_STEPS)[number];

/** Why a declined or not-eligible episode is taken up again; "other" needs a note. */
export const REOPEN_REASONS = [
  'patient_changed_mind',
  'recorded_in_error',
  'new_information',
  'other',
] as const;
export type ReopenReason = (typeof REOPEN_REASONS)[number];

/** Why a clinician includes a fracture the rules excluded (R1.3); "other" needs a note. */
export const FRACTURE_INCLUSION_REASONS = [
  'site_misclassified',
  'trauma_not_high_energy',
  'not_pathological',
  'clinical_judgement',
  'other',
] as const;
export type FractureInclusionReason = (typeof FRACTURE_INCLUSION_REASONS)[number];

/** The one step the episode page suggests next (its primary button). */
export const NEXT_STEP_ACTIONS = [
  'invite',
  'send_reminder',
  'record_call_outcome',
  'record_reply',
  'ask_gp_phone_number',
  'review_eligibility',
  'open_intake',
  'enter_investigations',
  'open_decision',
  'none',
  'complete_task',
] as const;
export type NextStepAction = (typeof NEXT_STEP_ACTIONS)[number];
/*
 * Laboratory results and fall risk (consult, R6/R7). `LAB_ANALYTES`: what a result is of, each in one SI
 * unit (the server's analyte catalogue, labResults/labAnalytes.ts, gives unit and LOINC code).
 * `LAB_RESULT_FLAGS`: the result against the laboratory's reference range.
 */
export const LAB_ANALYTES = [
  'calcium',
  'albumin',
  'albuminCorrectedCalcium',
  'creatinine',
  'eGFR',
  'TSH',
  '25OHD',
  'testosterone',
  'ESR',
  'mProtein',
  'phosphate',
  'alkalinePhosphatase',
  'tryptase',
  'urinaryCalcium',
] as const;
export type LabAnalyte = (typeof LAB_ANALYTES)[number];
export const LAB_RESULT_FLAGS = ['low', 'normal', 'high'] as const;
export type LabResultFlag = (typeof LAB_RESULT_FLAGS)[number];
/** The engine's R6 order codes (labPanel.ts), shown as the order list. */
export const LAB_ORDER_TESTS = [
  'calcium',
  'albumin',
  'creatinine_eGFR',
  'TSH',
  '25OHD',
  'testosterone',
  'ESR',
  'proteinSpectrumOrMProtein',
  'phosphate',
  'alkalinePhosphatase',
  'coeliacSerology',
  'tryptase',
  'urinaryCalcium',
] as const;
export type LabOrderTest = (typeof LAB_ORDER_TESTS)[number];
/** Why a test is on the order list: the R6 part that asks for it. */
export const LAB_ORDER_GROUPS = ['basic', 'testosterone', 'extended', 'onIndication'] as const;
export type LabOrderGroup = (typeof LAB_ORDER_GROUPS)[number];
/** The engine's R7 interventions (fallRisk.ts). */
export const FALL_INTERVENTIONS = [
  'professionalFallAssessment',
  'physiotherapyStrengthAndBalance',
  'medicationReview',
  'homeSafety',
  'observeRisingAndWalking',
] as const;
export type FallInterventionCode = (typeof FALL_INTERVENTIONS)[number];
/** The R7.1 NHG inventory items (fallRisk.ts). */
export const FALL_INVENTORY_ITEMS = [
  'fracturesPast2Years',
  'limitedMobility',
  'fearOfFalling',
  'alcoholUse',
  'fallRiskIncreasingMedication',
  'somaticComorbidity',
] as const;
/**
 * Densitometry (RULES.md R4, R5): the DXA measurement sites (the engine's BMD_SITES: lumbar spine
 * L1–L4, total hip, femoral neck, one-third radius), the vertebrae a VFA grades (T4–L4), and the
 * codes the engine answers with (R4.2 categories, R4.5 Z-score categories, R5.4 VFA categories).
 * The server's tests check these lists against the engine's.
 */
export const DXA_SITES = ['lumbarSpine', 'totalHip', 'femoralNeck', 'radius33'] as const;
export type DxaSite = (typeof DXA_SITES)[number];
export const VFA_LEVELS = [
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'T10',
  'T11',
  'T12',
  'L1',
  'L2',
  'L3',
  'L4',
] as const;
export type VfaLevel = (typeof VFA_LEVELS)[number];
export const BMD_CATEGORIES = ['normal', 'osteopenia', 'osteoporosis', 'severeOsteoporosis'] as const;
export const Z_SCORE_CATEGORIES = ['belowExpectedRangeForAge', 'withinExpectedRangeForAge'] as const;
export const VFA_CATEGORIES = ['none', 'grade1', 'grade2_single', 'grade2_multiple', 'grade3'] as const;
/** Confidence markers of the engine's rule traces (RULES.md). */
export const RULE_MARKERS = ['SOURCE', 'UNCONFIRMED', 'INFERRED'] as const;

/** Where a reminder delivery is (table `reminder_deliveries`): waiting, being sent, sent, or failed. */
export const REMINDER_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];
/** Why a reminder goes out: before a patient's dated task, after it, or the staff's daily overdue digest. */
export const REMINDER_KINDS = ['upcoming', 'overdue', 'staff_digest'] as const;
/** Who sees the reminder outbox and may send a failed reminder again. */
export const REMINDER_ROLES = ['admin', 'nurse', 'secretary'] as const satisfies readonly Role[];

/**
 * Where an import that runs as a job (`POST /api/import-jobs`) stands: waiting for the worker, being
 * imported, waiting to be tried again after an interruption, or done (as its import ended, or failed
 * for good after the last attempt).
 */
export const IMPORT_JOB_STATUSES = [
  'queued',
  'running',
  'retrying',
  'succeeded',
  'rejected',
  'failed',
] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];
/** The statuses after which an import job changes no more. */
export const FINISHED_IMPORT_JOB_STATUSES = [
  'succeeded',
  'rejected',
  'failed',
] as const satisfies readonly ImportJobStatus[];

/**
 * Who may use the advice calculators (calcium R12, vitamin D R13): they hold no patient data, so the
 * clinical staff in the consult and the patient in the portal.
 */
export const ADVICE_ROLES = ['specialist', 'nurse', 'patient'] as const satisfies readonly Role[];
