// Relational storage model of Osteopad. FHIR is mapped at the edge, never stored.
// Every clinical row carries organization_id: queries filter on it and row-level security
// (migration 0001) is a second wall behind that filter.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  inet,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ELIGIBILITY_OUTCOMES,
  ENCOUNTER_TYPES,
  EPISODE_REASON_CODES,
  EPISODE_STATES,
  FINDING_CERTAINTIES,
  FINDING_STATUSES,
  IMPORT_FORMATS,
  IMPORT_STATUSES,
  PATIENT_GROUPS,
  ROLES,
  SEXES,
  TASK_STATUSES,
  TREATMENT_STATUSES,
  APPOINTMENT_STATUSES,
  TRAUMA_MECHANISMS,
  STORED_DOCUMENT_KINDS,
  LETTER_LOCALES,
  type PhoneHours,
} from '@osteopad/contract';
import { doublePrecision } from 'drizzle-orm/pg-core';

// The database enums hold the API's code lists (@osteopad/contract): one spelling of each. A code
// added there needs an `ALTER TYPE … ADD VALUE` migration here.
export const userRole = pgEnum('user_role', ROLES);
export const sex = pgEnum('sex', SEXES);
export const episodeState = pgEnum('episode_state', EPISODE_STATES);
export const episodeReasonCode = pgEnum('episode_reason_code', EPISODE_REASON_CODES);
export const taskStatus = pgEnum('task_status', TASK_STATUSES);
export const encounterType = pgEnum('encounter_type', ENCOUNTER_TYPES);
export const traumaMechanism = pgEnum('trauma_mechanism', TRAUMA_MECHANISMS);
export const eligibilityOutcome = pgEnum('eligibility_outcome', ELIGIBILITY_OUTCOMES);
export const importFormat = pgEnum('import_format', IMPORT_FORMATS);
export const importStatus = pgEnum('import_status', IMPORT_STATUSES);
export const findingStatus = pgEnum('finding_status', FINDING_STATUSES);
/** How sure the report is of a finding: `uncertain` when it hedges ("mogelijk", "suspected", "niet uit te sluiten"). */
export const findingCertainty = pgEnum('finding_certainty', FINDING_CERTAINTIES);
export const patientGroup = pgEnum('patient_group', PATIENT_GROUPS);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  department: text('department').notNull().default(''),
  street: text('street').notNull().default(''),
  houseNumber: text('house_number').notNull().default(''),
  postalCode: text('postal_code').notNull().default(''),
  city: text('city').notNull().default(''),
  /** Where in the building: "Route 25". */
  visitingRoute: text('visiting_route').notNull().default(''),
  /** The postal address when it is not the visiting address ("Postbus 90151"); all three empty otherwise. */
  postalAddressLine: text('postal_address_line').notNull().default(''),
  postalAddressPostalCode: text('postal_address_postal_code').notNull().default(''),
  postalAddressCity: text('postal_address_city').notNull().default(''),
  phoneGeneral: text('phone_general').notNull().default(''),
  phoneDepartment: text('phone_department').notNull().default(''),
  /** When the department answers the phone: `[{ weekday, from, to }]`, checked by the contract. */
  phoneHours: jsonb('phone_hours').$type<PhoneHours[]>().notNull().default([]),
  email: text('email').notNull().default(''),
  /** Free text about the hours; printed beside the phone hours, or alone when none are listed. */
  openingHours: text('opening_hours').notNull().default(''),
  portalUrl: text('portal_url').notNull().default(''),
  /** Who signs the invitation letter; empty: the department. */
  signOff: text('sign_off').notNull().default(''),
  /** Days after an invitation before the "no response" reminder task falls due. */
  inviteReminderDays: integer('invite_reminder_days').notNull().default(21),
  /** Optimistic concurrency of the profile screen: bumped by every change. */
  version: integer('version').notNull().default(1),
  ...timestamps,
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: userRole('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Set for role `patient`: the one record this account may see. */
    patientId: uuid('patient_id').references((): AnyPgColumn => patients.id),
    active: boolean('active').notNull().default(true),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    index('users_organization_idx').on(t.organizationId),
    check('users_patient_role_has_patient', sql`(${t.role} = 'patient') = (${t.patientId} IS NOT NULL)`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a stolen database dump yields no usable session. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    clientAddress: inet('client_address'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    bsn: text('bsn'),
    sourceSystem: text('source_system'),
    sourceId: text('source_id'),
    familyName: text('family_name').notNull(),
    givenNames: text('given_names').notNull().default(''),
    initials: text('initials').notNull().default(''),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: sex('sex').notNull(),
    street: text('street').notNull().default(''),
    houseNumber: text('house_number').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    country: text('country').notNull().default('NL'),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    gpName: text('gp_name').notNull().default(''),
    gpAgbCode: text('gp_agb_code').notNull().default(''),
    gpPracticeName: text('gp_practice_name').notNull().default(''),
    gpAddress: text('gp_address').notNull().default(''),
    /**
     * Retired (migration portal_access): the plain portal code of before. Codes are now issued when a letter
     * is printed and kept only as a hash (`portal_activation_codes`); this column is left NULL.
     */
    portalCode: text('portal_code'),
    /** Known to have died (a source said so); the date when it was given. Never invited, episodes closed. */
    deceased: boolean('deceased').notNull().default(false),
    deceasedDate: date('deceased_date', { mode: 'string' }),
    /**
     * The moment the stored name, address, phone and GP were true: when the source recorded them (HL7
     * EVN-2/MSH-7), else when they were stored. Only details recorded later may replace them.
     */
    demographicsAsOf: timestamp('demographics_as_of', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('patients_org_bsn_key')
      .on(t.organizationId, t.bsn)
      .where(sql`${t.bsn} IS NOT NULL`),
    uniqueIndex('patients_org_source_key')
      .on(t.organizationId, t.sourceSystem, t.sourceId)
      .where(sql`${t.sourceId} IS NOT NULL`),
    uniqueIndex('patients_portal_code_key').on(t.portalCode),
    index('patients_name_trgm_idx').using(
      'gin',
      sql`(lower(${t.familyName} || ' ' || ${t.givenNames})) gin_trgm_ops`,
    ),
    index('patients_org_birth_date_idx').on(t.organizationId, t.birthDate),
    check('patients_bsn_elfproef', sql`${t.bsn} IS NULL OR osteopad_bsn_valid(${t.bsn})`),
    check('patients_identified', sql`${t.bsn} IS NOT NULL OR ${t.sourceId} IS NOT NULL`),
    check('patients_deceased_date', sql`${t.deceasedDate} IS NULL OR ${t.deceased}`),
  ],
);

export const fractureEvents = pgTable(
  'fracture_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    fractureDate: date('fracture_date', { mode: 'string' }).notNull(),
    siteCode: text('site_code'),
    siteText: text('site_text').notNull().default(''),
    icd10Code: text('icd10_code').notNull().default(''),
    snomedCode: text('snomed_code').notNull().default(''),
    /**
     * Every code the source gave for this injury, in its order: [{ system, code, display? }], system
     * `icd10`, `snomed` or the source's own name. One injury coded twice on one day is one fracture.
     */
    sourceCodes: jsonb('source_codes')
      .notNull()
      .default(sql`'[]'::jsonb`),
    encounterType: encounterType('encounter_type').notNull().default('unknown'),
    traumaMechanism: traumaMechanism('trauma_mechanism').notNull().default('unknown'),
    pathological: boolean('pathological'),
    /** Identity key for idempotent imports: site code, else ICD-10, else site text. */
    identityKey: text('identity_key').notNull(),
    eligibility: eligibilityOutcome('eligibility').notNull(),
    eligibilityReason: text('eligibility_reason').notNull(),
    /** Rule engine version and configuration fingerprint that produced `eligibility`. */
    eligibilityEngine: jsonb('eligibility_engine')
      .notNull()
      .default(sql`'{}'::jsonb`),
    sourceFormat: text('source_format').notNull().default('manual'),
    sourceRef: text('source_ref').notNull().default(''),
    /** The import that brought the fracture in (informational; imports are never deleted). */
    importId: uuid('import_id'),
    /** Vertebral fractures: the levels (Th1–Th12, L1–L5, spine order) confirmed from radiology reports. */
    vertebralLevels: text('vertebral_levels')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Vertebral fractures: the highest Genant grade (1–3) a confirmed report finding stated. */
    genantGrade: integer('genant_grade'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('fracture_events_identity_key').on(t.patientId, t.fractureDate, t.identityKey),
    index('fracture_events_org_date_idx').on(t.organizationId, t.fractureDate),
    check('fracture_events_genant_grade', sql`${t.genantGrade} IS NULL OR ${t.genantGrade} BETWEEN 1 AND 3`),
  ],
);

export const episodes = pgTable(
  'episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    indexFractureId: uuid('index_fracture_id').references(() => fractureEvents.id),
    state: episodeState('state').notNull(),
    /** Why the episode is in its state (null: none yet); details by code, see episodes/episodeReasons.ts. */
    stateReasonCode: episodeReasonCode('state_reason_code'),
    stateReasonDetails: jsonb('state_reason_details')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** The user's own words, stored as written. */
    stateReasonNote: text('state_reason_note').notNull().default(''),
    patientGroup: patientGroup('patient_group'),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    /** Optimistic concurrency: bumped by every transition and episode action (a stale save is a 409). */
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('episodes_org_state_idx').on(t.organizationId, t.state),
    index('episodes_patient_idx').on(t.patientId),
  ],
);

export const episodeEvents = pgTable(
  'episode_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: uuid('organization_id').notNull(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    fromState: episodeState('from_state'),
    toState: episodeState('to_state').notNull(),
    /** Why the transition happened; details by code, see episodes/episodeReasons.ts. */
    reasonCode: episodeReasonCode('reason_code').notNull(),
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** The user's own words, stored as written. */
    note: text('note').notNull().default(''),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('episode_events_episode_idx').on(t.episodeId, t.occurredAt)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    kind: text('kind').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: taskStatus('status').notNull().default('open'),
    assigneeRole: userRole('assignee_role').notNull(),
    outcome: text('outcome').notNull().default(''),
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by').references(() => users.id),
    /**
     * Names a task the rules create once per episode (follow-up: 'denosumab_injection#3',
     * 'yearly_check#2'): unique per episode, so a task created twice (a retried job, a double click, a
     * restart) is created once — inserts use ON CONFLICT DO NOTHING on it. Null for one-off tasks.
     */
    seriesKey: text('series_key'),
    /** The treatment course a follow-up task belongs to. */
    treatmentId: uuid('treatment_id').references((): AnyPgColumn => treatments.id),
    /**
     * The day the scheduler pass (jobs/schedulerPass.ts) first found this open task past its due date;
     * null while it is not overdue. Worklists may read it; the projection does not carry it (yet).
     */
    overdueSince: date('overdue_since', { mode: 'string' }),
    ...timestamps,
  },
  (t) => [
    index('tasks_worklist_idx').on(t.organizationId, t.status, t.kind, t.dueDate),
    index('tasks_episode_idx').on(t.episodeId),
    // The scheduler pass's keyset batches (jobs/schedulerPass.ts): the open tasks of an organisation in
    // id order, without walking the done and cancelled ones (most of the table, in time).
    index('tasks_open_scan_idx')
      .on(t.organizationId, t.id)
      .where(sql`${t.status} = 'open'`),
    uniqueIndex('tasks_episode_series_key')
      .on(t.episodeId, t.seriesKey)
      .where(sql`${t.seriesKey} IS NOT NULL`),
  ],
);

