import { sql } from 'drizzle-orm';
import { completedYears } from '@osteopad/clinical';
import {
  COMPLETABLE_TASK_KINDS,
  DOSE_TASK_KINDS,
  isOneOf,
  TASK_KINDS,
  type EpisodePage,
  type EpisodeReasonCode,
  type EpisodeState,
  type Sex,
} from '@osteopad/contract';
import type { Database } from '../db/connection';
import type { Actor } from '../auth/actor';
import { auditedTransaction } from '../audit/auditedTransaction';
import { notFound } from '../domain/errors';
import type { CallFollowUpConfig } from './callFollowUp';
import { storedEpisodeReason } from './episodeReasons';
import { episodeDocuments, episodeTimeline } from './episodeTimeline';
import { suggestNextStep } from './nextStep';
import { overdueLevel } from '../followUp/followUpChain';
import type { FollowUpSettings } from '../followUp/followUpSettings';

type OpenTask = EpisodePage['openTasks'][number];
type StoredTask = Pick<OpenTask, 'id' | 'kind' | 'dueDate' | 'assigneeRole' | 'seriesKey' | 'treatmentId'>;
type StoredTreatment = Omit<EpisodePage['treatments'][number], 'nextDoseOn'>;

interface PageRow extends Record<string, unknown> {
  page: {
    episode: {
      id: string;
      patientId: string;
      state: EpisodeState;
      stateReasonCode: EpisodeReasonCode | null;
      stateReasonDetails: unknown;
      stateReasonNote: string;
      version: number;
      patientGroup: string | null;
      openedOn: string;
      closedOn: string | null;
      indexFracture: EpisodePage['episode']['indexFracture'];
    };
    patient: Omit<EpisodePage['patient'], 'ageYears' | 'sex'> & { sex: Sex };
    openTasks: StoredTask[];
    appointments: EpisodePage['appointments'];
    treatments: StoredTreatment[];
    intake: EpisodePage['intake'];
  };
}

/**
 * The episode with its patient, index fracture, open tasks (soonest first) and appointments (newest
 * first) as JSON in one SELECT; the timeline and documents come from the areas' sources in the same
 * unit of work, which logs one read of the patient.
 */
function episodePageQuery(organizationId: string, episodeId: string) {
  return sql`
    SELECT json_build_object(
      'episode', json_build_object('id', e.id, 'patientId', e.patient_id, 'state', e.state,
        'stateReasonCode', e.state_reason_code, 'stateReasonDetails', e.state_reason_details,
        'stateReasonNote', e.state_reason_note, 'version', e.version, 'patientGroup', e.patient_group,
        'openedOn', e.opened_on, 'closedOn', e.closed_on,
        'indexFracture', (SELECT json_build_object('id', f.id, 'fractureDate', f.fracture_date,
            'siteCode', f.site_code, 'siteText', f.site_text, 'vertebralLevels', f.vertebral_levels)
          FROM fracture_events f WHERE f.id = e.index_fracture_id AND f.organization_id = e.organization_id)),
      'patient', json_build_object('id', p.id, 'familyName', p.family_name, 'givenNames', p.given_names,
        'initials', p.initials, 'hospitalNumber', p.source_id, 'birthDate', p.birth_date, 'sex', p.sex),
      'openTasks', coalesce((SELECT json_agg(json_build_object('id', t.id, 'kind', t.kind, 'dueDate', t.due_date,
          'assigneeRole', t.assignee_role, 'seriesKey', t.series_key, 'treatmentId', t.treatment_id)
          ORDER BY t.due_date, t.id)
        FROM tasks t WHERE t.episode_id = e.id AND t.organization_id = e.organization_id AND t.status = 'open'),
        '[]'::json),
      'appointments', coalesce((SELECT json_agg(json_build_object('id', a.id, 'date', a.date, 'time', a.time,
          'kinds', a.kinds, 'status', a.status, 'note', a.note, 'version', a.version) ORDER BY a.date DESC, a.id)
        FROM appointments a WHERE a.episode_id = e.id AND a.organization_id = e.organization_id), '[]'::json),
      'treatments', coalesce((SELECT json_agg(json_build_object('id', r.id, 'drug', r.drug, 'status', r.status,
          'startedOn', r.started_on, 'lastDoseOn', r.last_dose_on, 'endedOn', r.ended_on,
          'endReason', r.end_reason, 'followsTreatmentId', r.follows_treatment_id) ORDER BY r.started_on, r.created_at, r.id)
        FROM treatments r WHERE r.episode_id = e.id AND r.organization_id = e.organization_id), '[]'::json),
      'intake', (SELECT json_build_object('status', i.status, 'updatedAt', i.updated_at,
          'completedAt', i.completed_at, 'answered', (SELECT count(*) FROM jsonb_object_keys(i.answers)),
          'byPatient', coalesce(u.role = 'patient', false))
        FROM intake_responses i LEFT JOIN users u ON u.id = i.updated_by
        WHERE i.episode_id = e.id AND i.organization_id = e.organization_id)
    ) AS page
    FROM episodes e JOIN patients p ON p.id = e.patient_id AND p.organization_id = e.organization_id
    WHERE e.id = ${episodeId}::uuid AND e.organization_id = ${organizationId}::uuid`;
}

