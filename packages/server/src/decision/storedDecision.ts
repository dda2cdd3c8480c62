import { and, asc, desc, eq } from 'drizzle-orm';
import type { DxaInput, LabInput, PatientAssessment, PatientInput, VfaInput } from '@osteopad/clinical';
import type {
  DecidedItem,
  DecisionPlan,
  DecisionTaskKind,
  EpisodeState,
  TimelineEntry,
} from '@osteopad/contract';
import type { Transaction } from '../db/connection';
import { decisions } from '../db/schema';
import type { EpisodeScope, TimelineSource } from '../consult/patientInputSections';

type ItemValue = DecidedItem['decidedValue'];

/**
 * The latest stored decision of an episode, in the shape the letters are written from (they read
 * nothing else): what was decided per item, the investigations as the engine was given them, the
 * chosen drug with its instruction codes, the advice and the plan's tasks, who decided and with which
 * engine and configuration.
 */
export interface StoredDecision {
  id: string;
  episodeId: string;
  patientId: string;
  decidedAt: Date;
  decidedBy: { id: string; displayName: string };
  engineVersion: string;
  configVersion: string;
  configFingerprint: string;
  assessedOn: string;
  outcome: EpisodeState;
  /** R4/R5 as decided (the clinician's value where overridden). */
  diagnosis: { bmdCategory: ItemValue; vfaCategory: ItemValue };
  treatmentIndication: ItemValue;
  /** The stored engine input's sections, exactly as the decision was made on them. */
  dxa: DxaInput | null;
  vfa: VfaInput | null;
  labs: LabInput | null;
  /** The engine's assessment as stored with the decision (its facts: lowest T-score, calcium requirement …). */
  assessment: PatientAssessment;
  items: DecidedItem[];
  overrides: { code: DecidedItem['code']; decidedValue: ItemValue; reason: string }[];
  drug: DecisionPlan['drug'];
  calcium: DecisionPlan['calcium'];
  vitaminD: DecisionPlan['vitaminD'];
  lifestyle: string[];
  referrals: DecisionTaskKind[];
  tasks: DecisionPlan['tasks'];
  followUp: DecisionPlan['followUp'];
}

function decided(items: readonly DecidedItem[], code: DecidedItem['code']): ItemValue {
  return items.find((i) => i.code === code)?.decidedValue ?? null;
}

/** The latest decision of the episode, or null when none is recorded. Runs in the caller's unit of work. */
export async function loadStoredDecision(
  tx: Transaction,
  scope: EpisodeScope,
): Promise<StoredDecision | null> {
  const rows = await tx
    .select()
    .from(decisions)
    .where(and(eq(decisions.episodeId, scope.episodeId), eq(decisions.organizationId, scope.organizationId)))
    .orderBy(desc(decisions.sequence))
    .limit(1);
  const row = rows[0];
  return row === undefined ? null : storedDecisionOf(row);
}

/** A decision row as the letters read it (pure: the row exactly as stored, nothing recomputed). */
export function storedDecisionOf(row: typeof decisions.$inferSelect): StoredDecision {
  const items = row.items as DecidedItem[];
  const plan = row.plan as DecisionPlan;
  const inputs = row.inputs as PatientInput;
  return {
    id: row.id,
    episodeId: row.episodeId,
    patientId: row.patientId,
    decidedAt: row.decidedAt,
    decidedBy: { id: row.decidedBy, displayName: row.decidedByName },
    engineVersion: row.engineVersion,
    configVersion: row.configVersion,
    configFingerprint: row.configFingerprint,
    assessedOn: row.assessedOn,
    outcome: row.outcome,
    diagnosis: {
      bmdCategory: decided(items, 'diagnosis'),
      vfaCategory: decided(items, 'vertebral_fractures'),
    },
    treatmentIndication: decided(items, 'treatment_indication'),
    dxa: inputs.dxa ?? null,
    vfa: inputs.vfa ?? null,
    labs: inputs.labs ?? null,
    assessment: row.outputs as PatientAssessment,
    items,
    overrides: items
      .filter((i) => i.choice === 'override')
      .map((i) => ({ code: i.code, decidedValue: i.decidedValue, reason: i.reason })),
    drug: plan.drug,
    calcium: plan.calcium,
    vitaminD: plan.vitaminD,
    lifestyle: plan.lifestyle,
    referrals: plan.tasks.map((t) => t.kind).filter((k) => k.startsWith('referral_')),
    tasks: plan.tasks,
    followUp: plan.followUp,
  };
}

/** The episode page's entries of this area: every decision recorded, with its number of overrides. */
export const decisionTimeline: TimelineSource = async (tx, scope): Promise<TimelineEntry[]> => {
  const rows = await tx
    .select({
      decidedAt: decisions.decidedAt,
      decidedByName: decisions.decidedByName,
      sequence: decisions.sequence,
      outcome: decisions.outcome,
      items: decisions.items,
    })
    .from(decisions)
    .where(and(eq(decisions.episodeId, scope.episodeId), eq(decisions.organizationId, scope.organizationId)))
    .orderBy(asc(decisions.sequence));
  return rows.map((r) => ({
    at: r.decidedAt.toISOString(),
    kind: 'decision_recorded',
    actor: r.decidedByName,
    details: {
      overrides: (r.items as DecidedItem[]).filter((i) => i.choice === 'override').length,
      sequence: r.sequence,
      outcome: r.outcome,
    },
    note: null,
  }));
};
