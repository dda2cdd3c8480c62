import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import {
  assessPatient,
  ClinicalInputError,
  configIdentity,
  type ClinicalConfig,
  type PatientAssessment,
  type PatientInput,
} from '@osteopad/clinical';
import {
  DECISION_TASK_KINDS,
  type Assessment,
  type DecidedItem,
  type DecisionAnswer,
  type DecisionBody,
  type DecisionPlan,
  type EpisodeState,
  type StoredDecisionAnswer,
} from '@osteopad/contract';
import type { Database, Transaction } from '../db/connection';
import { decisions, episodes, tasks } from '../db/schema';
import type { Actor } from '../auth/actor';
import { auditedTransaction, type AuditTrail } from '../audit/auditedTransaction';
import { conflict, invalidFields, notFound, transitionRefused, unprocessable } from '../domain/errors';
import { sqlStateOf } from '../db/databaseErrors';
import { allowedTransitions } from '../episodes/episodeStateMachine';
import { transition } from '../episodes/episodeRecords';
import { episodeReason } from '../episodes/episodeReasons';
import type { EpisodeScope, PatientInputSectionLoader } from '../consult/patientInputSections';
import { PATIENT_INPUT_SECTION_LOADERS } from '../consult/sectionLoaders';
import { assessmentFingerprint } from './assessmentFingerprint';
import { buildPatientInput } from './buildPatientInput';
import { applyChoices } from './decisionChoices';
import { decisionItemsOf } from './decisionItems';
import { draftPlan, taskTemplates } from './decisionPlan';

export interface DecisionDeps {
  today: string;
  config: ClinicalConfig;
  loaders?: readonly PatientInputSectionLoader[];
}

type EpisodeRow = typeof episodes.$inferSelect;

/** A decision is made on the investigations; a later one (from the plan's states) supersedes it. */
const DECIDABLE: ReadonlySet<EpisodeState> = new Set([
  'investigated',
  'decided',
  'treating',
  'no_treatment',
  'referred',
]);

async function episodeOf(
  tx: Transaction,
  actor: Actor,
  episodeId: string,
  lock: boolean,
): Promise<EpisodeRow> {
  const query = tx
    .select()
    .from(episodes)
    .where(and(eq(episodes.id, episodeId), eq(episodes.organizationId, actor.organizationId)));
  const rows = lock ? await query.for('update') : await query;
  const episode = rows[0];
  if (episode === undefined) throw notFound('Episode');
  return episode;
}

/**
 * The latest decision's id and sequence: what an assessment and a new decision need of it (the whole
 * row carries the engine's input and output, too large to read on every assessment).
 */
async function latestDecisionRef(
  tx: Transaction,
  actor: Actor,
  episodeId: string,
): Promise<{ id: string; sequence: number } | null> {
  const rows = await tx
    .select({ id: decisions.id, sequence: decisions.sequence })
    .from(decisions)
    .where(and(eq(decisions.episodeId, episodeId), eq(decisions.organizationId, actor.organizationId)))
    .orderBy(desc(decisions.sequence))
    .limit(1);
  return rows[0] ?? null;
}

async function latestDecision(tx: Transaction, actor: Actor, episodeId: string) {
  const rows = await tx
    .select()
    .from(decisions)
    .where(and(eq(decisions.episodeId, episodeId), eq(decisions.organizationId, actor.organizationId)))
    .orderBy(desc(decisions.sequence))
    .limit(1);
  return rows[0] ?? null;
}

interface Computed {
  input: PatientInput;
  sections: string[];
  indexFractureDate: string | null;
  assessment: PatientAssessment;
  fingerprint: string;
}

async function compute(tx: Transaction, scope: EpisodeScope, deps: DecisionDeps): Promise<Computed> {
  const built = await buildPatientInput(tx, scope, deps.loaders ?? PATIENT_INPUT_SECTION_LOADERS);
  let assessment: PatientAssessment;
  try {
    assessment = assessPatient(built.input, deps.today, deps.config);
  } catch (error) {
    if (!(error instanceof ClinicalInputError)) throw error;
    // Recorded data the rules cannot read (a fracture dated after today …): named, never guessed.
    throw unprocessable('assessment_input_invalid', error.message, [
      { field: `input.${error.field}`, message: error.message, code: error.reason },
    ]);
  }
  const identity = configIdentity(deps.config);
  const fingerprint = assessmentFingerprint({
    input: built.input,
    assessedOn: deps.today,
    engineVersion: identity.engineVersion,
    configFingerprint: identity.configFingerprint,
  });
  return { ...built, assessment, fingerprint };
}

function scopeOf(actor: Actor, episode: EpisodeRow): EpisodeScope {
  return { organizationId: actor.organizationId, patientId: episode.patientId, episodeId: episode.id };
}

