import { sql } from 'drizzle-orm';
import { completedYears } from '@osteopad/clinical';
import type { EpisodePage, EpisodeReasonCode, EpisodeState, Sex } from '@osteopad/contract';
import type { Database } from '../db/connection';
import type { Actor } from '../auth/actor';
import { auditedTransaction } from '../audit/auditedTransaction';
import { notFound } from '../domain/errors';
import type { CallFollowUpConfig } from './callFollowUp';
import { storedEpisodeReason } from './episodeReasons';
import { episodeDocuments, episodeTimeline } from './episodeTimeline';
import { suggestNextStep } from './nextStep';

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
    openTasks: EpisodePage['openTasks'];
    appointments: EpisodePage['appointments'];
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
          'assigneeRole', t.assignee_role) ORDER BY t.due_date, t.id)
        FROM tasks t WHERE t.episode_id = e.id AND t.organization_id = e.organization_id AND t.status = 'open'),
        '[]'::json),
      'appointments', coalesce((SELECT json_agg(json_build_object('id', a.id, 'date', a.date, 'time', a.time,
          'kinds', a.kinds, 'status', a.status, 'note', a.note, 'version', a.version) ORDER BY a.date DESC, a.id)
        FROM appointments a WHERE a.episode_id = e.id AND a.organization_id = e.organization_id), '[]'::json)
    ) AS page
    FROM episodes e JOIN patients p ON p.id = e.patient_id AND p.organization_id = e.organization_id
    WHERE e.id = ${episodeId}::uuid AND e.organization_id = ${organizationId}::uuid`;
}

/** `GET /api/episodes/:episodeId`: the episode page, audited as a read of its patient. */
export function getEpisodePage(
  db: Database,
  actor: Actor,
  episodeId: string,
  today: string,
  callFollowUp: CallFollowUpConfig,
): Promise<EpisodePage> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const rows = await tx.execute<PageRow>(episodePageQuery(actor.organizationId, episodeId));
    const page = rows.rows[0]?.page;
    if (page === undefined) throw notFound('Episode');
    const { episode, patient, openTasks, appointments } = page;
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
    };
  });
}