/** Database enum of a treatment course's status (contract TREATMENT_STATUSES). */
export const treatmentStatus = pgEnum('treatment_status', TREATMENT_STATUSES);

/**
 * A course of a fracture-prevention drug (R10, R11): started on a date (the start_treatment task's
 * completion), followed up by the rules until it stops (with a reason) or completes; a follow-on course
 * (R11.4 after denosumab, R11.5 after anabolic therapy) names the course it follows. `version` is bumped
 * by every change (optimistic concurrency).
 */
export const treatments = pgTable(
  'treatments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    decisionId: uuid('decision_id').references((): AnyPgColumn => decisions.id),
    /** A DRUG_CODES code (clinical). */
    drug: text('drug').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    status: treatmentStatus('status').notNull().default('active'),
    /** The last dose given (injection, infusion), when the drug is given in doses. */
    lastDoseOn: date('last_dose_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    /** Why it stopped or completed, a code with the user's own words in `endNote`. */
    endReason: text('end_reason'),
    endNote: text('end_note').notNull().default(''),
    followsTreatmentId: uuid('follows_treatment_id').references((): AnyPgColumn => treatments.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('treatments_patient_idx').on(t.organizationId, t.patientId, t.status),
    index('treatments_episode_idx').on(t.episodeId),
  ],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    username: text('username').notNull().default(''),
    role: text('role').notNull().default(''),
    organizationId: uuid('organization_id'),
    patientId: uuid('patient_id'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull().default(''),
    outcome: text('outcome').notNull().default('success'),
    reason: text('reason').notNull().default(''),
    clientAddress: inet('client_address'),
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('audit_events_org_time_idx').on(t.organizationId, t.occurredAt),
    index('audit_events_patient_idx').on(t.patientId, t.occurredAt),
    index('audit_events_user_idx').on(t.userId, t.occurredAt),
  ],
);

/** One run of an import (file, upload or MLLP message): what came in and what became of it. */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    format: importFormat('format').notNull(),
    fileName: text('file_name').notNull().default(''),
    fileSha256: text('file_sha256').notNull().default(''),
    channel: text('channel').notNull(),
    status: importStatus('status').notNull(),
    skipInvalid: boolean('skip_invalid').notNull().default(false),
    rows: integer('rows').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    eligible: integer('eligible').notNull().default(0),
    excluded: integer('excluded').notNull().default(0),
    manualReview: integer('manual_review').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    /** Known patients whose name, address, phone or GP newer details (HL7) changed. */
    patientsUpdated: integer('patients_updated').notNull().default(0),
    /** Known patients whose death the import recorded. */
    deathsRecorded: integer('deaths_recorded').notNull().default(0),
    invalid: integer('invalid').notNull().default(0),
    /** The first errors (row, field, message); the count is in `invalid`. */
    errors: jsonb('errors')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The first warnings (rows taken that deserve a look) and how many there were in all. */
    warnings: jsonb('warnings')
      .notNull()
      .default(sql`'[]'::jsonb`),
    warningsCount: integer('warnings_count').notNull().default(0),
    userId: uuid('user_id').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('imports_org_started_idx').on(t.organizationId, t.startedAt)],
);

