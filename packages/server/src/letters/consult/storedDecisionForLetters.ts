/**
 * The stored decision as the consult letters read it (issue 11, item 7: "generated from the stored
 * decision only"). `lettersViewOfDecision` maps a `StoredDecision` (decision/storedDecision.ts) to
 * `StoredDecisionForLetters` (consultLetterInput.ts) without computing anything clinical anew: what the
 * clinician decided comes from the decided items, the plan from the stored plan, the facts (lowest
 * T-score, calcium requirement, the weekly vitamin D alternative, R13.4's delay) from the engine's
 * assessment stored with the decision, the investigations from the stored engine input.
 *
 * Where the stored decision says nothing, the letters' own "none" value is used, never a guess:
 * an undecided BMD/VFA category is null, an undecided care owner `none`, a supplement chosen without a
 * dose is left out (docs: the report of this change lists each).
 */
import { and, eq } from 'drizzle-orm';
import {
  addDays,
  BMD_SITES,
  DRUG_CODES,
  genantGrade,
  LIFESTYLE_ADVICE_CODES,
  type DxaInput,
  type LabInput,
  type VfaInput,
} from '@osteopad/clinical';
import type { DecidedItem, DecisionTaskKind } from '@osteopad/contract';
import { users } from '../../db/schema';
import { unprocessable } from '../../domain/errors';
import { localIsoDate } from '../../time/localDate';
import { loadStoredDecision, type StoredDecision } from '../../decision/storedDecision';
import {
  ADMINISTRATION_CODES,
  BMD_CATEGORIES,
  CARE_OWNERS,
  DECIDING_ROLES,
  DENTAL_ADVICE_CODES,
  DOSE_ROUTES,
  DOSE_UNITS,
  INTERVAL_UNITS,
  LETTER_FOLLOW_UP_KINDS,
  LONG_TERM_RISK_CODES,
  SIDE_EFFECT_CODES,
  VFA_RESULT_CATEGORIES,
  type DecidingRole,
  type FollowUpResponsible,
  type LetterMedication,
  type ReferralCode,
  type StoredDecisionForLetters,
} from './consultLetterInput';
import type { StoredDecisionForLettersLoader } from './consultLetterInputLoader';

type Letters = StoredDecisionForLetters;
type PlanDrug = NonNullable<StoredDecision['drug']>;

/** A stored code the letters cannot word: the decision is not printable (never silently dropped). */
function unknownCode(field: string, value: unknown): never {
  throw unprocessable(
    'decision_not_printable',
    `The stored decision has a ${field} the letters do not know (${String(value)}).`,
    [{ field: `decision.${field}`, message: 'unknown code', code: 'letter_input' }],
  );
}

function codeOf<T extends string>(list: readonly T[], value: unknown, field: string): T {
  const found = list.find((c) => c === value);
  return found ?? unknownCode(field, value);
}

function codesOf<T extends string>(list: readonly T[], values: readonly unknown[], field: string): T[] {
  return values.map((v) => codeOf(list, v, field));
}

/** An item's decided single value when it is one of `list`; null when undecided. */
function decidedCode<T extends string>(
  items: readonly DecidedItem[],
  code: DecidedItem['code'],
  list: readonly T[],
): T | null {
  const value = items.find((i) => i.code === code)?.decidedValue ?? null;
  return typeof value === 'string' ? codeOf(list, value, code) : null;
}

function decidedValue(items: readonly DecidedItem[], code: DecidedItem['code']): DecidedItem['decidedValue'] {
  return items.find((i) => i.code === code)?.decidedValue ?? null;
}

function numberDetail(items: readonly DecidedItem[], code: DecidedItem['code'], key: string): number | null {
  const value = items.find((i) => i.code === code)?.details[key];
  return typeof value === 'number' ? value : null;
}

function diagnosisOf(d: StoredDecision): Letters['diagnosis'] {
  const bmd = d.assessment.densitometry;
  return {
    bmdCategory: decidedCode(d.items, 'diagnosis', BMD_CATEGORIES),
    // Measured facts of the DXA, as the engine read them when the decision was made.
    lowestSite: bmd.status === 'ok' ? bmd.lowestSite : null,
    lowestTScore: bmd.status === 'ok' ? bmd.lowestTScore : null,
    vfaCategory: decidedCode(d.items, 'vertebral_fractures', VFA_RESULT_CATEGORIES),
  };
}

/** The DXA's sites as recorded; a site marked not evaluable was not used and is not printed. */
export function dxaOf(dxa: DxaInput | null): Letters['dxa'] {
  if (dxa === null) return { date: null, sites: [] };
  const sites: Letters['dxa']['sites'] = [];
  for (const site of BMD_SITES) {
    const s = dxa[site];
    if (s === undefined || s.evaluable === false) continue;
    sites.push({ site, tScore: s.tScore ?? null, zScore: s.zScore ?? null, bmdGcm2: s.bmdGcm2 ?? null });
  }
  return { date: dxa.date ?? null, sites };
}

