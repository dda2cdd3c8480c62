// The follow-up chain (RULES.md R11): which dated tasks a treatment course starts with, and which task
// follows each completed one. Pure: no I/O, no clock (`today` is passed in); the intervals are the
// engine's (`followUpSchedule`, `denosumabStopPlan`), dated from what happened (the start, the day a dose
// was given), so a late dose moves the next one. Every planned task names its series key — unique per
// episode — so the repository creates it exactly once, whatever is retried.
import {
  ANABOLIC_DRUGS,
  addDays,
  denosumabStopPlan,
  followUpSchedule,
  type ClinicalConfig,
  type FollowUpItem,
  type FollowUpKind,
} from '@osteopad/clinical';
import type {
  CompletableTaskKind,
  FollowUpTaskKind,
  OverdueLevel,
  TaskKind,
  TaskOutcome,
  TreatmentDrug,
  TreatmentStopReason,
} from '@osteopad/contract';
import { SETTING_MARKER, type FollowUpSettings } from './followUpSettings';

/** What a follow-up task keeps in `tasks.details`: its place in the chain and the rule that dates it. */
export interface FollowUpTaskDetails {
  treatmentId: string | null;
  /** The follow-up period of the course: 1 from the start, +1 after each re-evaluation that continues. */
  period: number;
  /** The dose or check number within its series. */
  sequence: number;
  /** The date the series counts from (the start, or the re-evaluation that began the period). */
  anchor: string;
  ruleId: string;
  sources: readonly string[];
  marker: 'SOURCE' | 'UNCONFIRMED' | 'INFERRED';
  weeks?: number;
  attempt?: number;
  note?: string;
}

export interface PlannedTask {
  kind: TaskKind;
  seriesKey: string;
  dueDate: string;
  details: FollowUpTaskDetails;
}

/** A treatment course as the chain needs it. */
export interface CourseFacts {
  id: string;
  drug: TreatmentDrug;
  startedOn: string;
  lastDoseOn: string | null;
}

export interface CompletedTask {
  kind: CompletableTaskKind;
  seriesKey: string | null;
  dueDate: string;
  details: Partial<FollowUpTaskDetails>;
}

export interface Completion {
  outcome: TaskOutcome;
  /** The day it happened (a dose given, a drug started); today when not given. */
  on: string;
  reasonCode?: TreatmentStopReason | undefined;
  drug?: TreatmentDrug | undefined;
}

/** What the completion does to the course it belongs to. */
export type CourseEffect =
  | { kind: 'none' }
  | { kind: 'dose'; on: string }
  | { kind: 'stop'; on: string; reason: TreatmentStopReason }
  | { kind: 'complete'; on: string };

export interface ChainStep {
  tasks: PlannedTask[];
  course: CourseEffect;
  /** A new course to start (the planned drug, a switch, a follow-on); its own first tasks follow from `startTasks`. */
  newCourse: { drug: TreatmentDrug; startedOn: string } | null;
  /** Cancel the open tasks of the current course (it stopped, completed or gave way to another). */
  cancelCourseTasks: boolean;
}

const TASK_OF: Readonly<Record<FollowUpKind, FollowUpTaskKind>> = {
  evaluation: 'treatment_evaluation',
  controlVisit: 'control_visit',
  yearlyCheck: 'yearly_check',
  adherenceCheck: 'adherence_check',
  denosumabInjection: 'denosumab_injection',
  zoledronicAcidInfusion: 'zoledronic_acid_infusion',
  romosozumabInjection: 'romosozumab_injection',
  anabolicCourseEnd: 'anabolic_course_end',
  startFollowOnAntiresorptive: 'start_follow_on_antiresorptive',
  standardReevaluation: 'standard_reevaluation',
};

const DOSE_KINDS: ReadonlySet<TaskKind> = new Set([
  'denosumab_injection',
  'zoledronic_acid_infusion',
  'romosozumab_injection',
]);

/** The series key: unique per episode (tasks_episode_series_key). */
export function seriesKey(
  courseId: string,
  period: number,
  kind: TaskKind,
  sequence: number | string,
): string {
  return `${courseId}:${String(period)}:${kind}#${String(sequence)}`;
}

