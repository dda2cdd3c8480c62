// The quality standards' deadline clocks of an episode (QUALITY-KPIS.md), each counted from the index
// fracture date in whole calendar days ("≤ N days" inclusive, rule 1.3). Pure: no I/O, no clock (`today` is
// passed in). The projection keeps the facts and the earliest open deadline as a sort key (migration 0021,
// `osteopad_follow_up_clock`, whose windows are the defaults below: qualityClocks.int.test.ts compares them).
import { addDays, daysBetween } from '@osteopad/clinical';
import type { QualityClock, QualityClockKind, QualityClockState } from '@osteopad/contract';

/** A clock's window with where it comes from (QUALITY-KPIS.md markers). */
export interface ClockWindow {
  days: number;
  marker: 'SOURCE' | 'UNCONFIRMED' | 'CONVENTION';
  source: string;
}

export type QualityClockSettings = Readonly<Record<QualityClockKind, ClockWindow>>;

export const DEFAULT_QUALITY_CLOCK_SETTINGS: QualityClockSettings = {
  // IOF-K3: FLS assessment ≤ 12 weeks = 84 d [SOURCE S5]. The FLS-DB counts 90 d (FLSDB-4).
  assessment_12w: { days: 84, marker: 'SOURCE', source: 'QUALITY-KPIS.md IOF-K3 (S5)' },
  // FLSDB-5 and NL-2: DXA ≤ 90 days [SOURCE S7, S16]. IOF-K4 counts 84 d.
  dxa_90d: { days: 90, marker: 'SOURCE', source: 'QUALITY-KPIS.md FLSDB-5, NL-2 (S7, S16)' },
  // IOF-K7, FLSDB-9: a first follow-up contact ≤ 16 weeks = 112 d [SOURCE S5, S7].
  follow_up_16w: { days: 112, marker: 'SOURCE', source: 'QUALITY-KPIS.md IOF-K7, FLSDB-9 (S5, S7)' },
  // IOF-K10, FLSDB-11: AOM still prescribed at 52 weeks = 364 d [SOURCE S5]; what counts as the evidence
  // (a 52-week adherence check answered adherent, or a course that runs until the deadline) is an
  // Osteopad reading, unconfirmed.
  persistence_52w: { days: 364, marker: 'SOURCE', source: 'QUALITY-KPIS.md IOF-K10, FLSDB-11 (S5, S7)' },
};

/** What starts and stops the clocks of one episode (the projection's columns). */
export interface ClockFacts {
  indexFractureDate: string;
  /** The first decision recorded (the FLS assessment). */
  assessedOn: string | null;
  /** The first DXA exam. */
  dxaOn: string | null;
  /** The first completed follow-up contact that reached the patient. */
  firstContactOn: string | null;
  /** A 52-week adherence check answered adherent. */
  persistenceOn: string | null;
  /** The latest end of the episode's treatment courses ('9999-12-31' while one runs); null: none started. */
  treatedUntil: string | null;
  /** The latest decision's outcome (episode state), null before a decision. */
  decisionOutcome: string | null;
}

export const NO_CLOCK_DUE = '9999-12-31';

export const QUALITY_CLOCK_ORDER: readonly QualityClockKind[] = [
  'assessment_12w',
  'dxa_90d',
  'follow_up_16w',
  'persistence_52w',
];

function stateOf(deadline: string, stoppedOn: string | null, today: string): QualityClockState {
  if (stoppedOn !== null && stoppedOn <= today) return stoppedOn <= deadline ? 'met' : 'missed';
  return today > deadline ? 'missed' : 'running';
}

/** The 52-week clock applies once treatment is decided or a course was started (K10 counts those). */
function persistenceApplies(f: ClockFacts): boolean {
  return f.treatedUntil !== null || f.decisionOutcome === 'treating';
}

/** The day each clock was stopped (it may lie ahead: a course that runs until the deadline). */
function stopOf(kind: QualityClockKind, f: ClockFacts, deadline: string): string | null {
  switch (kind) {
    case 'assessment_12w':
      return f.assessedOn;
    case 'dxa_90d':
      return f.dxaOn;
    case 'follow_up_16w':
      return f.firstContactOn;
    case 'persistence_52w':
      if (f.persistenceOn !== null) return f.persistenceOn;
      return f.treatedUntil !== null && f.treatedUntil >= deadline ? deadline : null;
  }
}

/** The four clocks of an episode on `today`. */
export function qualityClocks(
  f: ClockFacts,
  today: string,
  settings: QualityClockSettings = DEFAULT_QUALITY_CLOCK_SETTINGS,
): QualityClock[] {
  return QUALITY_CLOCK_ORDER.map((kind) => {
    const window = settings[kind];
    if (kind === 'persistence_52w' && !persistenceApplies(f))
      return {
        kind,
        state: 'not_applicable',
        deadline: null,
        daysLeft: null,
        stoppedOn: null,
        windowDays: window.days,
        marker: window.marker,
      };
    const deadline = addDays(f.indexFractureDate, window.days);
    const stop = stopOf(kind, f, deadline);
    return {
      kind,
      state: stateOf(deadline, stop, today),
      deadline,
      daysLeft: daysBetween(today, deadline),
      stoppedOn: stop !== null && stop <= today ? stop : null,
      windowDays: window.days,
      marker: window.marker,
    };
  });
}

/**
 * The episode's sort key: the earliest deadline of a clock that applies and that no recorded event has
 * stopped (a clock missed without an event sorts first), as the projection's `clock_due` keeps it — a
 * course that runs until the deadline counts as the 52-week event. Independent of today, so a write
 * maintains it.
 */
export function clockDue(
  f: ClockFacts,
  settings: QualityClockSettings = DEFAULT_QUALITY_CLOCK_SETTINGS,
): { kind: QualityClockKind; deadline: string } | null {
  let next: { kind: QualityClockKind; deadline: string } | null = null;
  for (const kind of QUALITY_CLOCK_ORDER) {
    if (kind === 'persistence_52w' && !persistenceApplies(f)) continue;
    const deadline = addDays(f.indexFractureDate, settings[kind].days);
    if (stopOf(kind, f, deadline) !== null) continue;
    if (next === null || deadline < next.deadline) next = { kind, deadline };
  }
  return next;
}