/** R5: every vertebra of grade 1 or more (a grade from the height loss as the engine counts it). */
export function vfaOf(vfa: VfaInput | null): Letters['vfa'] {
  if (vfa === null) return { status: 'notDone', fractures: [] };
  if (!vfa.assessable) return { status: 'notAssessable', fractures: [] };
  const fractures: Letters['vfa']['fractures'] = [];
  for (const v of vfa.vertebrae) {
    const grade = v.genantGrade ?? genantGrade(v.heightLossPercent ?? 0).genantGrade;
    if (grade !== 0) fractures.push({ level: v.level, grade });
  }
  return { status: 'assessed', fractures };
}

/**
 * The engine's laboratory input as the letters' tests. The engine keeps no reference range, and a flag
 * only for the albumin-corrected calcium; the creatinine clearance has no test of the letters (it is not
 * the serum creatinine) and is not printed.
 */
export function labsOf(labs: LabInput | null): Letters['labs'] {
  if (labs === null) return [];
  const out: Letters['labs'] = [];
  if (labs.albuminCorrectedCalciumMmolL !== undefined)
    out.push({
      test: 'albuminCorrectedCalcium',
      value: labs.albuminCorrectedCalciumMmolL,
      unit: 'mmol/l',
      range: null,
      flag: labs.albuminCorrectedCalciumFlag ?? null,
    });
  if (labs.eGFRMlMin !== undefined)
    out.push({ test: 'eGFR', value: labs.eGFRMlMin, unit: 'ml/min/1,73m²', range: null, flag: null });
  if (labs.serum25OHDNmolL !== undefined)
    out.push({ test: '25OHD', value: labs.serum25OHDNmolL, unit: 'nmol/l', range: null, flag: null });
  return out;
}

/** R13.4: weeks of vitamin D before the drug starts, as the stored assessment gave them; null = now. */
function startAfterWeeksOf(d: StoredDecision): number | null {
  const before = d.assessment.vitaminD.beforeTreatment;
  if (before === null || before.status !== 'ok' || !('startFracturePreventionDrugAfterWeeks' in before))
    return null;
  const weeks = before.startFracturePreventionDrugAfterWeeks;
  return weeks === null || weeks <= 0 ? null : weeks;
}

function medicationOf(drug: PlanDrug, startAfterWeeks: number | null): LetterMedication {
  return {
    drug: codeOf(DRUG_CODES, drug.code, 'drug'),
    dose: {
      amount: drug.dose.amount,
      unit: codeOf(DOSE_UNITS, drug.dose.unit, 'drug.dose.unit'),
      route: codeOf(DOSE_ROUTES, drug.dose.route, 'drug.dose.route'),
      every: {
        count: drug.dose.everyCount,
        unit: codeOf(INTERVAL_UNITS, drug.dose.everyUnit, 'drug.dose.everyUnit'),
      },
    },
    administration: codesOf(ADMINISTRATION_CODES, drug.administration, 'drug.administration'),
    sideEffects: codesOf(SIDE_EFFECT_CODES, drug.sideEffectsToTell, 'drug.sideEffectsToTell'),
    dentalAdvice: codesOf(DENTAL_ADVICE_CODES, drug.dentalAdvice, 'drug.dentalAdvice'),
    longTermRiskAdvice: codesOf(LONG_TERM_RISK_CODES, drug.longTermRiskAdvice, 'drug.longTermRiskAdvice'),
    startAfterWeeks,
  };
}

function calciumOf(d: StoredDecision): Letters['plan']['calcium'] {
  const requirement = numberDetail(d.items, 'calcium', 'requirementMgPerDay');
  if (requirement === null)
    throw unprocessable(
      'decision_not_printable',
      'The stored decision has no calcium requirement (R12.1 did not cover the patient); the letters print one.',
      [{ field: 'decision.calcium', message: 'no requirement', code: 'letter_input' }],
    );
  const supplement = decidedValue(d.items, 'calcium') === 'supplement' ? d.calcium.supplementMgPerDay : null;
  return {
    requirementMgPerDay: requirement,
    intakeMgPerDay: numberDetail(d.items, 'calcium', 'intakeMg'),
    supplementMgPerDay: supplement,
  };
}