/** A vertebral fracture mentioned in a radiology report (IOF standard 4), waiting for review. */
export const reportFindings = pgTable(
  'report_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    /** Null while the report's patient is not (yet) known to Osteopad. */
    patientId: uuid('patient_id').references(() => patients.id),
    patientRef: text('patient_ref').notNull(),
    reportId: text('report_id').notNull(),
    reportDate: date('report_date', { mode: 'string' }).notNull(),
    sentence: text('sentence').notNull(),
    highlightStart: integer('highlight_start').notNull(),
    highlightEnd: integer('highlight_end').notNull(),
    levels: text('levels')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    genantGrade: integer('genant_grade'),
    known: boolean('known').notNull().default(false),
    certainty: findingCertainty('certainty').notNull().default('definite'),
    /** The hedge as written in the report ("mogelijk", "cannot be excluded"); null when definite. */
    certaintyCue: text('certainty_cue'),
    status: findingStatus('status').notNull().default('open'),
    /** The fracture a confirmation recorded (null while open or dismissed). */
    fractureId: uuid('fracture_id').references(() => fractureEvents.id),
    importId: uuid('import_id'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('report_findings_identity_key').on(
      t.organizationId,
      t.reportId,
      t.highlightStart,
      t.sentence,
    ),
    index('report_findings_org_status_idx').on(t.organizationId, t.status, t.reportDate),
  ],
);