function fromItem(item: FollowUpItem, course: CourseFacts, period: number, anchor: string): PlannedTask {
  const kind = TASK_OF[item.kind];
  const sequence = item.sequence ?? 1;
  const weeks = item.weeksAfterAnchor;
  return {
    kind,
    seriesKey: seriesKey(
      course.id,
      period,
      kind,
      kind === 'adherence_check' ? `w${String(weeks)}` : sequence,
    ),
    dueDate: item.dueDate,
    details: {
      treatmentId: course.id,
      period,
      sequence,
      anchor,
      ruleId: item.ruleId,
      sources: item.sources,
      marker: item.marker,
      ...(weeks === undefined ? {} : { weeks }),
      ...(item.note === undefined ? {} : { note: item.note }),
    },
  };
}

function scheduleFrom(
  drug: TreatmentDrug,
  startDate: string,
  config: ClinicalConfig,
  indexFractureDate: string | null = null,
) {
  return followUpSchedule(
    indexFractureDate !== null && indexFractureDate <= startDate
      ? { drug, startDate, indexFractureDate }
      : { drug, startDate },
    config,
  ).items;
}

/** The blood test before a zoledronic acid infusion (its timing is a setting: UNCONFIRMED). */
function bloodTestBefore(infusion: PlannedTask, settings: FollowUpSettings): PlannedTask {
  return {
    kind: 'pre_infusion_blood_test',
    seriesKey: infusion.seriesKey.replace('zoledronic_acid_infusion', 'pre_infusion_blood_test'),
    dueDate: addDays(infusion.dueDate, -settings.preInfusionBloodTestDaysBefore),
    details: {
      ...infusion.details,
      ruleId: 'R10.2',
      sources: ['S14', 'S42'],
      marker: SETTING_MARKER,
      note: 'creatinine and calcium before the infusion',
    },
  };
}

function withBloodTests(tasks: PlannedTask[], settings: FollowUpSettings): PlannedTask[] {
  return tasks.flatMap((t) =>
    t.kind === 'zoledronic_acid_infusion' ? [bloodTestBefore(t, settings), t] : [t],
  );
}

/**
 * The first tasks of a course started on `startedOn` (R11.1, R11.2, R11.5, R10.2): the 3-month evaluation
 * (or the NHG control visits), the first yearly check, the 16- and 52-week adherence contacts, the next
 * dose of a drug given in doses (a blood test before each zoledronic acid infusion), the end of an
 * anabolic course with its follow-on antiresorptive, and the standard re-evaluation. Later yearly checks
 * and doses follow from the completion of the one before.
 */
export function startTasks(
  course: CourseFacts,
  config: ClinicalConfig,
  settings: FollowUpSettings,
  indexFractureDate: string | null,
): PlannedTask[] {
  const items = scheduleFrom(course.drug, course.startedOn, config, indexFractureDate);
  const firstOfKind = new Set<FollowUpKind>();
  const picked = items.filter((item) => {
    switch (item.kind) {
      case 'evaluation':
      case 'controlVisit':
      case 'adherenceCheck':
      case 'anabolicCourseEnd':
      case 'startFollowOnAntiresorptive':
      case 'standardReevaluation':
        return true;
      case 'yearlyCheck':
      case 'denosumabInjection':
      case 'zoledronicAcidInfusion':
      case 'romosozumabInjection':
        if (firstOfKind.has(item.kind)) return false;
        firstOfKind.add(item.kind);
        return true;
    }
  });
  return withBloodTests(
    picked.map((item) => fromItem(item, course, 1, course.startedOn)),
    settings,
  );
}

function retry(task: CompletedTask, today: string, settings: FollowUpSettings, key: string): PlannedTask {
  const attempt = (task.details.attempt ?? 1) + 1;
  const base = key.replace(/\/r\d+$/, '');
  return {
    kind: task.kind,
    seriesKey: `${base}/r${String(attempt)}`,
    dueDate: addDays(today, settings.retryAfterDays),
    details: {
      treatmentId: task.details.treatmentId ?? null,
      period: task.details.period ?? 1,
      sequence: task.details.sequence ?? 1,
      anchor: task.details.anchor ?? today,
      ruleId: task.details.ruleId ?? '',
      sources: task.details.sources ?? [],
      marker: SETTING_MARKER,
      attempt,
      note: 'tried again: the previous contact did not succeed',
    },
  };
}

