import { describe, expect, it } from 'vitest';
import { clockDue, qualityClocks, type ClockFacts } from './qualityClocks';

const fracture = '2026-01-01';
const none: ClockFacts = {
  indexFractureDate: fracture,
  assessedOn: null,
  dxaOn: null,
  firstContactOn: null,
  persistenceOn: null,
  treatedUntil: null,
  decisionOutcome: null,
};

function clock(facts: Partial<ClockFacts>, today: string, kind: string) {
  const found = qualityClocks({ ...none, ...facts }, today).find((c) => c.kind === kind);
  if (found === undefined) throw new Error(kind);
  return found;
}

describe('quality clocks', () => {
  it('the assessment clock is met by a decision on day 84 and missed on day 85', () => {
    // 2026-01-01 + 84 d = 2026-03-26.
    expect(clock({ assessedOn: '2026-03-26' }, '2026-04-01', 'assessment_12w')).toMatchObject({
      state: 'met',
      deadline: '2026-03-26',
      stoppedOn: '2026-03-26',
    });
    expect(clock({ assessedOn: '2026-03-27' }, '2026-04-01', 'assessment_12w').state).toBe('missed');
  });

  it('without a decision the assessment clock runs through day 84 and is missed from day 85', () => {
    expect(clock({}, '2026-03-26', 'assessment_12w')).toMatchObject({ state: 'running', daysLeft: 0 });
    expect(clock({}, '2026-03-27', 'assessment_12w')).toMatchObject({ state: 'missed', daysLeft: -1 });
    expect(clock({}, '2026-01-01', 'assessment_12w').daysLeft).toBe(84);
  });

  it('the DXA clock is met on day 90 and missed on day 91', () => {
    // 2026-01-01 + 90 d = 2026-04-01.
    expect(clock({ dxaOn: '2026-04-01' }, '2026-05-01', 'dxa_90d').state).toBe('met');
    expect(clock({ dxaOn: '2026-04-02' }, '2026-05-01', 'dxa_90d').state).toBe('missed');
    expect(clock({}, '2026-04-01', 'dxa_90d').state).toBe('running');
    expect(clock({}, '2026-04-02', 'dxa_90d').state).toBe('missed');
  });

  it('the first follow-up clock is met by a contact on day 112 and missed on day 113', () => {
    // 2026-01-01 + 112 d = 2026-04-23.
    expect(clock({ firstContactOn: '2026-04-23' }, '2026-06-01', 'follow_up_16w').state).toBe('met');
    expect(clock({ firstContactOn: '2026-04-24' }, '2026-06-01', 'follow_up_16w').state).toBe('missed');
  });

  it('an event recorded with a later date does not stop the clock before that day', () => {
    expect(clock({ dxaOn: '2026-03-01' }, '2026-02-01', 'dxa_90d')).toMatchObject({
      state: 'running',
      stoppedOn: null,
    });
  });

  it('the 52-week clock does not apply before treatment is decided or started', () => {
    expect(clock({}, '2026-06-01', 'persistence_52w')).toMatchObject({
      state: 'not_applicable',
      deadline: null,
      daysLeft: null,
    });
    expect(clock({ decisionOutcome: 'no_treatment' }, '2026-06-01', 'persistence_52w').state).toBe(
      'not_applicable',
    );
  });

  it('the 52-week clock is met by a course running at day 364 and missed when it stopped before', () => {
    // 2026-01-01 + 364 d = 2026-12-31.
    const running = { decisionOutcome: 'treating', treatedUntil: '9999-12-31' };
    expect(clock(running, '2026-12-30', 'persistence_52w').state).toBe('running');
    expect(clock(running, '2026-12-31', 'persistence_52w').state).toBe('met');
    const stopped = { decisionOutcome: 'treating', treatedUntil: '2026-12-30' };
    expect(clock(stopped, '2026-12-31', 'persistence_52w').state).toBe('running');
    expect(clock(stopped, '2027-01-01', 'persistence_52w').state).toBe('missed');
    expect(clock({ ...stopped, persistenceOn: '2026-12-20' }, '2027-01-01', 'persistence_52w').state).toBe(
      'met',
    );
  });

  it('the sort key is the earliest deadline no event has stopped', () => {
    expect(clockDue(none)).toEqual({ kind: 'assessment_12w', deadline: '2026-03-26' });
    expect(clockDue({ ...none, assessedOn: '2026-02-01' })).toEqual({
      kind: 'dxa_90d',
      deadline: '2026-04-01',
    });
    expect(
      clockDue({ ...none, assessedOn: '2026-02-01', dxaOn: '2026-02-01', firstContactOn: '2026-03-01' }),
    ).toBeNull();
    expect(
      clockDue({
        ...none,
        assessedOn: '2026-02-01',
        dxaOn: '2026-02-01',
        firstContactOn: '2026-03-01',
        decisionOutcome: 'treating',
      }),
    ).toEqual({ kind: 'persistence_52w', deadline: '2026-12-31' });
    expect(
      clockDue({
        ...none,
        assessedOn: '2026-02-01',
        dxaOn: '2026-02-01',
        firstContactOn: '2026-03-01',
        treatedUntil: '9999-12-31',
      }),
    ).toBeNull();
  });
});