/**
 * The worklists' projection: one row per worklist entry — per open task (any kind: the tabs pick theirs
 * by `entry_kind`), and per excluded fracture (`entry_kind` 'excluded') — carrying its own sort and
 * filter keys and what the row shows, so that a page is one index range scan with no joins. Written
 * only by the triggers of migration 0013 (on tasks, episodes, patients and fracture_events); the
 * application may only read it. One index per sort order, each ending in the tie-breaker `item_id`.
 */
export const worklistItems = pgTable(
  'worklist_items',
  {
    /** The task's id, or the fracture's for an excluded fracture: the tie-breaker of every order. */
    itemId: uuid('item_id').primaryKey(),
    organizationId: uuid('organization_id').notNull(),
    /** The task's kind, or 'excluded'. */
    entryKind: text('entry_kind').notNull(),
    patientId: uuid('patient_id').notNull(),
    episodeId: uuid('episode_id'),
    fractureId: uuid('fracture_id').notNull(),
    taskId: uuid('task_id'),
    episodeState: text('episode_state'),
    familyName: text('family_name').notNull(),
    givenNames: text('given_names').notNull(),
    initials: text('initials').notNull(),
    bsn: text('bsn'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex').notNull(),
    ageAtFracture: integer('age_at_fracture').notNull(),
    fractureDate: date('fracture_date', { mode: 'string' }).notNull(),
    siteCode: text('site_code'),
    siteText: text('site_text').notNull(),
    icd10Code: text('icd10_code').notNull(),
    patientGroup: patientGroup('patient_group'),
    eligibility: text('eligibility').notNull(),
    eligibilityReason: text('eligibility_reason').notNull(),
    assumptions: jsonb('assumptions')
      .notNull()
      .default(sql`'[]'::jsonb`),
    source: text('source').notNull(),
    taskDueDate: date('task_due_date', { mode: 'string' }),
    /** Sort keys, never null: lower(family name); the site code ('' when unplaced); the due date (an excluded fracture's date). */
    nameKey: text('name_key').notNull(),
    siteKey: text('site_key').notNull(),
    dueKey: date('due_key', { mode: 'string' }).notNull(),
    /**
     * The follow-up worklists (issue 12, migration 0021): the task's role; 'follow_up' for the kinds those
     * lists show (null otherwise); the facts that start and stop the episode's quality clocks
     * (clocks/qualityClocks.ts); the earliest deadline of a clock no recorded event has stopped
     * ('9999-12-31' when none) and that clock's kind.
     */
    assigneeRole: text('assignee_role'),
    listKey: text('list_key'),
    assessedOn: date('assessed_on', { mode: 'string' }),
    dxaOn: date('dxa_on', { mode: 'string' }),
    firstContactOn: date('first_contact_on', { mode: 'string' }),
    persistenceOn: date('persistence_on', { mode: 'string' }),
    treatedUntil: date('treated_until', { mode: 'string' }),
    decisionOutcome: text('decision_outcome'),
    clockDue: date('clock_due', { mode: 'string' }).notNull().default('9999-12-31'),
    clockKind: text('clock_kind'),
  },
  (t) => [
    index('worklist_items_fracture_date_idx').on(t.organizationId, t.entryKind, t.fractureDate, t.itemId),
    index('worklist_items_due_idx').on(t.organizationId, t.entryKind, t.dueKey, t.itemId),
    index('worklist_items_name_idx').on(t.organizationId, t.entryKind, t.nameKey, t.itemId),
    index('worklist_items_age_idx').on(t.organizationId, t.entryKind, t.ageAtFracture, t.itemId),
    index('worklist_items_site_idx').on(t.organizationId, t.entryKind, t.siteKey, t.itemId),
    index('worklist_items_patient_idx').on(t.patientId),
    index('worklist_items_follow_up_due_idx')
      .on(t.organizationId, t.dueKey, t.clockDue, t.itemId)
      .where(sql`${t.listKey} = 'follow_up'`),
    index('worklist_items_follow_up_role_due_idx')
      .on(t.organizationId, t.assigneeRole, t.dueKey, t.clockDue, t.itemId)
      .where(sql`${t.listKey} = 'follow_up'`),
    index('worklist_items_follow_up_clock_idx')
      .on(t.organizationId, t.clockDue, t.dueKey, t.itemId)
      .where(sql`${t.listKey} = 'follow_up'`),
    index('worklist_items_follow_up_role_clock_idx')
      .on(t.organizationId, t.assigneeRole, t.clockDue, t.dueKey, t.itemId)
      .where(sql`${t.listKey} = 'follow_up'`),
  ],
);

/**
 * How many follow-up worklist rows (`worklist_items` with `list_key = 'follow_up'`) there are per
 * organisation, role, due date and task kind, kept exactly by statement-level triggers on the projection
 * (migration 0025): the tabs' counts are sums over a tab's dates, a few hundred rows, instead of counting up
 * to 10,001 index entries per tab on every page. A key's count is the sum of its rows: writers only insert
 * signed deltas (never waiting on each other) and merge the rows of the keys they touched that no other
 * transaction holds. Read-only for the application role.
 */
export const followUpCounts = pgTable(
  'follow_up_counts',
  {
    organizationId: uuid('organization_id').notNull(),
    /** The row's `assignee_role` ('' when it has none: no role's list shows it, "all" does). */
    assigneeRole: text('assignee_role').notNull(),
    dueKey: date('due_key', { mode: 'string' }).notNull(),
    entryKind: text('entry_kind').notNull(),
    /** A signed share of the key's count; the key's rows add up to its count (no rows: 0). */
    n: integer('n').notNull(),
  },
  (t) => [index('follow_up_counts_key_idx').on(t.organizationId, t.assigneeRole, t.dueKey, t.entryKind)],
);

/** bytea: the stored bytes of a document, as the PDF was made. */
const bytes = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * The documents an episode keeps as they were made (the consult's letters): append-only — the
 * application may only SELECT and INSERT (migration episode_documents_security) — so a letter is
 * re-printed from its stored bytes, exactly, whatever changed since (the organisation profile, the
 * patient's address). `input` is the snapshot the PDF was rendered from; `decision_id` names the stored
 * decision it was made from.
 */
export const episodeDocuments = pgTable(
  'episode_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    /** A `STORED_DOCUMENT_KINDS` code (contract). */
    kind: text('kind', { enum: STORED_DOCUMENT_KINDS }).notNull(),
    locale: text('locale', { enum: LETTER_LOCALES }).notNull(),
    pdf: bytes('pdf').notNull(),
    /** Hex SHA-256 of `pdf`. */
    sha256: text('sha256').notNull(),
    input: jsonb('input').notNull(),
    decisionId: uuid('decision_id').references((): AnyPgColumn => decisions.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('episode_documents_episode_idx').on(t.organizationId, t.episodeId, t.createdAt),
    check('episode_documents_kind', sql`${t.kind} IN ('result_letter', 'gp_letter')`),
    check('episode_documents_locale', sql`${t.locale} IN ('nl', 'en')`),
    check('episode_documents_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * Recorded decisions of the consult (decision/decisionRecords.ts): append-only — the application may
 * only SELECT and INSERT (migration *_decisions_security). `inputs` is the exact engine input, `outputs`
 * the engine's assessment, `items` the clinician's choice and reason per item, `plan` what was planned.
 * A later decision of the same episode is a new row with the next `sequence` that supersedes the one
 * it names; the unique (episode_id, sequence) refuses the second of two decisions based on the same one.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    sequence: integer('sequence').notNull(),
    supersedesId: uuid('supersedes_id').references((): AnyPgColumn => decisions.id),
    fingerprint: text('fingerprint').notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    engineVersion: text('engine_version').notNull(),
    configVersion: text('config_version').notNull(),
    configFingerprint: text('config_fingerprint').notNull(),
    inputs: jsonb('inputs').notNull(),
    outputs: jsonb('outputs').notNull(),
    items: jsonb('items').notNull(),
    plan: jsonb('plan').notNull(),
    outcome: episodeState('outcome').notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedByName: text('decided_by_name').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('decisions_episode_sequence_key').on(t.episodeId, t.sequence),
    check('decisions_sequence_positive', sql`${t.sequence} >= 1`),
  ],
);

/** Database enum of an appointment's status (invitation loop). */
export const appointmentStatus = pgEnum('appointment_status', APPOINTMENT_STATUSES);

/** The patient's reply "appointment planned": when, and for what (APPOINTMENT_KINDS). */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    date: date('date', { mode: 'string' }).notNull(),
    /** HH:MM, the hospital's local time. */
    time: text('time').notNull(),
    kinds: text('kinds').array().notNull(),
    status: appointmentStatus('status').notNull().default('planned'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('appointments_episode_idx').on(t.episodeId, t.date),
    check('appointments_kinds_not_empty', sql`cardinality(${t.kinds}) > 0`),
  ],
);

/**
 * Laboratory results of an episode (consult, R6): one row per analyte and sample, in the analyte's one unit
 * (labResults/labAnalytes.ts), with the laboratory's reference range as given with the result (null: not
 * given). Corrected in place with optimistic concurrency (`version`); the audit log keeps the earlier values.
 */
export const labResults = pgTable(
  'lab_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    analyte: text('analyte').notNull(),
    value: doublePrecision('value').notNull(),
    unit: text('unit').notNull(),
    rangeLow: doublePrecision('range_low'),
    rangeHigh: doublePrecision('range_high'),
    sampledOn: date('sampled_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('lab_results_episode_idx').on(t.episodeId, t.sampledOn),
    check('lab_results_value_not_negative', sql`${t.value} >= 0`),
    check(
      'lab_results_range_order',
      sql`${t.rangeLow} IS NULL OR ${t.rangeHigh} IS NULL OR ${t.rangeLow} <= ${t.rangeHigh}`,
    ),
  ],
);

/**
 * Fall-risk screenings of an episode (consult, R7): one row per save, the latest (highest `version`) counts.
 * The unique (episode, version) makes a save against a stale version fail instead of overwriting.
 */
export const fallRiskAssessments = pgTable(
  'fall_risk_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    fallsPastYear: integer('falls_past_year').notNull(),
    worriedAboutFalling: boolean('worried_about_falling').notNull(),
    difficultyWalkingOrBalance: boolean('difficulty_walking_or_balance').notNull(),
    fallRiskIncreasingMedication: boolean('fall_risk_increasing_medication'),
    version: integer('version').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fall_risk_assessments_episode_version_key').on(t.episodeId, t.version),
    check('fall_risk_assessments_falls_range', sql`${t.fallsPastYear} BETWEEN 0 AND 1000`),
  ],
);

export const intakeResponseStatus = pgEnum('intake_response_status', ['in_progress', 'completed']);

/**
 * The intake questionnaire's answers of an episode (one per episode), as last saved: `version` counts
 * the saves (optimistic concurrency: a save names the version it was made on). Every save is also kept
 * in `intake_response_revisions`.
 */
export const intakeResponses = pgTable(
  'intake_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    questionnaireVersion: text('questionnaire_version').notNull(),
    status: intakeResponseStatus('status').notNull(),
    answers: jsonb('answers').notNull(),
    version: integer('version').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('intake_responses_episode_key').on(t.episodeId)],
);

/** Every save of an intake response, append-only: the answers as saved, their version, who, when. */
export const intakeResponseRevisions = pgTable(
  'intake_response_revisions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: uuid('organization_id').notNull(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    questionnaireVersion: text('questionnaire_version').notNull(),
    version: integer('version').notNull(),
    status: intakeResponseStatus('status').notNull(),
    answers: jsonb('answers').notNull(),
    savedBy: uuid('saved_by').references(() => users.id),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('intake_response_revisions_episode_version_key').on(t.episodeId, t.version)],
);