const NOTHING: ChainStep = { tasks: [], course: { kind: 'none' }, newCourse: null, cancelCourseTasks: false };

/** The next dose, dated from the day this one was given (the engine's interval and month-end rule). */
function nextDose(
  task: CompletedTask,
  course: CourseFacts,
  givenOn: string,
  config: ClinicalConfig,
  settings: FollowUpSettings,
): PlannedTask[] {
  const sequence = (task.details.sequence ?? 1) + 1;
  if (task.kind === 'romosozumab_injection') {
    if (sequence > config.entries['followUp.romosozumabCourseMonths'].value) return [];
  }
  const item = scheduleFrom(course.drug, givenOn, config).find((i) => TASK_OF[i.kind] === task.kind);
  if (item === undefined) return [];
  const period = task.details.period ?? 1;
  const planned = fromItem({ ...item, sequence }, course, period, task.details.anchor ?? course.startedOn);
  return withBloodTests([planned], settings);
}

/** The next yearly check of the period, while it falls before the period's re-evaluation. */
function nextYearlyCheck(task: CompletedTask, course: CourseFacts, config: ClinicalConfig): PlannedTask[] {
  const anchor = task.details.anchor ?? course.startedOn;
  const sequence = (task.details.sequence ?? 1) + 1;
  const item = scheduleFrom(course.drug, anchor, config).find(
    (i) => i.kind === 'yearlyCheck' && i.sequence === sequence,
  );
  return item === undefined ? [] : [fromItem(item, course, task.details.period ?? 1, anchor)];
}

/**
 * A stopped course (R11.4, R11.5): denosumab never simply stops — a follow-on antiresorptive is due 6
 * calendar months after the last injection; after anabolic therapy an antiresorptive follows now. Other
 * drugs: the criteria for a drug holiday are a gap in RULES.md (R11.2), so a yearly check keeps the
 * patient in view (an Osteopad setting, UNCONFIRMED).
 */
function afterStop(course: CourseFacts, today: string, config: ClinicalConfig): PlannedTask {
  const period = 1;
  if (course.drug === 'denosumab') {
    const plan = denosumabStopPlan(course.lastDoseOn ?? course.startedOn, config);
    return {
      kind: 'start_follow_on_antiresorptive',
      seriesKey: seriesKey(course.id, period, 'start_follow_on_antiresorptive', 'stop'),
      dueDate: plan.startAlternativeAntiresorptiveOn < today ? today : plan.startAlternativeAntiresorptiveOn,
      details: {
        treatmentId: course.id,
        period,
        sequence: 1,
        anchor: course.lastDoseOn ?? course.startedOn,
        ruleId: 'R11.4',
        sources: plan.explanation.rules.flatMap((r) => r.sources),
        marker: 'SOURCE',
        note: 'never stop denosumab without a follow-on: start a bisphosphonate 6 months after the last injection',
      },
    };
  }
  if (ANABOLIC_DRUGS.includes(course.drug)) {
    return {
      kind: 'start_follow_on_antiresorptive',
      seriesKey: seriesKey(course.id, period, 'start_follow_on_antiresorptive', 'stop'),
      dueDate: today,
      details: {
        treatmentId: course.id,
        period,
        sequence: 1,
        anchor: today,
        ruleId: 'R11.5',
        sources: ['S11', 'S13'],
        marker: 'SOURCE',
        note: 'after anabolic therapy continue with an antiresorptive',
      },
    };
  }
  return {
    kind: 'yearly_check',
    seriesKey: seriesKey(course.id, period, 'yearly_check', 'stop'),
    dueDate: addDays(today, 365),
    details: {
      treatmentId: course.id,
      period,
      sequence: 1,
      anchor: today,
      ruleId: 'R11.2',
      sources: ['S4', 'S5'],
      marker: SETTING_MARKER,
      note: 'treatment stopped; the criteria for a drug holiday are not available (R11.2): a yearly check keeps the patient in view',
    },
  };
}

