// The follow-up worklists (issue 12): open follow-up tasks by tab (due today, overdue, upcoming), by role
// and task kind, each row with the episode's quality clocks (QUALITY-KPIS.md). Answers; the request is
// requests/followUpWorklist.ts.
import { z } from 'zod/mini';
import { EPISODE_STATES, SEXES, TASK_KINDS, type Role } from './codes';
import { knownCode } from './fields';
import { OVERDUE_LEVELS } from './taskOutcomes';

/** The tabs: due today, past due, due in the next `days` days (after today). */
export const FOLLOW_UP_TABS = ['due_today', 'overdue', 'upcoming'] as const;
export type FollowUpTab = (typeof FOLLOW_UP_TABS)[number];

/** By due date (ties: the clock closest to being missed), or by that clock first. */
export const FOLLOW_UP_SORTS = ['dueDate', 'clock'] as const;
export type FollowUpSort = (typeof FOLLOW_UP_SORTS)[number];

/** Who may open the follow-up worklists. */
export const FOLLOW_UP_WORKLIST_ROLES = [
  'specialist',
  'nurse',
  'secretary',
  'admin',
] as const satisfies readonly Role[];

/** The roles a list can be filtered on (the tasks' assignee roles); `all` lists every role's tasks. */
export const FOLLOW_UP_ROLE_FILTERS = ['specialist', 'nurse', 'secretary', 'all'] as const;
export type FollowUpRoleFilter = (typeof FOLLOW_UP_ROLE_FILTERS)[number];

/**
 * The quality standards' clocks (QUALITY-KPIS.md), each counted from the index fracture: assessment
 * ≤ 12 weeks (IOF-K3), DXA ≤ 90 days (FLSDB-5, NL-2), first follow-up ≤ 16 weeks (IOF-K7, FLSDB-9),
 * on treatment at 52 weeks (IOF-K10, FLSDB-11).
 */
export const QUALITY_CLOCK_KINDS = ['assessment_12w', 'dxa_90d', 'follow_up_16w', 'persistence_52w'] as const;
export type QualityClockKind = (typeof QUALITY_CLOCK_KINDS)[number];

/** running: not stopped yet, deadline ahead; met: stopped in time; missed: stopped late or not by the deadline. */
export const QUALITY_CLOCK_STATES = ['running', 'met', 'missed', 'not_applicable'] as const;
export type QualityClockState = (typeof QUALITY_CLOCK_STATES)[number];

/** How firm a clock's window is (QUALITY-KPIS.md markers). */
export const CLOCK_WINDOW_MARKERS = ['SOURCE', 'UNCONFIRMED', 'CONVENTION'] as const;

export const qualityClockSchema = z.object({
  kind: z.enum(QUALITY_CLOCK_KINDS),
  state: z.enum(QUALITY_CLOCK_STATES),
  /** The index fracture date + the window; null when the clock does not apply. */
  deadline: z.nullable(z.string()),
  /** Days from today to the deadline (negative: past it); null when not applicable. */
  daysLeft: z.nullable(z.int()),
  /** The day the stopping event happened, when it has. */
  stoppedOn: z.nullable(z.string()),
  windowDays: z.int(),
  marker: knownCode(CLOCK_WINDOW_MARKERS),
});
export type QualityClock = z.infer<typeof qualityClockSchema>;

export const followUpWorklistItemSchema = z.object({
  taskId: z.uuid(),
  taskKind: knownCode(TASK_KINDS),
  assigneeRole: z.string(),
  dueDate: z.string(),
  /** Days past the due date (0 when not yet due). */
  daysOverdue: z.int(),
  /** A dose's escalating warning (R11.4 for denosumab), `none` when not overdue. */
  overdueLevel: knownCode(OVERDUE_LEVELS),
  episodeId: z.uuid(),
  episodeState: knownCode(EPISODE_STATES),
  patientId: z.uuid(),
  familyName: z.string(),
  givenNames: z.string(),
  initials: z.string(),
  birthDate: z.string(),
  /** The hospital's own number of the patient (source id), or null. */
  hospitalNumber: z.nullable(z.string()),
  sex: knownCode(SEXES),
  fractureDate: z.string(),
  siteText: z.string(),
  clocks: z.array(qualityClockSchema),
  /** The clock closest to being missed (the sort key of the `clock` order), when one runs or is missed. */
  nextClock: z.nullable(z.object({ kind: z.enum(QUALITY_CLOCK_KINDS), deadline: z.string() })),
});
export type FollowUpWorklistItem = z.infer<typeof followUpWorklistItemSchema>;

/** One page of a tab, with each tab's capped count (10,000+ as `capped`). */
export const followUpWorklistSchema = z.object({
  today: z.string(),
  items: z.array(followUpWorklistItemSchema),
  counts: z.object({
    due_today: z.object({ total: z.int(), capped: z.boolean() }),
    overdue: z.object({ total: z.int(), capped: z.boolean() }),
    upcoming: z.object({ total: z.int(), capped: z.boolean() }),
  }),
  nextCursor: z.nullable(z.string()),
});
export type FollowUpWorklist = z.infer<typeof followUpWorklistSchema>;