function vitaminDOf(d: StoredDecision): Letters['plan']['vitaminD'] {
  if (decidedValue(d.items, 'vitamin_d') !== 'supplement' || d.vitaminD.iuPerDay === null) return null;
  const withMedication = d.assessment.vitaminD.withMedication;
  // R13.3's weekly alternative belongs to its daily dose; another daily dose has none stored.
  const weekly =
    withMedication !== null && withMedication.vitaminD3IUPerDay === d.vitaminD.iuPerDay
      ? withMedication.weeklyAlternativeIU
      : null;
  return { iuPerDay: d.vitaminD.iuPerDay, weeklyAlternativeIU: weekly };
}

/** The plan's referral tasks as the letters' referrals. */
export const REFERRAL_OF_TASK: Readonly<Partial<Record<DecisionTaskKind, ReferralCode>>> = {
  referral_fall_clinic: 'fallPrevention',
  referral_physiotherapy: 'physiotherapy',
  referral_dentist: 'dentist',
  referral_secondary_osteoporosis: 'internist',
};

function referralsOf(d: StoredDecision): Letters['plan']['referrals'] {
  return d.tasks.flatMap((t) => {
    const to = REFERRAL_OF_TASK[t.kind];
    return to === undefined ? [] : [{ to, dueDate: t.dueDate }];
  });
}

/** Who does a task of the clinic (the plan's task roles; tasks/taskKinds.ts). */
function responsibleOfRole(role: string): FollowUpResponsible | null {
  if (role === 'specialist') return 'flsSpecialist';
  if (role === 'nurse') return 'flsNurse';
  return null;
}

/**
 * R11.3: after the consult the care owner follows the patient up, so the dated R11 items are theirs.
 * With no care owner decided, the items stay with the clinic that prescribed (the role of the plan's
 * start-treatment task).
 */
function followUpOf(d: StoredDecision, startAfterWeeks: number | null): Letters['followUp'] {
  const careOwner = decidedCode(d.items, 'follow_up', CARE_OWNERS) ?? 'none';
  const start = d.tasks.find((t) => t.kind === 'start_treatment');
  const clinic = (start === undefined ? null : responsibleOfRole(start.role)) ?? 'flsSpecialist';
  const owner: FollowUpResponsible =
    careOwner === 'gp' ? 'gp' : careOwner === 'hospitalSpecialist' ? 'hospitalSpecialist' : clinic;
  const items: Letters['followUp']['items'] = [];
  if (d.drug !== null && startAfterWeeks !== null)
    items.push({
      kind: 'startMedication',
      responsible: clinic,
      dueDate: addDays(d.assessedOn, startAfterWeeks * 7),
    });
  for (const f of d.followUp)
    items.push({
      kind: codeOf(LETTER_FOLLOW_UP_KINDS, f.kind, 'followUp.kind'),
      responsible: owner,
      dueDate: f.dueDate,
    });
  return { careOwner, items };
}

export interface LettersViewFacts {
  /** The deciding user's role (a decision is recorded by the specialist or the nurse only). */
  decidedByRole: DecidingRole;
}

/** The stored decision as the letters print it (pure). */
export function lettersViewOfDecision(decision: StoredDecision, facts: LettersViewFacts): Letters {
  const startAfterWeeks = decision.drug === null ? null : startAfterWeeksOf(decision);
  return {
    decisionId: decision.id,
    decidedOn: localIsoDate(decision.decidedAt),
    decidedBy: { displayName: decision.decidedBy.displayName, role: facts.decidedByRole },
    diagnosis: diagnosisOf(decision),
    dxa: dxaOf(decision.dxa),
    vfa: vfaOf(decision.vfa),
    labs: labsOf(decision.labs),
    plan: {
      medication: decision.drug === null ? null : medicationOf(decision.drug, startAfterWeeks),
      calcium: calciumOf(decision),
      vitaminD: vitaminDOf(decision),
      lifestyle: codesOf(LIFESTYLE_ADVICE_CODES, decision.lifestyle, 'lifestyle'),
      referrals: referralsOf(decision),
    },
    followUp: followUpOf(decision, startAfterWeeks),
  };
}

/** The episode's latest stored decision for its letters (null without one), in the caller's unit of work. */
export const storedDecisionForLetters: StoredDecisionForLettersLoader = async (tx, scope) => {
  const decision = await loadStoredDecision(tx, scope);
  if (decision === null) return null;
  const [user] = await tx
    .select({ role: users.role })
    .from(users)
    .where(and(eq(users.id, decision.decidedBy.id), eq(users.organizationId, scope.organizationId)));
  // The decision route admits the clinical roles only; a user whose role changed since signs as they are now.
  const role = DECIDING_ROLES.find((r) => r === user?.role);
  if (role === undefined)
    throw unprocessable(
      'decision_not_printable',
      'The user who recorded the decision is no longer a specialist or nurse; the letters cannot be signed.',
      [{ field: 'decision.decidedBy', message: 'not a clinical role', code: 'letter_input' }],
    );
  return lettersViewOfDecision(decision, { decidedByRole: role });
};