function stop(course: CourseFacts, c: Completion, today: string, config: ClinicalConfig): ChainStep {
  return {
    tasks: [afterStop(course, today, config)],
    course: { kind: 'stop', on: c.on, reason: c.reasonCode ?? 'other' },
    newCourse: null,
    cancelCourseTasks: true,
  };
}

/** A re-evaluation that continues: a new period with its own yearly checks and next re-evaluation. */
function newPeriod(
  task: CompletedTask,
  course: CourseFacts,
  on: string,
  config: ClinicalConfig,
): PlannedTask[] {
  const period = (task.details.period ?? 1) + 1;
  const items = scheduleFrom(course.drug, on, config);
  const yearly = items.find((i) => i.kind === 'yearlyCheck');
  const reevaluation = items.find((i) => i.kind === 'standardReevaluation');
  return [yearly, reevaluation]
    .filter((i): i is FollowUpItem => i !== undefined)
    .map((i) => fromItem(i, course, period, on));
}

/**
 * What follows a completed task (`course` is the course it belongs to, null before a course exists):
 * the next task of its series, a retry, a stop with its R11.4/R11.5 follow-on, a new course. The caller
 * has checked that the outcome fits the kind (OUTCOMES_BY_KIND) and carries what it needs.
 */
export function nextAfter(
  task: CompletedTask,
  course: CourseFacts | null,
  c: Completion,
  today: string,
  config: ClinicalConfig,
  settings: FollowUpSettings,
): ChainStep {
  const key = task.seriesKey ?? `${task.kind}@${task.dueDate}`;
  if (c.outcome === 'not_reached' || c.outcome === 'not_given')
    return { ...NOTHING, tasks: [retry(task, today, settings, key)] };
  if (task.kind === 'start_treatment') {
    if (c.outcome !== 'started' || c.drug === undefined) return NOTHING;
    return { ...NOTHING, newCourse: { drug: c.drug, startedOn: c.on } };
  }
  if (task.kind === 'start_follow_on_antiresorptive') {
    if (c.drug === undefined) return NOTHING;
    return {
      tasks: [],
      course: course === null ? { kind: 'none' } : { kind: 'complete', on: c.on },
      newCourse: { drug: c.drug, startedOn: c.on },
      cancelCourseTasks: course !== null,
    };
  }
  if (course === null) return NOTHING;
  if (c.outcome === 'stopped') return stop(course, c, today, config);
  if (c.outcome === 'switch' && c.drug !== undefined)
    return {
      tasks: [],
      course: { kind: 'complete', on: c.on },
      newCourse: { drug: c.drug, startedOn: c.on },
      cancelCourseTasks: true,
    };
  if (task.kind === 'standard_reevaluation' && c.outcome === 'continue')
    return { ...NOTHING, tasks: newPeriod(task, course, c.on, config) };
  if (DOSE_KINDS.has(task.kind) && c.outcome === 'given')
    return {
      ...NOTHING,
      tasks: nextDose(task, course, c.on, config, settings),
      course: { kind: 'dose', on: c.on },
    };
  if (task.kind === 'yearly_check') return { ...NOTHING, tasks: nextYearlyCheck(task, course, config) };
  return NOTHING;
}

/**
 * How overdue a denosumab injection is (R11.4: bone turnover rebounds after a missed dose, with a raised
 * risk of vertebral fractures): none before its date, then overdue, urgent and critical after the
 * settings' days (not in RULES.md: UNCONFIRMED). Other kinds are `overdue` once past their date.
 */
export function overdueLevel(
  kind: TaskKind,
  dueDate: string,
  today: string,
  settings: FollowUpSettings,
): OverdueLevel {
  if (dueDate >= today) return 'none';
  if (kind !== 'denosumab_injection') return 'overdue';
  if (addDays(dueDate, settings.denosumabOverdueDays.critical) < today) return 'critical';
  if (addDays(dueDate, settings.denosumabOverdueDays.urgent) < today) return 'urgent';
  return 'overdue';
}
