import { and, asc, eq, sql } from 'drizzle-orm';
import {
  assessPatient,
  ClinicalInputError,
  type ClinicalConfig,
  type FractureInput,
  type PatientInput,
} from '@osteopad/clinical';
import type {
  FallRiskAssessment,
  FallRiskBody,
  LabResult,
  LabResultInput,
  LabResultUpdateBody,
  LabsAndFalls,
} from '@osteopad/contract';
import type { Database, Transaction } from '../db/connection';
import { episodes, fallRiskAssessments, fractureEvents, labResults, patients } from '../db/schema';
import type { Actor } from '../auth/actor';
import { auditedTransaction } from '../audit/auditedTransaction';
import { conflict, invalidFields, notFound } from '../domain/errors';
import { sqlStateOf } from '../db/databaseErrors';
import { PATIENT_INPUT_SECTION_LOADERS } from '../consult/sectionLoaders';
import type { EpisodeScope, PatientInputSections } from '../consult/patientInputSections';
import { analyteDefinition, analyteView, LAB_ANALYTE_DEFINITIONS, labFlag } from './labAnalytes';
import {
  asStored,
  labAndFallSectionsOf,
  loadLabAndFallSections,
  readFallRiskAssessments,
  readLabResults,
} from './labAndFallSections';
import { fallAdvice, labPanelView, type FallAnswers } from './labEngine';
import { dateIssues, fallsIssues, labResultIssues } from './labValidation';

const ENDED = new Set(['closed', 'declined', 'not_eligible', 'lost']);

interface EpisodeFacts {
  id: string;
  patientId: string;
  state: string;
  birthDate: string;
  sex: 'female' | 'male';
  fallRiskVersion: number;
  indexFractureId: string | null;
}

async function episodeFacts(tx: Transaction, actor: Actor, episodeId: string): Promise<EpisodeFacts> {
  const rows = await tx
    .select({
      id: episodes.id,
      patientId: episodes.patientId,
      state: episodes.state,
      indexFractureId: episodes.indexFractureId,
      birthDate: patients.birthDate,
      sex: patients.sex,
      fallRiskVersion: sql<number>`(SELECT coalesce(max(${fallRiskAssessments.version}), 0)::int FROM ${fallRiskAssessments} WHERE ${fallRiskAssessments.episodeId} = ${episodes.id})`,
    })
    .from(episodes)
    .innerJoin(patients, eq(patients.id, episodes.patientId))
    .where(and(eq(episodes.id, episodeId), eq(episodes.organizationId, actor.organizationId)));
  const row = rows[0];
  if (row === undefined) throw notFound('Episode');
  return { ...row, sex: row.sex === 'male' ? 'male' : 'female' };
}

function refuseEnded(episode: { state: string }): void {
  if (ENDED.has(episode.state))
    throw conflict('episode_ended', 'This episode has ended: nothing can be recorded for it.', {
      state: episode.state,
    });
}

type LabRow = Awaited<ReturnType<typeof readLabResults>>[number];

function labResultView(r: LabRow): LabResult {
  const stored = asStored(r);
  return {
    id: r.id,
    analyte: stored.analyte,
    value: r.value,
    unit: r.unit,
    loinc: analyteDefinition(stored.analyte).loinc,
    rangeLow: r.rangeLow,
    rangeHigh: r.rangeHigh,
    flag: labFlag(r.value, r.rangeLow, r.rangeHigh),
    sampledOn: r.sampledOn,
    version: r.version,
    recordedAt: r.recordedAt.toISOString(),
    recordedBy: r.recordedBy,
  };
}

type FallRow = Awaited<ReturnType<typeof readFallRiskAssessments>>[number];

function fallRiskView(r: FallRow, config: ClinicalConfig): FallRiskAssessment {
  return {
    id: r.id,
    assessedOn: r.assessedOn,
    fallsPastYear: r.fallsPastYear,
    worriedAboutFalling: r.worriedAboutFalling,
    difficultyWalkingOrBalance: r.difficultyWalkingOrBalance,
    fallRiskIncreasingMedication: r.fallRiskIncreasingMedication,
    version: r.version,
    recordedAt: r.recordedAt.toISOString(),
    recordedBy: r.recordedBy,
    advice: fallAdvice(r, config),
  };
}

