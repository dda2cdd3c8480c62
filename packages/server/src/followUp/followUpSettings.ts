/**
 * Follow-up settings that RULES.md does not fix: this installation's operational choices, shown as
 * UNCONFIRMED in the UI and listed in docs/CLINICAL-SAFETY.md. The intervals of R11 themselves (3
 * months, yearly, 6 months, 5/3/3/2/1 years …) come from the engine's configuration, not from here.
 */
export interface FollowUpSettings {
  /** A contact that did not reach the patient (or a dose not given) is tried again after this many days. */
  retryAfterDays: number;
  /** The blood test (creatinine, calcium) before each zoledronic acid infusion, this many days before it. */
  preInfusionBloodTestDaysBefore: number;
  /** The GP is asked to confirm the hand-over this many days after the GP letter went out. */
  gpHandoverDueDays: number;
  /** An overdue denosumab injection escalates (R11.4: rebound after a missed dose) after these days. */
  denosumabOverdueDays: { urgent: number; critical: number };
}

export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = {
  retryAfterDays: 7,
  preInfusionBloodTestDaysBefore: 14,
  gpHandoverDueDays: 14,
  denosumabOverdueDays: { urgent: 28, critical: 56 },
};

/** The settings above are not in RULES.md: every task dated by them carries this marker. */
export const SETTING_MARKER = 'UNCONFIRMED' as const;
