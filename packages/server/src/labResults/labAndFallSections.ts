import { and, desc, eq } from 'drizzle-orm';
import type { LabInput } from '@osteopad/clinical';
import type { LabAnalyte, TimelineEntry } from '@osteopad/contract';
import type { Transaction } from '../db/connection';
import { fallRiskAssessments, labResults, users } from '../db/schema';
import type {
  EpisodeScope,
  PatientInputSectionLoader,
  PatientInputSections,
  TimelineSource,
} from '../consult/patientInputSections';
import { labFlag } from './labAnalytes';
import { fallsInputOf, type FallAnswers } from './labEngine';

/*
 * What the labs and the fall-risk screening give the engine (`labs`, `falls`) and the episode's timeline.
 * The mapping functions are pure (tested apart); the loader and the timeline source read one episode.
 */

export interface StoredLabResult {
  analyte: LabAnalyte;
  value: number;
  rangeLow: number | null;
  rangeHigh: number | null;
  sampledOn: string;
  recordedAt: Date;
}

/** The latest result per analyte: the latest sample, and of one day the latest recorded. */
export function latestPerAnalyte<T extends StoredLabResult>(results: readonly T[]): Map<LabAnalyte, T> {
  const latest = new Map<LabAnalyte, T>();
  for (const r of results) {
    const seen = latest.get(r.analyte);
    if (
      seen === undefined ||
      r.sampledOn > seen.sampledOn ||
      (r.sampledOn === seen.sampledOn && r.recordedAt > seen.recordedAt)
    )
      latest.set(r.analyte, r);
  }
  return latest;
}

/**
 * The engine's LabInput from the latest results: eGFR (ml/min), 25(OH)D (nmol/L), albumin-corrected calcium
 * (mmol/L) with its flag against the laboratory's range (none without a range: the engine then asks for it).
 * Undefined when none of these was measured.
 */
export function labInputOf(results: readonly StoredLabResult[]): LabInput | undefined {
  const latest = latestPerAnalyte(results);
  const egfr = latest.get('eGFR');
  const vitaminD = latest.get('25OHD');
  const calcium = latest.get('albuminCorrectedCalcium');
  const calciumFlag =
    calcium === undefined ? null : labFlag(calcium.value, calcium.rangeLow, calcium.rangeHigh);
  const input: LabInput = {
    ...(egfr === undefined ? {} : { eGFRMlMin: egfr.value }),
    ...(vitaminD === undefined ? {} : { serum25OHDNmolL: vitaminD.value }),
    ...(calcium === undefined ? {} : { albuminCorrectedCalciumMmolL: calcium.value }),
    ...(calciumFlag === null ? {} : { albuminCorrectedCalciumFlag: calciumFlag }),
  };
  return Object.keys(input).length === 0 ? undefined : input;
}

/** The engine's sections from this area's rows: `labs` and `falls` (the latest assessment), when recorded. */
export function labAndFallSectionsOf(
  results: readonly StoredLabResult[],
  latestFallRisk: FallAnswers | null,
): PatientInputSections {
  const labs = labInputOf(results);
  return {
    ...(labs === undefined ? {} : { labs }),
    ...(latestFallRisk === null ? {} : { falls: fallsInputOf(latestFallRisk) }),
  };
}

export async function readLabResults(tx: Transaction, scope: EpisodeScope) {
  return tx
    .select({
      id: labResults.id,
      analyte: labResults.analyte,
      value: labResults.value,
      unit: labResults.unit,
      rangeLow: labResults.rangeLow,
      rangeHigh: labResults.rangeHigh,
      sampledOn: labResults.sampledOn,
      version: labResults.version,
      recordedAt: labResults.recordedAt,
      recordedBy: users.displayName,
    })
    .from(labResults)
    .leftJoin(users, eq(users.id, labResults.recordedBy))
    .where(
      and(eq(labResults.organizationId, scope.organizationId), eq(labResults.episodeId, scope.episodeId)),
    )
    .orderBy(desc(labResults.sampledOn), desc(labResults.recordedAt));
}

export async function readFallRiskAssessments(tx: Transaction, scope: EpisodeScope, limit: number) {
  return tx
    .select({
      id: fallRiskAssessments.id,
      assessedOn: fallRiskAssessments.assessedOn,
      fallsPastYear: fallRiskAssessments.fallsPastYear,
      worriedAboutFalling: fallRiskAssessments.worriedAboutFalling,
      difficultyWalkingOrBalance: fallRiskAssessments.difficultyWalkingOrBalance,
      fallRiskIncreasingMedication: fallRiskAssessments.fallRiskIncreasingMedication,
      version: fallRiskAssessments.version,
      recordedAt: fallRiskAssessments.recordedAt,
      recordedBy: users.displayName,
    })
    .from(fallRiskAssessments)
    .leftJoin(users, eq(users.id, fallRiskAssessments.recordedBy))
    .where(
      and(
        eq(fallRiskAssessments.organizationId, scope.organizationId),
        eq(fallRiskAssessments.episodeId, scope.episodeId),
      ),
    )
    .orderBy(desc(fallRiskAssessments.version))
    .limit(limit);
}

type LabResultRow = Awaited<ReturnType<typeof readLabResults>>[number];

/** A stored row with its analyte as the code it was saved as (the routes accept only LAB_ANALYTES). */
export const asStored = (r: LabResultRow): LabResultRow & StoredLabResult => ({
  ...r,
  analyte: r.analyte as LabAnalyte,
});

/** The engine's `labs` and `falls` of an episode (consult/sectionLoaders.ts). */
export const loadLabAndFallSections: PatientInputSectionLoader = async (tx, scope) => {
  const [results, falls] = await Promise.all([
    readLabResults(tx, scope),
    readFallRiskAssessments(tx, scope, 1),
  ]);
  return labAndFallSectionsOf(results.map(asStored), falls[0] ?? null);
};

/** Timeline entries: each lab result recorded (`lab_result_recorded`), each fall-risk screening (`fall_risk_assessed`). */
export function labAndFallTimelineEntries(
  results: readonly (StoredLabResult & { unit: string; recordedBy: string | null })[],
  assessments: readonly (FallAnswers & { assessedOn: string; recordedAt: Date; recordedBy: string | null })[],
): TimelineEntry[] {
  return [
    ...results.map((r) => ({
      at: r.recordedAt.toISOString(),
      kind: 'lab_result_recorded',
      actor: r.recordedBy,
      details: {
        analyte: r.analyte,
        value: r.value,
        unit: r.unit,
        sampledOn: r.sampledOn,
        flag: labFlag(r.value, r.rangeLow, r.rangeHigh),
      },
      note: null,
    })),
    ...assessments.map((a) => ({
      at: a.recordedAt.toISOString(),
      kind: 'fall_risk_assessed',
      actor: a.recordedBy,
      details: {
        assessedOn: a.assessedOn,
        fallsPastYear: a.fallsPastYear,
        worriedAboutFalling: a.worriedAboutFalling,
        difficultyWalkingOrBalance: a.difficultyWalkingOrBalance,
      },
      note: null,
    })),
  ];
}

/** The episode page's entries of this area (episodes/episodeTimeline.ts, wired at the merge). */
export const labAndFallTimeline: TimelineSource = async (tx, scope) => {
  const [results, assessments] = await Promise.all([
    readLabResults(tx, scope),
    readFallRiskAssessments(tx, scope, 100),
  ]);
  return labAndFallTimelineEntries(results.map(asStored), assessments);
};