/**
 * DXA exams of an episode (RULES.md R4): per site (lumbar spine L1–L4, total hip, femoral neck,
 * one-third radius) the values of the DXA report, as `sites` jsonb
 * `{ <site>: { bmdGcm2, tScore, zScore, evaluable, vertebraeEvaluable } | null }`. The engine's
 * classification is not stored: it is computed on read (investigations/densitometry.ts), so it always
 * shows what the running engine and configuration make of it; the decision stores its own snapshot.
 * `version` starts at 1 and is bumped by every change (optimistic concurrency).
 */
export const dxaExams = pgTable(
  'dxa_exams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    examDate: date('exam_date', { mode: 'string' }).notNull(),
    device: text('device').notNull().default(''),
    sites: jsonb('sites').notNull(),
    version: integer('version').notNull().default(1),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dxa_exams_episode_idx').on(t.episodeId, t.examDate)],
);

/**
 * VFA exams of an episode (RULES.md R5): `vertebrae` jsonb `[{ level, genantGrade, heightLossPercent }]`
 * (T4–L4; unlisted vertebrae count as grade 0), `assessable` false when the VFA could not be assessed.
 * The R5 category is computed on read, like the DXA classification.
 */
export const vfaExams = pgTable(
  'vfa_exams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    examDate: date('exam_date', { mode: 'string' }).notNull(),
    assessable: boolean('assessable').notNull(),
    vertebrae: jsonb('vertebrae').notNull(),
    version: integer('version').notNull().default(1),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('vfa_exams_episode_idx').on(t.episodeId, t.examDate)],
);

