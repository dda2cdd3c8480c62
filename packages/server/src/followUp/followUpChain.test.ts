import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import { nextAfter, overdueLevel, startTasks, type CourseFacts, type PlannedTask } from './followUpChain';
import { DEFAULT_FOLLOW_UP_SETTINGS as SETTINGS } from './followUpSettings';

const course = (
  drug: CourseFacts['drug'],
  startedOn = '2024-01-15',
  lastDoseOn: string | null = null,
): CourseFacts => ({
  id: '00000000-0000-4000-8000-000000000001',
  drug,
  startedOn,
  lastDoseOn,
});

const byKind = (tasks: readonly PlannedTask[]) => tasks.map((t) => `${t.kind} ${t.dueDate}`);

describe('the first tasks of a course (R11.1, R11.2, R10.2)', () => {
  it('denosumab: evaluation at 3 months, first yearly check, adherence at 16 and 52 weeks, the next injection 6 months on, re-evaluation after 3 years', () => {
    // In date order, as the engine sorts its schedule.
    expect(byKind(startTasks(course('denosumab'), DEFAULT_CONFIG, SETTINGS, null))).toEqual([
      'treatment_evaluation 2024-04-15',
      'adherence_check 2024-05-06',
      'denosumab_injection 2024-07-15',
      'adherence_check 2025-01-13',
      'yearly_check 2025-01-15',
      'standard_reevaluation 2027-01-15',
    ]);
  });

  it('zoledronic acid: a blood test before each yearly infusion', () => {
    const tasks = startTasks(course('zoledronicAcid'), DEFAULT_CONFIG, SETTINGS, null);
    const infusion = tasks.find((t) => t.kind === 'zoledronic_acid_infusion');
    const blood = tasks.find((t) => t.kind === 'pre_infusion_blood_test');
    expect(infusion?.dueDate).toBe('2025-01-15');
    expect(blood?.dueDate).toBe('2025-01-01');
    expect(blood?.details.marker).toBe('UNCONFIRMED');
    expect(tasks.find((t) => t.kind === 'standard_reevaluation')?.dueDate).toBe('2027-01-15');
  });

  it('re-evaluation after 5 years for alendronate, 2 for teriparatide, 1 for romosozumab, with the follow-on after anabolic therapy (R11.5)', () => {
    const due = (drug: CourseFacts['drug'], kind: string) =>
      startTasks(course(drug), DEFAULT_CONFIG, SETTINGS, null).find((t) => t.kind === kind)?.dueDate;
    expect(due('alendronate', 'standard_reevaluation')).toBe('2029-01-15');
    expect(due('teriparatide', 'standard_reevaluation')).toBe('2026-01-15');
    expect(due('romosozumab', 'standard_reevaluation')).toBe('2025-01-15');
    expect(due('romosozumab', 'start_follow_on_antiresorptive')).toBe('2025-01-15');
    expect(due('romosozumab', 'romosozumab_injection')).toBe('2024-02-15');
  });

  it('gives every task a series key that is unique within the course', () => {
    const tasks = startTasks(course('zoledronicAcid'), DEFAULT_CONFIG, SETTINGS, null);
    expect(new Set(tasks.map((t) => t.seriesKey)).size).toBe(tasks.length);
  });
});