/** `GET …/assessment`: the engine's assessment of the episode as it stands now (not stored). */
export function assessEpisode(
  db: Database,
  actor: Actor,
  episodeId: string,
  deps: DecisionDeps,
): Promise<Assessment> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const episode = await episodeOf(tx, actor, episodeId, false);
    const computed = await compute(tx, scopeOf(actor, episode), deps);
    const latest = await latestDecisionRef(tx, actor, episodeId);
    trail.record({
      action: 'read',
      objectType: 'episode',
      objectId: episodeId,
      patientId: episode.patientId,
      details: { view: 'assessment', fingerprint: computed.fingerprint },
    });
    const a = computed.assessment;
    return {
      episodeId,
      patientId: episode.patientId,
      episodeState: episode.state,
      assessedOn: a.assessedOn,
      fingerprint: computed.fingerprint,
      engineVersion: a.engineVersion,
      configVersion: a.configVersion,
      configFingerprint: a.configFingerprint,
      sections: computed.sections,
      items: decisionItemsOf(a, deps.config),
      taskTemplates: taskTemplates(deps.today),
      latestDecisionId: latest?.id ?? null,
      episodeVersion: episode.version,
    };
  });
}

type DecisionRow = typeof decisions.$inferSelect;

function answerOf(row: DecisionRow): StoredDecisionAnswer {
  return {
    id: row.id,
    episodeId: row.episodeId,
    sequence: row.sequence,
    supersedesId: row.supersedesId,
    fingerprint: row.fingerprint,
    assessedOn: row.assessedOn,
    engineVersion: row.engineVersion,
    configVersion: row.configVersion,
    configFingerprint: row.configFingerprint,
    decidedAt: row.decidedAt.toISOString(),
    decidedBy: { id: row.decidedBy, displayName: row.decidedByName },
    items: row.items as DecidedItem[],
    plan: row.plan as DecisionPlan,
  };
}

async function closeOpenTasks(tx: Transaction, actor: Actor, episodeId: string): Promise<void> {
  const base = and(
    eq(tasks.episodeId, episodeId),
    eq(tasks.organizationId, actor.organizationId),
    eq(tasks.status, 'open'),
  );
  const closing = { completedAt: sql`now()`, completedBy: actor.userId, updatedAt: sql`now()` };
  // The previous decision's plan gives way to this one's; the consult's own work is done.
  await tx
    .update(tasks)
    .set({ status: 'cancelled', outcome: 'superseded', ...closing })
    .where(and(base, inArray(tasks.kind, [...DECISION_TASK_KINDS])));
  await tx
    .update(tasks)
    .set({ status: 'done', outcome: 'decision_recorded', ...closing })
    .where(and(base, notInArray(tasks.kind, [...DECISION_TASK_KINDS])));
}

async function moveEpisode(
  tx: Transaction,
  trail: AuditTrail,
  actor: Actor,
  episode: EpisodeRow,
  plan: DecisionPlan,
  decisionId: string,
  today: string,
): Promise<EpisodeState> {
  const outcome = plan.outcome;
  const reason =
    outcome === 'treating'
      ? episodeReason.treatmentPlanned(decisionId, plan.drug?.code ?? '')
      : outcome === 'referred'
        ? episodeReason.referred(decisionId)
        : episodeReason.noTreatmentDecided(decisionId);
  let current = episode;
  if (current.state === 'investigated') {
    await transition(tx, trail, actor, current, 'decided', episodeReason.decisionRecorded(decisionId), today);
    current = { ...current, state: 'decided' };
  }
  if (current.state === outcome) return outcome;
  // A later decision moves the episode only where the pathway allows it (referred → treating);
  // otherwise the episode stays where it is, and the new decision and its tasks stand.
  if (!allowedTransitions(current.state).includes(outcome)) return current.state;
  await transition(tx, trail, actor, current, outcome, reason, today);
  return outcome;
}

export type RecordedDecision = StoredDecisionAnswer & { episodeState: EpisodeState };

/**
 * `POST …/decision`: the clinician's choices on the assessment as it stands, stored once and never
 * changed, with the plan's tasks, the episode moved along, and its open consult tasks closed.
 */