/**
 * The reminder outbox (reminders/): one row per message a channel must deliver — a patient's reminder
 * of a dated task (`upcoming` some days before, `overdue` after) or the staff's daily digest of overdue
 * tasks (task_id null, `occasion_on` the day). Unique per task, channel and kind (and per organisation,
 * channel, kind and day for digests), so a scheduler pass run twice creates each reminder once.
 * Sending: claim (status sending, lease), send, mark sent at once; a failure is retried with back-off
 * (`next_attempt_at`) until `attempts` reaches the limit, then stays failed with `next_attempt_at` null.
 */
export const reminderDeliveries = pgTable(
  'reminder_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    taskId: uuid('task_id').references(() => tasks.id),
    patientId: uuid('patient_id').references(() => patients.id),
    channel: text('channel').notNull(),
    reminderKind: text('reminder_kind').notNull(),
    recipient: text('recipient').notNull(),
    language: text('language').notNull().default('nl'),
    /** The task's due date (patient reminders) or the digest's day. */
    occasionOn: date('occasion_on', { mode: 'string' }).notNull(),
    /** What the message names, without medical detail: the task kind (patient) or overdue count (digest). */
    content: jsonb('content')
      .notNull()
      .default(sql`'{}'::jsonb`),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error').notNull().default(''),
    messageId: text('message_id').notNull(),
    providerMessageId: text('provider_message_id').notNull().default(''),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('reminder_deliveries_task_key')
      .on(t.taskId, t.channel, t.reminderKind)
      .where(sql`${t.taskId} IS NOT NULL`),
    uniqueIndex('reminder_deliveries_digest_key')
      .on(t.organizationId, t.channel, t.reminderKind, t.occasionOn)
      .where(sql`${t.taskId} IS NULL`),
    index('reminder_deliveries_due_idx')
      .on(t.organizationId, t.status, t.nextAttemptAt)
      .where(sql`${t.status} <> 'sent'`),
    index('reminder_deliveries_list_idx').on(t.organizationId, t.status, t.id),
    check('reminder_deliveries_status', sql`${t.status} IN ('queued', 'sending', 'sent', 'failed')`),
  ],
);

