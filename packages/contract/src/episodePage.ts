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
} from './codes';
import { knownCode } from './fields';
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
    }),
  ),
  appointments: z.array(appointmentSchema),
  /** Newest first. */
  timeline: z.array(timelineEntrySchema),
  documents: z.array(episodeDocumentSummarySchema),
  nextStep: z.object({ action: z.enum(NEXT_STEP_ACTIONS), taskId: z.nullable(z.uuid()) }),
  /** The invitation loop's operational settings the page words (call attempts before "lost"). */
  callFollowUp: z.object({ retryAfterDays: z.int(), maxAttempts: z.int() }),
});
export type EpisodePage = z.infer<typeof episodePageSchema>;