/** Whether the page completes the task, and how overdue it is today (followUpChain.ts). */
function withFollowUp(task: StoredTask, today: string, settings: FollowUpSettings): OpenTask {
  return {
    ...task,
    completable: isOneOf(COMPLETABLE_TASK_KINDS, task.kind),
    overdueLevel: isOneOf(TASK_KINDS, task.kind)
      ? overdueLevel(task.kind, task.dueDate, today, settings)
      : task.dueDate < today
        ? 'overdue'
        : 'none',
  };
}

/** A course's next dose: the soonest open dose task of the course (tasks come soonest first). */
function withNextDose(course: StoredTreatment, openTasks: readonly StoredTask[]) {
  const dose = openTasks.find((t) => t.treatmentId === course.id && isOneOf(DOSE_TASK_KINDS, t.kind));
  return { ...course, nextDoseOn: dose?.dueDate ?? null };
}

/** `GET /api/episodes/:episodeId`: the episode page, audited as a read of its patient. */
export function getEpisodePage(
  db: Database,
  actor: Actor,
  episodeId: string,
  today: string,
  callFollowUp: CallFollowUpConfig,
  followUp: FollowUpSettings,
): Promise<EpisodePage> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const rows = await tx.execute<PageRow>(episodePageQuery(actor.organizationId, episodeId));
    const page = rows.rows[0]?.page;
    if (page === undefined) throw notFound('Episode');
    const { episode, patient, appointments } = page;
    const openTasks = page.openTasks.map((task) => withFollowUp(task, today, followUp));
    const scope = { organizationId: actor.organizationId, patientId: episode.patientId, episodeId };
    const timeline = await episodeTimeline(tx, scope);
    const documents = await episodeDocuments(tx, scope);
    trail.record({
      action: 'read',
      objectType: 'patient',
      objectId: patient.id,
      patientId: patient.id,
      details: { view: 'episode', episodeId },
    });
    return {
      episode: {
        id: episode.id,
        state: episode.state,
        stateReason: storedEpisodeReason(
          episode.stateReasonCode,
          episode.stateReasonDetails,
          episode.stateReasonNote,
        ),
        version: episode.version,
        patientGroup: episode.patientGroup,
        openedOn: episode.openedOn,
        closedOn: episode.closedOn,
        indexFracture: episode.indexFracture,
      },
      patient: { ...patient, ageYears: completedYears(patient.birthDate, today) },
      openTasks,
      appointments,
      timeline,
      documents,
      nextStep: suggestNextStep({ state: episode.state, openTasks, appointments }),
      callFollowUp,
      treatments: page.treatments.map((course) => withNextDose(course, page.openTasks)),
      followUp: { denosumabOverdueDays: followUp.denosumabOverdueDays },
      intake:
        page.intake === null
          ? null
          : {
              ...page.intake,
              updatedAt: new Date(page.intake.updatedAt).toISOString(),
              completedAt:
                page.intake.completedAt === null ? null : new Date(page.intake.completedAt).toISOString(),
            },
    };
  });
}
