import { and, eq } from 'drizzle-orm';
import { addDays } from '@osteopad/clinical';
import type { Database } from '../db/connection';
import { appointments, episodes, fractureEvents, patients, tasks, users } from '../db/schema';
import { inOrganization } from '../audit/auditedTransaction';
import type { Actor } from '../auth/actor';
import { DEFAULT_CALL_FOLLOW_UP } from '../episodes/callFollowUp';
import { decideEligibility, markInvited, markReminded, recordDecline } from '../episodes/episodeRecords';
import {
  changeAppointment,
  includeFracture,
  planAppointment,
  recordCallOutcome,
  reopenEpisode,
} from '../episodes/invitationLoop';
import { demoPatients } from './demoData';

/** The invitation loop's demo patients (indices of demoPatients(40); 1–6 are the invitation demo's). */
const INCLUDED_AND_ATTENDED = 7; // a toe fracture the rules excluded, included by the nurse; came today
const APPOINTMENT_PLANNED = 8; // replied: appointment next week (state intake)
const REOPENED = 9; // unplaced site: reviewed eligible, invited, declined, then reopened
const CALL_NOT_REACHED = 10; // invited, reminded, the reminder call did not reach her: next call due

/**
 * Moves the invitation loop's demo patients along through the real actions, so a fresh start shows the
 * episode page with appointments, call outcomes, a reopened and an included episode.
 */
export async function seedInvitationLoopDemo(
  db: Database,
  organizationId: string,
  secretary: Actor,
  today: string,
): Promise<void> {
  const bsns = demoPatients(40).map((p) => p.bsn ?? '');
  const { nurseRow, rows } = await inOrganization(db, organizationId, async (tx) => ({
    nurseRow: (
      await tx
        .select({ id: users.id, username: users.username, displayName: users.displayName })
        .from(users)
        .where(and(eq(users.organizationId, organizationId), eq(users.role, 'nurse')))
        .limit(1)
    )[0],
    rows: await tx
      .select({ bsn: patients.bsn, episodeId: episodes.id, fractureId: fractureEvents.id })
      .from(fractureEvents)
      .innerJoin(patients, eq(patients.id, fractureEvents.patientId))
      .leftJoin(episodes, eq(episodes.indexFractureId, fractureEvents.id)),
  }));
  if (nurseRow === undefined) return;
  const nurse: Actor = {
    ...secretary,
    userId: nurseRow.id,
    username: nurseRow.username,
    displayName: nurseRow.displayName,
    role: 'nurse',
  };
  const of = (index: number) => rows.find((r) => r.bsn === bsns[index]);
  const version = async (episodeId: string): Promise<number> =>
    (
      await inOrganization(db, organizationId, (tx) =>
        tx.select({ version: episodes.version }).from(episodes).where(eq(episodes.id, episodeId)),
      )
    )[0]?.version ?? 1;

  const included = of(INCLUDED_AND_ATTENDED);
  if (included !== undefined && included.episodeId === null) {
    const result = await includeFracture(
      db,
      nurse,
      included.fractureId,
      { reason: 'clinical_judgement', note: 'val van de trap, geen hoogenergetisch trauma' },
      today,
    );
    await markInvited(db, secretary, result.episodeId, addDays(today, -14), today);
    const planned = await planAppointment(
      db,
      secretary,
      result.episodeId,
      {
        date: today,
        time: '09:00',
        kinds: ['dxa_vfa', 'labs', 'consult'],
        note: '',
        expectedVersion: await version(result.episodeId),
      },
      today,
    );
    const appointment = await inOrganization(db, organizationId, (tx) =>
      tx
        .select({ id: appointments.id })
        .from(appointments)
        .where(eq(appointments.episodeId, planned.episodeId)),
    );
    const appointmentId = appointment[0]?.id;
    if (appointmentId !== undefined)
      await changeAppointment(
        db,
        nurse,
        appointmentId,
        { status: 'attended', note: '', expectedVersion: 1 },
        today,
      );
  }

  const planned = of(APPOINTMENT_PLANNED)?.episodeId ?? null;
  if (planned !== null) {
    await markInvited(db, secretary, planned, addDays(today, -10), today);
    await planAppointment(
      db,
      secretary,
      planned,
      {
        date: addDays(today, 7),
        time: '10:30',
        kinds: ['dxa_vfa', 'consult'],
        note: 'komt met dochter',
        expectedVersion: await version(planned),
      },
      today,
    );
  }

  const reopened = of(REOPENED)?.episodeId ?? null;
  if (reopened !== null) {
    await decideEligibility(db, nurse, reopened, { eligible: true, note: 'sesambeen telt mee' }, today);
    await markInvited(db, secretary, reopened, addDays(today, -20), today);
    await recordDecline(db, secretary, reopened, 'not_interested', '', today);
    await reopenEpisode(
      db,
      secretary,
      reopened,
      { reason: 'patient_changed_mind', note: 'belde zelf terug', expectedVersion: await version(reopened) },
      today,
    );
  }

  const notReached = of(CALL_NOT_REACHED)?.episodeId ?? null;
  if (notReached !== null) {
    await markInvited(db, secretary, notReached, addDays(today, -45), today);
    await markReminded(db, secretary, notReached, addDays(today, -24), today);
    const call = await inOrganization(db, organizationId, (tx) =>
      tx
        .select({ id: tasks.id })
        .from(tasks)
        .where(
          and(
            eq(tasks.episodeId, notReached),
            eq(tasks.kind, 'no_response_follow_up'),
            eq(tasks.status, 'open'),
          ),
        ),
    );
    const taskId = call[0]?.id;
    if (taskId !== undefined)
      await recordCallOutcome(
        db,
        secretary,
        taskId,
        { outcome: 'not_reached', note: 'voicemail ingesproken' },
        today,
        DEFAULT_CALL_FOLLOW_UP,
      );
  }
}
