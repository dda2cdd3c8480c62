import { describe, expect, it } from 'vitest';
import { suggestNextStep } from './nextStep';

const task = (id: string, kind: string, dueDate = '2026-01-01') => ({ id, kind, dueDate });

describe('suggestNextStep', () => {
  it('asks for the invitation while the invite task waits', () => {
    expect(
      suggestNextStep({ state: 'identified', openTasks: [task('a', 'invite')], appointments: [] }),
    ).toEqual({
      action: 'invite',
      taskId: 'a',
    });
  });
  it('puts an eligibility review before anything else', () => {
    const openTasks = [task('a', 'invite'), task('b', 'review_eligibility', '2026-02-01')];
    expect(suggestNextStep({ state: 'identified', openTasks, appointments: [] })).toEqual({
      action: 'review_eligibility',
      taskId: 'b',
    });
  });
  it('maps each waiting task of the loop to its step', () => {
    const cases = [
      ['invited', 'invite_reminder', 'send_reminder'],
      ['reminded', 'no_response_follow_up', 'record_call_outcome'],
      ['reminded', 'record_reply', 'record_reply'],
      ['reminded', 'ask_gp_phone_number', 'ask_gp_phone_number'],
    ] as const;
    for (const [state, kind, action] of cases) {
      expect(suggestNextStep({ state, openTasks: [task('t', kind)], appointments: [] })).toEqual({
        action,
        taskId: 't',
      });
    }
  });
  it('asks for the reply when the loop has no task waiting', () => {
    expect(suggestNextStep({ state: 'invited', openTasks: [], appointments: [] })).toEqual({
      action: 'record_reply',
      taskId: null,
    });
  });
  it('follows the consult by state from intake on', () => {
    const visit = task('v', 'consult_visit');
    expect(suggestNextStep({ state: 'intake', openTasks: [visit], appointments: [] })).toEqual({
      action: 'open_intake',
      taskId: 'v',
    });
    expect(
      suggestNextStep({ state: 'intake', openTasks: [], appointments: [{ status: 'attended' }] }),
    ).toEqual({
      action: 'enter_investigations',
      taskId: null,
    });
    expect(suggestNextStep({ state: 'investigated', openTasks: [], appointments: [] }).action).toBe(
      'open_decision',
    );
  });
  it('in follow-up, suggests completing the soonest task the page completes', () => {
    const openTasks = [
      { id: 'letter', kind: 'send_gp_letter', dueDate: '2026-11-01' },
      { id: 'dose', kind: 'denosumab_injection', dueDate: '2026-11-02' },
      { id: 'check', kind: 'yearly_check', dueDate: '2027-05-01' },
    ];
    expect(suggestNextStep({ state: 'follow_up', openTasks, appointments: [] })).toEqual({
      action: 'complete_task',
      taskId: 'dose',
    });
    expect(
      suggestNextStep({ state: 'follow_up', openTasks: openTasks.slice(0, 1), appointments: [] }),
    ).toEqual({ action: 'none', taskId: null });
  });
  it('suggests nothing at an end', () => {
    for (const state of ['declined', 'not_eligible', 'lost', 'closed'] as const) {
      expect(suggestNextStep({ state, openTasks: [], appointments: [] })).toEqual({
        action: 'none',
        taskId: null,
      });
    }
  });
});
