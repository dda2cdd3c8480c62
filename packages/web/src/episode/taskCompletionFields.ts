import {
  OUTCOMES_BY_KIND,
  OUTCOMES_WITH_DATE,
  OUTCOMES_WITH_REASON,
  outcomeNeedsDrug,
  SPECIALIST_OUTCOMES,
  TREATMENT_DRUGS,
  type CompletableTaskKind,
  type Role,
  type TaskOutcome,
  type TreatmentDrug,
  type TreatmentStopReason,
} from '@osteopad/contract';

/** What the completion form asks for besides the outcome and the note. */
export interface CompletionFields {
  date: boolean;
  reason: boolean;
  /** The drugs offered, empty when no drug is chosen. */
  drugs: readonly TreatmentDrug[];
}

/** The follow-on after denosumab or an anabolic drug is an antiresorptive (R11.4, R11.5). */
const ANTIRESORPTIVES: readonly TreatmentDrug[] = TREATMENT_DRUGS.filter(
  (drug) => drug !== 'teriparatide' && drug !== 'romosozumab',
);

/**
 * The outcomes this user may record for the kind: the ones that change a treatment for a specialist
 * only, and a secretary records only the GP's confirmation of the hand-over (the server refuses the rest).
 */
export function outcomesFor(kind: CompletableTaskKind, role: Role): readonly TaskOutcome[] {
  if (role === 'secretary' && kind !== 'gp_handover_confirmation') return [];
  return OUTCOMES_BY_KIND[kind].filter(
    (outcome) => role === 'specialist' || !SPECIALIST_OUTCOMES.includes(outcome),
  );
}

/** The fields the kind and outcome need, as the server checks them (taskCompletion.ts). */
export function completionFields(kind: CompletableTaskKind, outcome: TaskOutcome | null): CompletionFields {
  if (outcome === null) return { date: false, reason: false, drugs: [] };
  const needsDrug = outcomeNeedsDrug(kind, outcome);
  return {
    date: OUTCOMES_WITH_DATE.includes(outcome),
    reason: OUTCOMES_WITH_REASON.includes(outcome),
    drugs: !needsDrug ? [] : kind === 'start_follow_on_antiresorptive' ? ANTIRESORPTIVES : TREATMENT_DRUGS,
  };
}

export interface CompletionInput {
  outcome: TaskOutcome | null;
  /** The date as typed (dd-mm-jjjj), already read as ISO or null when it is not a date. */
  date: string | null;
  reason: TreatmentStopReason | null;
  drug: TreatmentDrug | null;
  note: string;
}

export type CompletionErrorField = 'outcome' | 'outcomeDate' | 'reasonCode' | 'drug' | 'note';
export type CompletionError = 'required' | 'invalidDate' | 'futureDate';

/** The form's own checks before it sends; the server checks the same and more (which field, why). */
export function completionErrors(
  kind: CompletableTaskKind,
  input: CompletionInput,
  today: string,
): Partial<Record<CompletionErrorField, CompletionError>> {
  const errors: Partial<Record<CompletionErrorField, CompletionError>> = {};
  if (input.outcome === null) return { outcome: 'required' };
  const fields = completionFields(kind, input.outcome);
  if (fields.date) {
    if (input.date === null) errors.outcomeDate = 'invalidDate';
    else if (input.date > today) errors.outcomeDate = 'futureDate';
  }
  if (fields.reason && input.reason === null) errors.reasonCode = 'required';
  if (fields.reason && input.reason === 'other' && input.note.trim() === '') errors.note = 'required';
  if (fields.drugs.length > 0 && input.drug === null) errors.drug = 'required';
  return errors;
}

/** The body of `POST /api/tasks/:taskId/complete`: only the fields the outcome takes. */
export function completionBody(
  kind: CompletableTaskKind,
  input: CompletionInput & { outcome: TaskOutcome },
  expectedVersion: number,
) {
  const fields = completionFields(kind, input.outcome);
  return {
    outcome: input.outcome,
    ...(fields.date && input.date !== null ? { outcomeDate: input.date } : {}),
    ...(fields.reason && input.reason !== null ? { reasonCode: input.reason } : {}),
    ...(fields.drugs.length > 0 && input.drug !== null ? { drug: input.drug } : {}),
    note: input.note.trim(),
    expectedVersion,
  };
}

const SERVER_FIELDS: Readonly<Record<string, CompletionErrorField>> = {
  'body.outcome': 'outcome',
  'body.outcomeDate': 'outcomeDate',
  'body.reasonCode': 'reasonCode',
  'body.drug': 'drug',
  'body.note': 'note',
};

/** The form field a server issue names (`body.outcomeDate` → outcomeDate), or null. */
export function fieldOfIssue(field: string): CompletionErrorField | null {
  return SERVER_FIELDS[field] ?? null;
}
