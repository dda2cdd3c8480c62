import { z } from 'zod/mini';
import { checked, isoDate, knownCode } from './fields';
import { LETTER_LOCALES, TASK_KINDS, type TaskKind } from './codes';

/**
 * The open tasks that are dates for the patient (issue 12, item 7): things they come for or are given —
 * checks, doses, the blood test before an infusion. The other kinds are the staff's own work (a call, a
 * letter, a decision) and stay off the patient's calendar. Appointments (the `appointments` table) come
 * in beside these, with their time.
 */
export const PATIENT_FACING_TASK_KINDS = [
  'treatment_evaluation',
  'control_visit',
  'yearly_check',
  'denosumab_injection',
  'zoledronic_acid_infusion',
  'pre_infusion_blood_test',
  'romosozumab_injection',
] as const satisfies readonly TaskKind[];

/** What an upcoming date is: a task of PATIENT_FACING_TASK_KINDS, or `appointment`. */
export const UPCOMING_KINDS = [...PATIENT_FACING_TASK_KINDS, 'appointment'] as const;

/** One date of the patient's. */
export const upcomingDateSchema = z.object({
  /** Stable per task or appointment (`task:<id>`, `appointment:<id>`): the calendar's UID is made from it. */
  id: checked(z.string(), z.maxLength(80)),
  /** A PATIENT_FACING_TASK_KINDS code or `appointment`. */
  kind: knownCode([...TASK_KINDS, 'appointment']),
  date: isoDate,
  /** HH:MM local time (Europe/Amsterdam) for an appointment; null: a day, no time (a task). */
  time: z.nullable(checked(z.string(), z.regex(/^\d{2}:\d{2}$/))),
  /** An appointment's parts (`dxa_vfa`, `labs`, `consult` …); empty for a task. */
  appointmentKinds: z.array(checked(z.string(), z.maxLength(40))),
  /** Where, when known: the hospital's name and address for an appointment; null otherwise. */
  location: z.nullable(checked(z.string(), z.maxLength(300))),
});
export type UpcomingDate = z.infer<typeof upcomingDateSchema>;

/** `GET /api/patients/:patientId/upcoming`: the patient's dates, soonest first. */
export const upcomingDatesSchema = z.object({
  patientId: z.uuid(),
  items: z.array(upcomingDateSchema),
});
export type UpcomingDates = z.infer<typeof upcomingDatesSchema>;

/** `GET /api/patients/:patientId/upcoming.ics?locale=nl|en`: the calendar's language (Dutch by default). */
export const upcomingCalendarQuery = z.strictObject({ locale: z._default(z.enum(LETTER_LOCALES), 'nl') });

/** The answer is an iCalendar file (RFC 5545). */
export const calendarDocument = {
  description: 'An iCalendar (RFC 5545) file.',
  content: { 'text/calendar': { schema: z.string() } },
};
