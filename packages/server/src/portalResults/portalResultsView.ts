/**
 * The stored decision as the portal's "your results and your plan" shows it (pure). Like the letters
 * (letters/consult/storedDecisionForLetters.ts, whose DXA and VFA readings it shares), it computes nothing
 * clinical anew: the categories and the drug are what the clinician decided, the measurements those the
 * decision was made on. A code the portal cannot word is left out of the patient's view; the staff side
 * keeps the record as stored.
 */
import {
  ADMINISTRATION_CODES,
  BMD_CATEGORIES,
  CARE_OWNERS,
  DECISION_OUTCOMES,
  DENTAL_ADVICE_CODES,
  DXA_SITES,
  FOLLOW_UP_KINDS,
  LIFESTYLE_CODES,
  PORTAL_DRUG_CODES,
  PORTAL_REFERRAL_CODES,
  VFA_CATEGORY_CODES,
  VFA_LEVELS,
  type DecidedItem,
  type PortalLetter,
  type PortalResultsReady,
} from '@osteopad/contract';
import type { StoredDecision } from '../decision/storedDecision';
import { dxaOf, vfaOf } from '../letters/consult/storedDecisionForLetters';
import { localIsoDate } from '../time/localDate';

function isCode<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function codes<T extends string>(list: readonly T[], values: readonly unknown[]): T[] {
  return values.filter((v): v is T => isCode(list, v));
}

function decided(items: readonly DecidedItem[], code: DecidedItem['code']): DecidedItem['decidedValue'] {
  return items.find((i) => i.code === code)?.decidedValue ?? null;
}

function decidedCode<T extends string>(
  items: readonly DecidedItem[],
  code: DecidedItem['code'],
  list: readonly T[],
): T | null {
  const value = decided(items, code);
  return isCode(list, value) ? value : null;
}

function numberDetail(items: readonly DecidedItem[], code: DecidedItem['code'], key: string): number | null {
  const value = items.find((i) => i.code === code)?.details[key];
  return typeof value === 'number' ? value : null;
}

type Plan = PortalResultsReady['plan'];

function drugOf(decision: StoredDecision): Plan['drug'] {
  const drug = decision.drug;
  if (drug === null || !isCode(PORTAL_DRUG_CODES, drug.code)) return null;
  return {
    code: drug.code,
    administration: codes(ADMINISTRATION_CODES, drug.administration),
    dentalAdvice: codes(DENTAL_ADVICE_CODES, drug.dentalAdvice),
    rules: drug.rules.map((r) => ({
      ruleId: r.ruleId,
      sources: [...r.sources],
      marker: r.marker,
      note: r.note,
    })),
  };
}

/** The patient's view of a stored decision and their letters. */
export function portalResultsOf(decision: StoredDecision, letters: PortalLetter[]): PortalResultsReady {
  const { items } = decision;
  const bmd = decision.assessment.densitometry;
  const dxa = dxaOf(decision.dxa);
  const vfa = vfaOf(decision.vfa);
  const outcome = isCode(DECISION_OUTCOMES, decision.outcome) ? decision.outcome : 'no_treatment';
  return {
    status: 'ready',
    episodeId: decision.episodeId,
    decidedOn: localIsoDate(decision.decidedAt),
    diagnosis: {
      bmdCategory: decidedCode(items, 'diagnosis', BMD_CATEGORIES),
      vfaCategory: decidedCode(items, 'vertebral_fractures', VFA_CATEGORY_CODES),
      lowestSite: bmd.status === 'ok' && isCode(DXA_SITES, bmd.lowestSite) ? bmd.lowestSite : null,
      lowestTScore: bmd.status === 'ok' ? bmd.lowestTScore : null,
    },
    dxa: {
      date: dxa.date,
      sites: dxa.sites.flatMap((s) =>
        isCode(DXA_SITES, s.site) ? [{ site: s.site, tScore: s.tScore, zScore: s.zScore }] : [],
      ),
    },
    vfa: {
      status: vfa.status,
      fractures: vfa.fractures.flatMap((f) =>
        isCode(VFA_LEVELS, f.level) ? [{ level: f.level, grade: f.grade }] : [],
      ),
    },
    plan: {
      outcome,
      drug: drugOf(decision),
      calcium: {
        supplement: decided(items, 'calcium') === 'supplement',
        supplementMgPerDay:
          decided(items, 'calcium') === 'supplement' ? decision.calcium.supplementMgPerDay : null,
        requirementMgPerDay: numberDetail(items, 'calcium', 'requirementMgPerDay'),
      },
      vitaminD: {
        supplement: decided(items, 'vitamin_d') === 'supplement',
        iuPerDay: decided(items, 'vitamin_d') === 'supplement' ? decision.vitaminD.iuPerDay : null,
      },
      lifestyle: codes(LIFESTYLE_CODES, decision.lifestyle),
      referrals: decision.tasks.flatMap((t) =>
        isCode(PORTAL_REFERRAL_CODES, t.kind) ? [{ kind: t.kind, dueDate: t.dueDate }] : [],
      ),
      careOwner: decidedCode(items, 'follow_up', CARE_OWNERS),
      followUp: decision.followUp.flatMap((f) =>
        isCode(FOLLOW_UP_KINDS, f.kind) ? [{ kind: f.kind, dueDate: f.dueDate }] : [],
      ),
    },
    letters,
  };
}