/** The patient's fractures as the engine takes them (an unplaced site: the engine sends it to review). */
async function fractureInputs(tx: Transaction, scope: EpisodeScope, indexFractureId: string | null) {
  const rows = await tx
    .select({
      id: fractureEvents.id,
      date: fractureEvents.fractureDate,
      siteCode: fractureEvents.siteCode,
      encounterType: fractureEvents.encounterType,
      traumaMechanism: fractureEvents.traumaMechanism,
      pathological: fractureEvents.pathological,
    })
    .from(fractureEvents)
    .where(
      and(
        eq(fractureEvents.organizationId, scope.organizationId),
        eq(fractureEvents.patientId, scope.patientId),
      ),
    )
    .orderBy(asc(fractureEvents.fractureDate));
  return rows.map((f): FractureInput => ({
    date: f.date,
    site: f.siteCode ?? 'unplaced',
    mechanism:
      f.traumaMechanism === 'low' ? 'lowEnergy' : f.traumaMechanism === 'high' ? 'highEnergy' : 'unknown',
    pathological: f.pathological,
    encounterType: f.encounterType,
    ...(f.id === indexFractureId ? { isIndex: true } : {}),
  }));
}

/**
 * The R6 order list: the engine's assessment of everything the consult knows (sections of every area,
 * consult/sectionLoaders.ts), of which the lab panel part. Input the engine refuses is answered as missing.
 */
function panelOf(input: PatientInput, today: string, config: ClinicalConfig) {
  try {
    return labPanelView(assessPatient(input, today, config).labPanel);
  } catch (error) {
    if (!(error instanceof ClinicalInputError)) throw error;
    return labPanelView({
      status: 'insufficientData',
      missing: [error.field],
      explanation: { rules: [], configKeys: [], conflicts: [] },
    });
  }
}

export async function getLabsAndFalls(
  db: Database,
  actor: Actor,
  episodeId: string,
  today: string,
  config: ClinicalConfig,
): Promise<LabsAndFalls> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const episode = await episodeFacts(tx, actor, episodeId);
    const scope = { organizationId: actor.organizationId, patientId: episode.patientId, episodeId };
    const others = PATIENT_INPUT_SECTION_LOADERS.filter((l) => l !== loadLabAndFallSections);
    const [results, falls, fractures, ...sections] = await Promise.all([
      readLabResults(tx, scope),
      readFallRiskAssessments(tx, scope, 1),
      fractureInputs(tx, scope, episode.indexFractureId),
      ...others.map((load) => load(tx, scope)),
    ]);
    const latest = falls[0] ?? null;
    const merged: PatientInputSections = Object.assign(
      {},
      ...sections,
      labAndFallSectionsOf(results.map(asStored), latest),
    ) as PatientInputSections;
    const input: PatientInput = { ...merged, sex: episode.sex, birthDate: episode.birthDate, fractures };
    trail.record({
      action: 'read',
      objectType: 'episode',
      objectId: episodeId,
      patientId: episode.patientId,
      details: { view: 'labs-and-falls' },
    });
    trail.recordMany([
      ...results.map((r) => ({
        action: 'read' as const,
        objectType: 'lab_result',
        objectId: r.id,
        patientId: episode.patientId,
      })),
      ...(latest === null
        ? []
        : [
            {
              action: 'read' as const,
              objectType: 'fall_risk_assessment',
              objectId: latest.id,
              patientId: episode.patientId,
            },
          ]),
    ]);
    return {
      episodeId,
      patientId: episode.patientId,
      episodeState: episode.state,
      writable: !ENDED.has(episode.state),
      panel: panelOf(input, today, config),
      analytes: LAB_ANALYTE_DEFINITIONS.map(analyteView),
      results: results.map(labResultView),
      fallRisk: latest === null ? null : fallRiskView(latest, config),
      fallRiskVersion: episode.fallRiskVersion,
    };
  });
}

export async function saveLabResults(
  db: Database,
  actor: Actor,
  episodeId: string,
  results: readonly LabResultInput[],
  today: string,
): Promise<LabResult[]> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const episode = await episodeFacts(tx, actor, episodeId);
    refuseEnded(episode);
    const issues = results.flatMap((r, i) =>
      labResultIssues(
        `body.results.${i}`,
        { ...r, rangeLow: r.rangeLow, rangeHigh: r.rangeHigh },
        today,
        episode.birthDate,
      ),
    );
    if (issues.length > 0) throw invalidFields('Some lab results are not valid.', issues);
    const inserted = await tx
      .insert(labResults)
      .values(
        results.map((r) => ({
          organizationId: actor.organizationId,
          patientId: episode.patientId,
          episodeId,
          analyte: r.analyte,
          value: r.value,
          unit: analyteDefinition(r.analyte).unit,
          rangeLow: r.rangeLow,
          rangeHigh: r.rangeHigh,
          sampledOn: r.sampledOn,
          recordedBy: actor.userId,
        })),
      )
      .returning();
    trail.recordMany(
      inserted.map((r) => ({
        action: 'create' as const,
        objectType: 'lab_result',
        objectId: r.id,
        patientId: episode.patientId,
        details: { episodeId, analyte: r.analyte, sampledOn: r.sampledOn },
      })),
    );
    return inserted.map((r) => labResultView({ ...r, recordedBy: actor.displayName }));
  });
}

