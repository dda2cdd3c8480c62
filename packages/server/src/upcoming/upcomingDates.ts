// The patient's upcoming dates (issue 12, item 7): the open tasks they come for or are given, and their
// planned appointments. One statement with its read event (audit/auditInStatement.ts). Staff read it
// through GET /api/patients/:patientId/upcoming; the patient portal (issue 13) calls the same function
// with the patient's own id and actor, and gets the same answer.
import { sql, type SQL } from 'drizzle-orm';
import { PATIENT_FACING_TASK_KINDS, type UpcomingDates } from '@osteopad/contract';
import type { Database } from '../db/connection';
import type { Actor } from '../auth/actor';
import { auditedRead } from '../audit/auditInStatement';
import { notFound } from '../domain/errors';

/**
 * The dates of one patient, soonest first: open tasks of PATIENT_FACING_TASK_KINDS (whatever their date:
 * an overdue dose is still to come) and planned appointments from `today` on, with the hospital's name
 * and address as their place. Reached through the patient's episodes (episodes_patient_idx, then the
 * tasks' and appointments' episode indexes). Nothing else of the patient: no BSN, no diagnosis.
 */
export function upcomingDatesQuery(organizationId: string, patientId: string, today: string): SQL {
  return sql`
    SELECT p.id AS "patientId", coalesce((
      SELECT json_agg(json_build_object('id', x.id, 'kind', x.kind, 'date', x.date, 'time', x.time,
                                        'appointmentKinds', x.kinds, 'location', x.location)
                      ORDER BY x.date, x.time NULLS FIRST, x.id)
        FROM (
          SELECT 'task:' || t.id AS id, t.kind, t.due_date::text AS date, NULL::text AS time,
                 '{}'::text[] AS kinds, NULL::text AS location
            FROM episodes e
            JOIN tasks t ON t.episode_id = e.id AND t.organization_id = ${organizationId}::uuid
           WHERE e.patient_id = p.id AND e.organization_id = ${organizationId}::uuid
             AND t.status = 'open' AND t.kind = ANY(${sql.param([...PATIENT_FACING_TASK_KINDS])}::text[])
          UNION ALL
          SELECT 'appointment:' || a.id, 'appointment', a.date::text, a.time, a.kinds,
                 nullif(concat_ws(', ', nullif(o.name, ''), nullif(trim(o.street || ' ' || o.house_number), ''),
                                  nullif(trim(o.postal_code || ' ' || o.city), '')), '')
            FROM episodes e
            JOIN appointments a ON a.episode_id = e.id AND a.organization_id = ${organizationId}::uuid
            JOIN organizations o ON o.id = a.organization_id
           WHERE e.patient_id = p.id AND e.organization_id = ${organizationId}::uuid
             AND a.status = 'planned' AND a.date >= ${today}::date
        ) x), '[]'::json) AS items
      FROM patients p
     WHERE p.id = ${patientId}::uuid AND p.organization_id = ${organizationId}::uuid`;
}

type Row = UpcomingDates & Record<string, unknown>;

/**
 * The patient's upcoming dates, read and logged (one read event of the patient, `view: 'upcoming'`, or
 * `view: 'calendar'` for the .ics file) in one statement; another organisation's patient is not found.
 */
export async function loadUpcomingDates(
  db: Database,
  actor: Actor,
  patientId: string,
  today: string,
  view: 'upcoming' | 'calendar' = 'upcoming',
): Promise<UpcomingDates> {
  const read = {
    action: 'read' as const,
    objectType: 'patient',
    objectId: patientId,
    patientId,
    details: { view },
  };
  const rows = await auditedRead<Row>(db, actor, {
    rows: upcomingDatesQuery(actor.organizationId, patientId, today),
    reads: { patientIdColumn: 'patientId', objectType: read.objectType, details: read.details },
    attempted: [read],
    statementName: `osteopad_upcoming_${view}`,
  });
  const row = rows[0];
  if (row === undefined) throw notFound('Patient');
  return { patientId: row.patientId, items: row.items };
}
