import {
  addDays,
  DRUG_CODES,
  drugInstructions,
  followUpSchedule,
  type ClinicalConfig,
  type DrugCode,
} from '@osteopad/clinical';
import {
  DECISION_TASK_KINDS,
  TASK_KIND_OF_REFERRAL,
  type DecidedItem,
  type DecisionItemCode,
  type DecisionPlan,
  type DecisionTaskKind,
  type PlanTaskTemplate,
} from '@osteopad/contract';
import { assigneeFor } from '../tasks/taskKinds';

/**
 * Days after the decision each plan task falls due. RULES.md gives no due date for these steps (R11
 * dates the follow-up, which the plan carries from the engine): these are this installation's
 * settings, shown as unconfirmed (docs/CLINICAL-SAFETY.md lists them).
 */
export const PLAN_DUE_DAYS: Readonly<Record<DecisionTaskKind, number>> = {
  start_treatment: 7,
  referral_fall_clinic: 14,
  referral_physiotherapy: 14,
  referral_secondary_osteoporosis: 14,
  referral_dentist: 14,
  send_result_letter: 7,
  send_gp_letter: 7,
};

export function taskTemplate(kind: DecisionTaskKind, today: string): PlanTaskTemplate {
  return { kind, role: assigneeFor(kind), dueDate: addDays(today, PLAN_DUE_DAYS[kind]), dueFrom: 'setting' };
}

export function taskTemplates(today: string): PlanTaskTemplate[] {
  return DECISION_TASK_KINDS.map((kind) => taskTemplate(kind, today));
}

function valueOf(items: readonly DecidedItem[], code: DecisionItemCode): DecidedItem['decidedValue'] {
  return items.find((i) => i.code === code)?.decidedValue ?? null;
}

function detail(items: readonly DecidedItem[], code: DecisionItemCode, key: string): number | null {
  const value = items.find((i) => i.code === code)?.details[key];
  return typeof value === 'number' ? value : null;
}

export interface PlanFacts {
  today: string;
  config: ClinicalConfig;
  /** The index fracture's date, anchoring the engine's follow-up schedule (R11). */
  indexFractureDate: string | null;
}

/** The plan without task ids: what the decided items ask for (issue 11, item 6). */
export type DraftPlan = Omit<DecisionPlan, 'tasks'> & { tasks: PlanTaskTemplate[] };

/**
 * The treatment plan that follows from the decided items: the chosen drug with its R10 instructions and
 * the engine's R11 follow-up, calcium and vitamin D, the lifestyle codes, and a dated task per referral
 * chosen, to start the treatment and to send both letters. The episode goes to treating with a drug,
 * else to referred with a referral to the specialist, else to no treatment.
 */
export function draftPlan(items: readonly DecidedItem[], facts: PlanFacts): DraftPlan {
  const chosen = valueOf(items, 'drug');
  const drug: DrugCode | null =
    typeof chosen === 'string' ? (DRUG_CODES.find((d) => d === chosen) ?? null) : null;
  const tasks: PlanTaskTemplate[] = [];
  if (drug !== null) tasks.push(taskTemplate('start_treatment', facts.today));
  for (const [code, kind] of Object.entries(TASK_KIND_OF_REFERRAL) as [
    DecisionItemCode,
    DecisionTaskKind,
  ][]) {
    if (valueOf(items, code) === 'refer') tasks.push(taskTemplate(kind, facts.today));
  }
  tasks.push(taskTemplate('send_result_letter', facts.today), taskTemplate('send_gp_letter', facts.today));
  const referred = valueOf(items, 'referral_secondary_osteoporosis') === 'refer';
  const lifestyle = valueOf(items, 'lifestyle');
  let planDrug: DecisionPlan['drug'] = null;
  let followUp: DecisionPlan['followUp'] = [];
  if (drug !== null) {
    const i = drugInstructions(drug, facts.config);
    planDrug = {
      code: drug,
      administration: [...i.administration],
      sideEffectsToTell: [...i.sideEffectsToTell],
      dentalAdvice: [...i.dentalAdvice],
      longTermRiskAdvice: [...i.longTermRiskAdvice],
      dose: {
        amount: i.dose.amount,
        unit: i.dose.unit,
        route: i.dose.route,
        everyCount: i.dose.every.count,
        everyUnit: i.dose.every.unit,
      },
      standardDurationYears: i.standardDurationYears,
      rules: i.explanation.rules.map((r) => ({ ...r, sources: [...r.sources], note: r.note ?? null })),
    };
    const anchor = facts.indexFractureDate;
    const schedule = followUpSchedule(
      anchor !== null && anchor <= facts.today
        ? { drug, startDate: facts.today, indexFractureDate: anchor }
        : { drug, startDate: facts.today },
      facts.config,
    );
    followUp = schedule.items.map((f) => ({
      kind: f.kind,
      dueDate: f.dueDate,
      ruleId: f.ruleId,
      marker: f.marker,
    }));
  }
  return {
    outcome: drug !== null ? 'treating' : referred ? 'referred' : 'no_treatment',
    drug: planDrug,
    calcium: {
      value: valueOf(items, 'calcium'),
      supplementMgPerDay: detail(items, 'calcium', 'supplementMgPerDay'),
    },
    vitaminD: { value: valueOf(items, 'vitamin_d'), iuPerDay: detail(items, 'vitamin_d', 'iuPerDay') },
    lifestyle: Array.isArray(lifestyle) ? lifestyle : [],
    tasks,
    followUp,
  };
}