/**
 * A fracture file imported by the job queue (`POST /api/import-jobs`): the upload spools the file and
 * queues the job (id = the queue's job id, in the same transaction); the worker imports the spooled file
 * and records here how far it has come. The import's success and this row's commit together.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id').notNull(),
    format: importFormat('format').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    totalBytes: integer('total_bytes').notNull(),
    encoding: text('encoding').notNull(),
    sourceSystem: text('source_system').notNull(),
    skipInvalid: boolean('skip_invalid').notNull(),
    /** The hospital's calendar day of the upload: what the import measures "recent" against, every attempt. */
    importDay: date('import_day', { mode: 'string' }).notNull(),
    /** Who uploaded it: the import is theirs in the audit log, whichever worker runs it. */
    requestedBy: jsonb('requested_by').notNull(),
    userId: uuid('user_id').references(() => users.id),
    status: text('status').notNull().default('queued'),
    rowsRead: integer('rows_read').notNull().default(0),
    bytesRead: integer('bytes_read').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    problemCode: text('problem_code').notNull().default(''),
    problemMessage: text('problem_message').notNull().default(''),
    importId: uuid('import_id').references(() => imports.id),
    summary: jsonb('summary'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('import_jobs_org_created_idx').on(t.organizationId, t.createdAt),
    check(
      'import_jobs_status',
      sql`${t.status} IN ('queued', 'running', 'retrying', 'succeeded', 'rejected', 'failed')`,
    ),
  ],
);

