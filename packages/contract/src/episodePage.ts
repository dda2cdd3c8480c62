import { z } from 'zod/mini';
import {
  APPOINTMENT_KINDS,
  APPOINTMENT_STATUSES,
  EPISODE_STATES,
  NEXT_STEP_ACTIONS,
  PATIENT_GROUPS,
  ROLES,
  SEXES,
  TASK_KINDS,
  TREATMENT_STATUSES,
} from './codes';
import { knownCode } from './fields';
import { OVERDUE_LEVELS, TREATMENT_DRUGS } from './taskOutcomes';
import { INTAKE_RESPONSE_STATUSES } from './intake';
import { episodeReasonAnswer } from './patients';
import { episodeDocumentSummarySchema, timelineEntrySchema } from './timeline';

/*
 * The episode page (`GET /api/episodes/:episodeId`) and the answers of the invitation loop's actions.
 * Its own module: only the episode page's lazy chunk imports it at run time.
 */

/** The answer of every invitation-loop action: the episode's state and version after it. */
export const loopActionSchema = z.object({
  episodeId: z.uuid(),
  state: knownCode(EPISODE_STATES),
  version: z.int(),
  nextTask: z.nullable(z.object({ kind: knownCode(TASK_KINDS), dueDate: z.string() })),
});
export type LoopActionResult = z.infer<typeof loopActionSchema>;

export const appointmentSchema = z.object({
  id: z.uuid(),
  date: z.string(),
  time: z.string(),
  kinds: z.array(knownCode(APPOINTMENT_KINDS)),
  status: knownCode(APPOINTMENT_STATUSES),
  note: z.string(),
  version: z.int(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

/** A treatment course on the episode page; `nextDoseOn` is the due date of its open dose task. */
export const treatmentCourseSchema = z.object({
  id: z.uuid(),
  drug: knownCode(TREATMENT_DRUGS),
  status: knownCode(TREATMENT_STATUSES),
  startedOn: z.string(),
  lastDoseOn: z.nullable(z.string()),
  endedOn: z.nullable(z.string()),
  /** A TREATMENT_STOP_REASONS code, or the outcome that completed it (`switch`, `started` …). */
  endReason: z.nullable(z.string()),
  followsTreatmentId: z.nullable(z.uuid()),
  nextDoseOn: z.nullable(z.string()),
});
export type TreatmentCourse = z.infer<typeof treatmentCourseSchema>;

export const episodePageSchema = z.object({
  episode: z.object({
    id: z.uuid(),
    state: knownCode(EPISODE_STATES),
    stateReason: z.nullable(episodeReasonAnswer),
    version: z.int(),
    patientGroup: z.nullable(knownCode(PATIENT_GROUPS)),
    openedOn: z.string(),
    closedOn: z.nullable(z.string()),
    indexFracture: z.nullable(
      z.object({
        id: z.uuid(),
        fractureDate: z.string(),
        siteCode: z.nullable(z.string()),
        siteText: z.string(),
        vertebralLevels: z.array(z.string()),
      }),
    ),
  }),
  patient: z.object({
    id: z.uuid(),
    familyName: z.string(),
    givenNames: z.string(),
    initials: z.string(),
    /** The hospital's own number (source id), or null. */
    hospitalNumber: z.nullable(z.string()),
    birthDate: z.string(),
    ageYears: z.int(),
    sex: z.enum(SEXES),
  }),
  openTasks: z.array(
    z.object({
      id: z.uuid(),
      kind: knownCode(TASK_KINDS),
      dueDate: z.string(),
      assigneeRole: knownCode(ROLES),
      /** Completed on the page with `POST /api/tasks/:taskId/complete` (COMPLETABLE_TASK_KINDS). */
      completable: z.boolean(),
      /** The rules' name of the task within its episode ('denosumab_injection#3'), or null. */
      seriesKey: z.nullable(z.string()),
      /** The treatment course the task belongs to, or null. */
      treatmentId: z.nullable(z.uuid()),
      /** How overdue it is (R11.4: a denosumab injection escalates); `none` before its date. */
      overdueLevel: z.enum(OVERDUE_LEVELS),
    }),
  ),
  appointments: z.array(appointmentSchema),
  /** Newest first. */
  timeline: z.array(timelineEntrySchema),
  documents: z.array(episodeDocumentSummarySchema),
  nextStep: z.object({ action: z.enum(NEXT_STEP_ACTIONS), taskId: z.nullable(z.uuid()) }),
  /** The invitation loop's operational settings the page words (call attempts before "lost"). */
  callFollowUp: z.object({ retryAfterDays: z.int(), maxAttempts: z.int() }),
  /** The episode's treatment courses, oldest first (a follow-on names the course it follows). */
  treatments: z.array(treatmentCourseSchema),
  /**
   * The follow-up's operational settings the page words: after how many days overdue a denosumab
   * injection is urgent and critical (not in RULES.md: UNCONFIRMED).
   */
  followUp: z.object({
    denosumabOverdueDays: z.object({ urgent: z.int(), critical: z.int() }),
  }),
  /** The intake questionnaire's state (the answers: GET /api/episodes/:episodeId/intake), or null when none is saved. */
  intake: z.nullable(
    z.object({
      status: z.enum(INTAKE_RESPONSE_STATUSES),
      answered: z.int(),
      updatedAt: z.string(),
      completedAt: z.nullable(z.string()),
      /** Saved last by the patient in the portal (online). */
      byPatient: z.boolean(),
    }),
  ),
});
export type EpisodePage = z.infer<typeof episodePageSchema>;