export async function recordDecision(
  db: Database,
  actor: Actor,
  episodeId: string,
  body: DecisionBody,
  deps: DecisionDeps,
): Promise<RecordedDecision> {
  try {
    return await auditedTransaction(db, actor, async (tx, trail) => {
      const episode = await episodeOf(tx, actor, episodeId, true);
      // The episode as the clinician saw it: anything done to it since (a transition, a task, an
      // appointment — each bumps episodes.version) refuses this decision rather than deciding over it.
      if (body.episodeVersion !== undefined && body.episodeVersion !== episode.version)
        throw conflict(
          'stale_version',
          'The episode was changed by someone else in the meantime. Reload to see it.',
          { episodeVersion: episode.version },
        );
      if (!DECIDABLE.has(episode.state))
        throw transitionRefused(
          'not_investigated',
          'A decision is recorded once the investigations are in (the episode is not investigated yet).',
          { from: episode.state, to: 'decided' },
        );
      const latest = await latestDecisionRef(tx, actor, episodeId);
      const computed = await compute(tx, scopeOf(actor, episode), deps);
      if ((latest?.id ?? null) !== body.basedOnDecisionId)
        throw conflict(
          'stale_version',
          'Someone else recorded a decision for this episode in the meantime. Reload to see it.',
          { latestDecisionId: latest?.id ?? null },
        );
      if (computed.fingerprint !== body.fingerprint)
        throw conflict(
          'assessment_changed',
          'The data or rules behind the assessment changed since it was shown. Reload and decide again.',
        );
      const items = decisionItemsOf(computed.assessment, deps.config);
      const chosen = applyChoices(items, body.items);
      if (!chosen.ok) throw invalidFields('The decision is not complete.', chosen.issues);
      const draft = draftPlan(chosen.items, {
        today: deps.today,
        config: deps.config,
        indexFractureDate: computed.indexFractureDate,
      });
      const decisionId = randomUUID();
      await closeOpenTasks(tx, actor, episodeId);
      const taskRows = await tx
        .insert(tasks)
        .values(
          draft.tasks.map((t) => ({
            organizationId: actor.organizationId,
            episodeId,
            patientId: episode.patientId,
            kind: t.kind,
            dueDate: t.dueDate,
            assigneeRole: t.role as typeof tasks.$inferInsert.assigneeRole,
            details: { decisionId, dueFrom: t.dueFrom },
          })),
        )
        .returning({ id: tasks.id });
      const plan: DecisionPlan = {
        ...draft,
        tasks: draft.tasks.map((t, i) => ({ ...t, id: taskRows[i]?.id ?? '' })),
      };
      for (const t of plan.tasks)
        trail.record({
          action: 'create',
          objectType: 'task',
          objectId: t.id,
          patientId: episode.patientId,
          details: { kind: t.kind, dueDate: t.dueDate },
        });
      const state = await moveEpisode(tx, trail, actor, episode, plan, decisionId, deps.today);
      const a = computed.assessment;
      const rows = await tx
        .insert(decisions)
        .values({
          id: decisionId,
          organizationId: actor.organizationId,
          patientId: episode.patientId,
          episodeId,
          sequence: (latest?.sequence ?? 0) + 1,
          supersedesId: latest?.id ?? null,
          fingerprint: computed.fingerprint,
          assessedOn: a.assessedOn,
          engineVersion: a.engineVersion,
          configVersion: a.configVersion,
          configFingerprint: a.configFingerprint,
          inputs: computed.input,
          outputs: a,
          items: chosen.items,
          plan,
          outcome: plan.outcome,
          decidedBy: actor.userId,
          decidedByName: actor.displayName,
        })
        .returning();
      const row = rows[0];
      if (row === undefined) throw new Error('decision not stored');
      trail.record({
        action: 'create',
        objectType: 'decision',
        objectId: decisionId,
        patientId: episode.patientId,
        details: {
          episodeId,
          sequence: row.sequence,
          overrides: chosen.items.filter((i) => i.choice === 'override').map((i) => i.code),
          outcome: plan.outcome,
        },
      });
      return { ...answerOf(row), episodeState: state };
    });
  } catch (error) {
    // Two decisions based on the same one, past each other's lock: the unique sequence refuses the second.
    if (sqlStateOf(error) === '23505')
      throw conflict('stale_version', 'Someone else recorded a decision for this episode in the meantime.');
    throw error;
  }
}

/** `GET …/decision`: the latest decision exactly as stored (never recomputed), or null. */
export function loadDecision(db: Database, actor: Actor, episodeId: string): Promise<DecisionAnswer> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const episode = await episodeOf(tx, actor, episodeId, false);
    const latest = await latestDecision(tx, actor, episodeId);
    trail.record({
      action: 'read',
      objectType: latest === null ? 'episode' : 'decision',
      objectId: latest?.id ?? episodeId,
      patientId: episode.patientId,
      details: { view: 'decision' },
    });
    return { decision: latest === null ? null : answerOf(latest) };
  });
}

/** Used by the tests and the demo: the assessment's answer to send as an all-accepting decision. */
export function acceptAll(assessment: Assessment): DecisionBody['items'] {
  return assessment.items.map((i) => ({ code: i.code, choice: 'accept' as const, reason: '' }));
}
