import { describe, expect, it } from 'vitest';
import { TERMINAL_STATES, allowedTransitions, canReopen, checkTransition } from './episodeStateMachine';
import { EPISODE_STATES } from '@osteopad/contract';

describe('episode state machine', () => {
  it('follows the main pathway of DESIGN.md', () => {
    const path = [
      'identified',
      'invited',
      'reminded',
      'intake',
      'investigated',
      'decided',
      'treating',
      'follow_up',
      're_evaluation',
    ] as const;
    for (let i = 1; i < path.length; i++) {
      expect(checkTransition(path[i - 1] ?? 'identified', path[i] ?? 'identified', '')).toEqual({ ok: true });
    }
    expect(checkTransition('re_evaluation', 'closed', 'treatment completed')).toEqual({ ok: true });
  });

  it('ends are final', () => {
    for (const end of TERMINAL_STATES) expect(allowedTransitions(end)).toEqual([]);
  });

  it('every non-final state can be left, and every state is reachable from identified', () => {
    const reachable = new Set(['identified']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of [...reachable]) {
        for (const t of allowedTransitions(s as never)) {
          if (!reachable.has(t)) {
            reachable.add(t);
            grew = true;
          }
        }
      }
    }
    expect([...reachable].sort()).toEqual([...EPISODE_STATES].sort());
    for (const s of EPISODE_STATES)
      if (!TERMINAL_STATES.has(s)) expect(allowedTransitions(s).length).toBeGreaterThan(0);
  });

  it('refuses skipping steps and requires a reason to leave early', () => {
    expect(checkTransition('identified', 'treating', 'x')).toMatchObject({
      ok: false,
      code: 'transition_not_allowed',
    });
    expect(checkTransition('invited', 'declined', '  ')).toMatchObject({
      ok: false,
      code: 'reason_required',
    });
    expect(checkTransition('invited', 'declined', 'wil geen onderzoek')).toEqual({ ok: true });
    expect(checkTransition('closed', 'identified', 'reopen')).toMatchObject({ ok: false });
  });
});

describe('reopening', () => {
  it('leaves declined and not_eligible for identified only through the reopen action', () => {
    for (const from of ['declined', 'not_eligible'] as const) {
      expect(canReopen(from)).toBe(true);
      expect(checkTransition(from, 'identified', 'reopened', { reopening: true })).toEqual({ ok: true });
      expect(checkTransition(from, 'identified', 'reopened').ok).toBe(false);
      expect(checkTransition(from, 'invited', 'reopened', { reopening: true }).ok).toBe(false);
    }
  });

  it('never reopens lost or closed episodes', () => {
    for (const from of ['lost', 'closed'] as const) {
      expect(canReopen(from)).toBe(false);
      expect(checkTransition(from, 'identified', 'reopened', { reopening: true }).ok).toBe(false);
    }
  });
});
