import { sql } from 'drizzle-orm';
import type { TimelineEntry } from '@osteopad/contract';
import type { DocumentSource, EpisodeScope, TimelineSource } from '../consult/patientInputSections';
import type { Transaction } from '../db/connection';
import { decisionTimeline } from '../decision/storedDecision';
import { intakeTimeline } from '../intake/intakeRecords';
import { densitometryTimeline } from '../investigations/densitometrySections';
import { labAndFallTimeline } from '../labResults/labAndFallSections';
import { documentsTimeline, episodeDocumentsSource } from '../letters/consult/episodeDocumentSources';

/**
 * The invitation loop's entries of the episode's timeline, in one statement: state changes with their
 * reason (details flattened: codes, dates, numbers), tasks created and closed (a reminder call as its
 * outcome), appointments planned and changed, the inclusion of the index fracture by a clinician, and
 * the patient's radiology findings confirmed.
 */
export const loopTimeline: TimelineSource = async (tx: Transaction, scope: EpisodeScope) => {
  const org = scope.organizationId;
  const result = await tx.execute<TimelineEntry & Record<string, unknown>>(sql`
    SELECT to_char(x.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, x.kind, u.display_name AS actor,
      x.details, nullif(x.note, '') AS note
    FROM (
      SELECT ev.occurred_at AS at, 'state_changed' AS kind, ev.actor_user_id AS user_id,
        (SELECT coalesce(jsonb_object_agg(k, v), '{}'::jsonb) FROM jsonb_each(ev.details) d(k, v)
          WHERE jsonb_typeof(v) IN ('string', 'number', 'boolean'))
          || jsonb_build_object('from', ev.from_state, 'to', ev.to_state, 'reasonCode', ev.reason_code) AS details,
        ev.note
      FROM episode_events ev WHERE ev.episode_id = ${scope.episodeId}::uuid AND ev.organization_id = ${org}::uuid
      UNION ALL
      SELECT t.created_at, 'task_created', NULL, jsonb_build_object('taskKind', t.kind, 'dueDate', t.due_date), ''
      FROM tasks t WHERE t.episode_id = ${scope.episodeId}::uuid AND t.organization_id = ${org}::uuid
      UNION ALL
      SELECT t.completed_at,
        CASE WHEN t.details ? 'call' THEN 'call_outcome' WHEN t.status = 'done' THEN 'task_done' ELSE 'task_cancelled' END,
        t.completed_by,
        jsonb_build_object('taskKind', t.kind, 'outcome', t.outcome,
          'attempt', coalesce((t.details->'call'->>'attempt')::int, 1), 'nextStep', t.details->'call'->>'nextStep'),
        coalesce(t.details->'call'->>'note', '')
      FROM tasks t WHERE t.episode_id = ${scope.episodeId}::uuid AND t.organization_id = ${org}::uuid
        AND t.status <> 'open' AND t.completed_at IS NOT NULL
      UNION ALL
      SELECT a.created_at, 'appointment_planned', a.created_by,
        jsonb_build_object('date', a.date, 'time', a.time, 'kinds', array_to_string(a.kinds, ',')), a.note
      FROM appointments a WHERE a.episode_id = ${scope.episodeId}::uuid AND a.organization_id = ${org}::uuid
      UNION ALL
      SELECT a.updated_at, 'appointment_changed', NULL,
        jsonb_build_object('status', a.status, 'date', a.date, 'time', a.time), ''
      FROM appointments a WHERE a.episode_id = ${scope.episodeId}::uuid AND a.organization_id = ${org}::uuid
        AND a.version > 1
      UNION ALL
      SELECT (f.eligibility_engine->'inclusion'->>'at')::timestamptz, 'fracture_included',
        (f.eligibility_engine->'inclusion'->>'by')::uuid,
        jsonb_build_object('reason', f.eligibility_engine->'inclusion'->>'reason',
          'previousReason', f.eligibility_engine->'inclusion'->'previous'->>'eligibilityReason'),
        coalesce(f.eligibility_engine->'inclusion'->>'note', '')
      FROM episodes e JOIN fracture_events f ON f.id = e.index_fracture_id AND f.organization_id = e.organization_id
      WHERE e.id = ${scope.episodeId}::uuid AND e.organization_id = ${org}::uuid
        AND f.eligibility_engine ? 'inclusion'
      UNION ALL
      SELECT r.updated_at, 'finding_confirmed', NULL,
        jsonb_build_object('levels', array_to_string(r.levels, ', '), 'reportDate', r.report_date), ''
      FROM report_findings r WHERE r.patient_id = ${scope.patientId}::uuid AND r.organization_id = ${org}::uuid
        AND r.status = 'confirmed'
    ) x LEFT JOIN users u ON u.id = x.user_id`);
  return result.rows.map((row) => ({
    at: row.at,
    kind: row.kind,
    actor: row.actor,
    details: row.details,
    note: row.note,
  }));
};

/**
 * Every area's timeline entries of an episode (the episode page merges them by time): the invitation
 * loop, the intake, DXA/VFA, labs and fall risk, the decision and the letters. A new area appends its
 * source here.
 */
export const TIMELINE_SOURCES: readonly TimelineSource[] = [
  loopTimeline,
  intakeTimeline,
  densitometryTimeline,
  labAndFallTimeline,
  decisionTimeline,
  documentsTimeline,
];

/** Every area's documents of an episode: the consult letters as kept. */
export const DOCUMENT_SOURCES: readonly DocumentSource[] = [episodeDocumentsSource];

/** All entries of the episode, newest first (the sources may write their times with any offset). */
export async function episodeTimeline(tx: Transaction, scope: EpisodeScope): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  for (const source of TIMELINE_SOURCES) entries.push(...(await source(tx, scope)));
  return entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** All documents of the episode, newest first. */
export async function episodeDocuments(tx: Transaction, scope: EpisodeScope) {
  const documents = [];
  for (const source of DOCUMENT_SOURCES) documents.push(...(await source(tx, scope)));
  return documents.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