/**
 * Portal activation codes (issue 13): the personal code printed on an invitation letter, kept only as its
 * SHA-256 (the code is made when the letter is printed and exists in plain text only on the paper).
 * Single-use (`used_at`), expiring (`expires_at`), replaced by the next letter's code (`revoked_at`), and
 * locked for a while after repeated wrong dates of birth (`failed_attempts`, `locked_until`).
 */
export const portalActivationCodes = pgTable(
  'portal_activation_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    /** What made it: `letter`, `demo`, or `migrated` (a plain code of before). */
    issuedBy: text('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('portal_activation_codes_hash_key').on(t.codeHash),
    index('portal_activation_codes_patient_idx').on(t.organizationId, t.patientId),
  ],
);

/** E-mailed sign-in links of the portal (issue 13): single-use, short-lived, kept as the token's SHA-256. */
export const portalMagicLinks = pgTable(
  'portal_magic_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    organizationId: uuid('organization_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('portal_magic_links_user_idx').on(t.userId)],
);

/**
 * The hospital's single sign-on (issue 14): one OpenID Connect provider per organisation. The client
 * secret is never stored: `client_secret_ref` names where the server reads it (`env:NAME` or
 * `file:/path`, auth/sso/clientSecret.ts).
 */
export const organizationSso = pgTable(
  'organization_sso',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id),
    /** The name in the sign-in URL (`/api/auth/sso/<slug>/start`). */
    slug: text('slug').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    issuerUrl: text('issuer_url').notNull(),
    clientId: text('client_id').notNull(),
    clientSecretRef: text('client_secret_ref').notNull(),
    /** The ID token claim whose value is the Osteopad username (any letter case). */
    accountClaim: text('account_claim').notNull().default('preferred_username'),
    /** `account`: the account's own role; `claim`: `role_claim` mapped through `role_map`. */
    roleSource: text('role_source').notNull().default('account'),
    roleClaim: text('role_claim'),
    roleMap: jsonb('role_map').$type<Record<string, string>>().notNull().default({}),
    /** `disabled`: staff of the organisation sign in by SSO only (patients keep their passwords). */
    localPasswords: text('local_passwords').notNull().default('allowed'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('organization_sso_slug_key').on(sql`lower(${t.slug})`),
    check('organization_sso_role_source', sql`${t.roleSource} IN ('account', 'claim')`),
    check('organization_sso_local_passwords', sql`${t.localPasswords} IN ('allowed', 'disabled')`),
  ],
);

/**
 * A sign-in under way at the provider: state, nonce and PKCE verifier between the start and the callback,
 * found by the SHA-256 of the browser's flow cookie; single use, minutes long.
 */
export const ssoSignInFlows = pgTable(
  'sso_sign_in_flows',
  {
    flowHash: text('flow_hash').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    state: text('state').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /** Where the app goes after the sign-in (a path inside the app, checked when it was stored). */
    redirectPath: text('redirect_path').notNull().default('/'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sso_sign_in_flows_expiry_idx').on(t.expiresAt)],
);

/**
 * One-time links to set a password (issue 14, users): an administrator makes one for an account and hands
 * it over; single-use, expiring, kept as the token's SHA-256. A newer link revokes the account's unused ones.
 */
export const userPasswordLinks = pgTable(
  'user_password_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    organizationId: uuid('organization_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The administrator who made it. */
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('user_password_links_user_idx').on(t.userId)],
);

/**
 * The clinic's clinical configuration, one row per version (clinicalConfig/clinicalConfigVersions.ts):
 * `document` is the whole configuration file as parseClinicalConfig reads it (`{ version, values }`), so
 * a version is reproducible on its own; `changes` what this version changed or confirmed against the
 * one before, and `reason` why. Append-only (migration *_clinical_config_versions_security): a version is
 * never changed or removed, the next one supersedes it, and the unique (organization_id, number) refuses
 * the second of two versions made from the same one. No row: the installation's file (or the defaults).
 */
export const clinicalConfigVersions = pgTable(
  'clinical_config_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    number: integer('number').notNull(),
    version: text('version').notNull(),
    fingerprint: text('fingerprint').notNull(),
    document: jsonb('document').notNull(),
    changes: jsonb('changes').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('clinical_config_versions_number_key').on(t.organizationId, t.number),
    check('clinical_config_versions_number_positive', sql`${t.number} >= 1`),
  ],
);