export async function updateLabResult(
  db: Database,
  actor: Actor,
  labResultId: string,
  body: LabResultUpdateBody,
  today: string,
): Promise<LabResult> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const rows = await tx
      .select({
        id: labResults.id,
        episodeId: labResults.episodeId,
        patientId: labResults.patientId,
        version: labResults.version,
        value: labResults.value,
        state: episodes.state,
        birthDate: patients.birthDate,
      })
      .from(labResults)
      .innerJoin(episodes, eq(episodes.id, labResults.episodeId))
      .innerJoin(patients, eq(patients.id, labResults.patientId))
      .where(and(eq(labResults.id, labResultId), eq(labResults.organizationId, actor.organizationId)));
    const current = rows[0];
    if (current === undefined) throw notFound('Lab result');
    refuseEnded(current);
    const issues = labResultIssues('body', body, today, current.birthDate);
    if (issues.length > 0) throw invalidFields('The lab result is not valid.', issues);
    const stale = () =>
      conflict('stale_version', 'Someone else changed this lab result in the meantime. Reload it first.', {
        version: current.version,
      });
    if (current.version !== body.version) throw stale();
    const updated = await tx
      .update(labResults)
      .set({
        analyte: body.analyte,
        value: body.value,
        unit: analyteDefinition(body.analyte).unit,
        rangeLow: body.rangeLow,
        rangeHigh: body.rangeHigh,
        sampledOn: body.sampledOn,
        version: sql`${labResults.version} + 1`,
        recordedBy: actor.userId,
        recordedAt: sql`now()`,
      })
      .where(and(eq(labResults.id, labResultId), eq(labResults.version, body.version)))
      .returning();
    const row = updated[0];
    if (row === undefined) throw stale();
    trail.record({
      action: 'update',
      objectType: 'lab_result',
      objectId: labResultId,
      patientId: current.patientId,
      details: {
        episodeId: current.episodeId,
        from: { value: current.value },
        to: { value: body.value },
        version: row.version,
      },
    });
    return labResultView({ ...row, recordedBy: actor.displayName });
  });
}

/** Answers and date checked field by field (nothing is saved when one is wrong). */
function fallRiskIssues(body: FallAnswers & { assessedOn: string }, today: string, birthDate: string) {
  return [
    ...fallsIssues('body', body.fallsPastYear),
    ...dateIssues('body.assessedOn', body.assessedOn, today, birthDate),
  ];
}

export async function saveFallRisk(
  db: Database,
  actor: Actor,
  episodeId: string,
  body: FallRiskBody,
  today: string,
  config: ClinicalConfig,
): Promise<FallRiskAssessment> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const episode = await episodeFacts(tx, actor, episodeId);
    refuseEnded(episode);
    const answers: FallAnswers = {
      fallsPastYear: body.fallsPastYear,
      worriedAboutFalling: body.worriedAboutFalling,
      difficultyWalkingOrBalance: body.difficultyWalkingOrBalance,
      fallRiskIncreasingMedication: body.fallRiskIncreasingMedication,
    };
    const issues = fallRiskIssues({ ...answers, assessedOn: body.assessedOn }, today, episode.birthDate);
    if (issues.length > 0) throw invalidFields('The fall-risk screening is not valid.', issues);
    const stale = () =>
      conflict(
        'stale_version',
        'Someone else saved a fall-risk screening in the meantime. Reload it first.',
        {
          version: episode.fallRiskVersion,
        },
      );
    if (episode.fallRiskVersion !== body.version) throw stale();
    let inserted;
    try {
      inserted = await tx
        .insert(fallRiskAssessments)
        .values({
          organizationId: actor.organizationId,
          patientId: episode.patientId,
          episodeId,
          assessedOn: body.assessedOn,
          ...answers,
          version: body.version + 1,
          recordedBy: actor.userId,
        })
        .returning();
    } catch (error) {
      if (sqlStateOf(error) === '23505') throw stale();
      throw error;
    }
    const row = inserted[0];
    if (row === undefined) throw stale();
    trail.record({
      action: 'create',
      objectType: 'fall_risk_assessment',
      objectId: row.id,
      patientId: episode.patientId,
      details: { episodeId, version: row.version },
    });
    return fallRiskView({ ...row, recordedBy: actor.displayName }, config);
  });
}

/** The engine's advice for answers being entered: checks the episode is the caller's, writes no data. */
export async function previewFallRisk(
  db: Database,
  actor: Actor,
  episodeId: string,
  answers: FallAnswers,
  config: ClinicalConfig,
) {
  const issues = fallsIssues('body', answers.fallsPastYear);
  if (issues.length > 0) throw invalidFields('The fall-risk screening is not valid.', issues);
  return auditedTransaction(db, actor, async (tx) => {
    await episodeFacts(tx, actor, episodeId);
    return fallAdvice(answers, config);
  });
}
