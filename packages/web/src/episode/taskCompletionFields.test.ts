import { describe, expect, it } from 'vitest';
import {
  completionBody,
  completionErrors,
  completionFields,
  fieldOfIssue,
  outcomesFor,
} from './taskCompletionFields';

const none = { date: null, reason: null, drug: null, note: '' } as const;

describe('the completion form of a task', () => {
  it('offers the outcomes of the kind, and the ones that change a treatment to a specialist only', () => {
    expect(outcomesFor('denosumab_injection', 'nurse')).toEqual(['given', 'not_given']);
    expect(outcomesFor('denosumab_injection', 'specialist')).toEqual(['given', 'not_given', 'stopped']);
    expect(outcomesFor('standard_reevaluation', 'nurse')).toEqual([]);
    expect(outcomesFor('gp_handover_confirmation', 'secretary')).toEqual(['confirmed', 'not_reached']);
    expect(outcomesFor('treatment_evaluation', 'secretary')).toEqual([]);
  });

  it('asks for a date when a dose was given, a reason for a stop, and a drug for a switch or a follow-on', () => {
    expect(completionFields('denosumab_injection', 'given')).toEqual({
      date: true,
      reason: false,
      drugs: [],
    });
    expect(completionFields('denosumab_injection', 'stopped')).toEqual({
      date: false,
      reason: true,
      drugs: [],
    });
    expect(completionFields('treatment_evaluation', 'reached')).toEqual({
      date: false,
      reason: false,
      drugs: [],
    });
    expect(completionFields('standard_reevaluation', 'switch').drugs).toContain('romosozumab');
    const followOn = completionFields('start_follow_on_antiresorptive', 'started');
    expect(followOn.date).toBe(true);
    expect(followOn.drugs).toEqual(['alendronate', 'risedronate', 'zoledronicAcid', 'denosumab']);
    expect(completionFields('denosumab_injection', null)).toEqual({ date: false, reason: false, drugs: [] });
  });

  it('refuses a missing outcome, a date that is not one or lies ahead, a stop without reason, "other" without a note', () => {
    expect(completionErrors('denosumab_injection', { ...none, outcome: null }, '2026-12-03')).toEqual({
      outcome: 'required',
    });
    expect(completionErrors('denosumab_injection', { ...none, outcome: 'given' }, '2026-12-03')).toEqual({
      outcomeDate: 'invalidDate',
    });
    expect(
      completionErrors(
        'denosumab_injection',
        { ...none, outcome: 'given', date: '2026-12-04' },
        '2026-12-03',
      ),
    ).toEqual({ outcomeDate: 'futureDate' });
    expect(
      completionErrors(
        'denosumab_injection',
        { ...none, outcome: 'given', date: '2026-12-03' },
        '2026-12-03',
      ),
    ).toEqual({});
    expect(
      completionErrors('yearly_check', { ...none, outcome: 'stopped', reason: 'other' }, '2026-12-03'),
    ).toEqual({ note: 'required' });
    expect(completionErrors('yearly_check', { ...none, outcome: 'stopped' }, '2026-12-03')).toEqual({
      reasonCode: 'required',
    });
    expect(completionErrors('standard_reevaluation', { ...none, outcome: 'switch' }, '2026-12-03')).toEqual({
      drug: 'required',
    });
  });

  it('sends only what the outcome takes, with the version read', () => {
    const input = {
      outcome: 'given',
      date: '2026-12-01',
      reason: 'other',
      drug: 'alendronate',
      note: ' ok ',
    } as const;
    expect(completionBody('denosumab_injection', input, 7)).toEqual({
      outcome: 'given',
      outcomeDate: '2026-12-01',
      note: 'ok',
      expectedVersion: 7,
    });
    expect(fieldOfIssue('body.outcomeDate')).toBe('outcomeDate');
    expect(fieldOfIssue('params.taskId')).toBeNull();
  });
});