describe('what follows a completed task', () => {
  const injection = (sequence: number, dueDate: string) => ({
    kind: 'denosumab_injection' as const,
    seriesKey: `x:1:denosumab_injection#${String(sequence)}`,
    dueDate,
    details: { sequence, period: 1, anchor: '2024-01-15', treatmentId: course('denosumab').id },
  });

  it('dates the next denosumab injection 6 calendar months after the day it was given, also when given late', () => {
    const onTime = nextAfter(
      injection(2, '2024-07-15'),
      course('denosumab'),
      { outcome: 'given', on: '2024-07-15' },
      '2024-07-15',
      DEFAULT_CONFIG,
      SETTINGS,
    );
    expect(byKind(onTime.tasks)).toEqual(['denosumab_injection 2025-01-15']);
    expect(onTime.tasks[0]?.seriesKey).toContain('#3');
    expect(onTime.course).toEqual({ kind: 'dose', on: '2024-07-15' });
    const late = nextAfter(
      injection(2, '2024-07-15'),
      course('denosumab'),
      { outcome: 'given', on: '2024-08-31' },
      '2024-09-01',
      DEFAULT_CONFIG,
      SETTINGS,
    );
    expect(late.tasks[0]?.dueDate).toBe('2025-02-28');
  });

  it('never stops denosumab without a follow-on: a follow-on antiresorptive 6 months after the last injection (R11.4)', () => {
    const step = nextAfter(
      injection(3, '2025-01-15'),
      course('denosumab', '2024-01-15', '2024-07-15'),
      { outcome: 'stopped', on: '2024-10-01', reasonCode: 'side_effects' },
      '2024-10-01',
      DEFAULT_CONFIG,
      SETTINGS,
    );
    expect(byKind(step.tasks)).toEqual(['start_follow_on_antiresorptive 2025-01-15']);
    expect(step.tasks[0]?.details.ruleId).toBe('R11.4');
    expect(step.cancelCourseTasks).toBe(true);
    expect(step.course).toEqual({ kind: 'stop', on: '2024-10-01', reason: 'side_effects' });
  });

  it('keeps a stopped bisphosphonate patient in view with a yearly check, flagged as the R11.2 gap', () => {
    const step = nextAfter(
      {
        kind: 'yearly_check',
        seriesKey: 'x:1:yearly_check#1',
        dueDate: '2025-01-15',
        details: { sequence: 1 },
      },
      course('alendronate'),
      { outcome: 'stopped', on: '2025-01-15', reasonCode: 'patient_choice' },
      '2025-01-15',
      DEFAULT_CONFIG,
      SETTINGS,
    );
    expect(byKind(step.tasks)).toEqual(['yearly_check 2026-01-15']);
    expect(step.tasks[0]?.details).toMatchObject({ ruleId: 'R11.2', marker: 'UNCONFIRMED' });
  });

  it('creates the next yearly check until the re-evaluation, and a new period when the re-evaluation continues', () => {
    const check = (sequence: number) => ({
      kind: 'yearly_check' as const,
      seriesKey: `x:1:yearly_check#${String(sequence)}`,
      dueDate: '2025-01-15',
      details: { sequence, period: 1, anchor: '2024-01-15' },
    });
    expect(
      byKind(
        nextAfter(
          check(1),
          course('denosumab'),
          { outcome: 'reached', on: '2025-01-15' },
          '2025-01-15',
          DEFAULT_CONFIG,
          SETTINGS,
        ).tasks,
      ),
    ).toEqual(['yearly_check 2026-01-15']);
    expect(
      nextAfter(
        check(2),
        course('denosumab'),
        { outcome: 'reached', on: '2026-01-15' },
        '2026-01-15',
        DEFAULT_CONFIG,
        SETTINGS,
      ).tasks,
    ).toEqual([]);
    const cont = nextAfter(
      {
        kind: 'standard_reevaluation',
        seriesKey: 'x:1:standard_reevaluation#1',
        dueDate: '2027-01-15',
        details: { period: 1 },
      },
      course('denosumab'),
      { outcome: 'continue', on: '2027-01-20' },
      '2027-01-20',
      DEFAULT_CONFIG,
      SETTINGS,
    );
    expect(byKind(cont.tasks)).toEqual(['yearly_check 2028-01-20', 'standard_reevaluation 2030-01-20']);
    expect(cont.tasks.every((t) => t.details.period === 2)).toBe(true);
  });

  it('tries a contact that did not reach the patient again after the setting, under a new series key', () => {
    const step = nextAfter(
      { kind: 'adherence_check', seriesKey: 'x:1:adherence_check#w16', dueDate: '2024-05-06', details: {} },
      course('alendronate'),
      { outcome: 'not_reached', on: '2024-05-06' },
      '2024-05-06',
      DEFAULT_CONFIG,
      SETTINGS,
    );
    expect(byKind(step.tasks)).toEqual(['adherence_check 2024-05-13']);
    expect(step.tasks[0]?.seriesKey).toBe('x:1:adherence_check#w16/r2');
  });

  it('starts the planned drug, a switch or a follow-on as a new course', () => {
    expect(
      nextAfter(
        { kind: 'start_treatment', seriesKey: null, dueDate: '2024-01-10', details: {} },
        null,
        { outcome: 'started', on: '2024-01-15', drug: 'denosumab' },
        '2024-01-15',
        DEFAULT_CONFIG,
        SETTINGS,
      ).newCourse,
    ).toEqual({ drug: 'denosumab', startedOn: '2024-01-15' });
    const followOn = nextAfter(
      {
        kind: 'start_follow_on_antiresorptive',
        seriesKey: 'x:1:start_follow_on_antiresorptive#stop',
        dueDate: '2025-01-15',
        details: {},
      },
      course('denosumab'),
      { outcome: 'started', on: '2025-01-15', drug: 'zoledronicAcid' },
      '2025-01-15',
      DEFAULT_CONFIG,
      SETTINGS,
    );
    expect(followOn.newCourse).toEqual({ drug: 'zoledronicAcid', startedOn: '2025-01-15' });
    expect(followOn.course).toEqual({ kind: 'complete', on: '2025-01-15' });
  });
});

describe('the overdue warning of a denosumab injection (R11.4; thresholds UNCONFIRMED)', () => {
  it('escalates from overdue to urgent to critical', () => {
    const level = (today: string) => overdueLevel('denosumab_injection', '2024-07-15', today, SETTINGS);
    expect(level('2024-07-15')).toBe('none');
    expect(level('2024-07-16')).toBe('overdue');
    expect(level('2024-08-12')).toBe('overdue');
    expect(level('2024-08-13')).toBe('urgent');
    expect(level('2024-09-09')).toBe('urgent');
    expect(level('2024-09-10')).toBe('critical');
    expect(overdueLevel('yearly_check', '2024-07-15', '2024-12-01', SETTINGS)).toBe('overdue');
  });
});
