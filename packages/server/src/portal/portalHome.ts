// The portal's home (issue 13): the signed-in patient's name, date of birth, the state of their episodes
// and their upcoming dates (the same function staff read them with: upcoming/upcomingDates.ts).
import { and, desc, eq } from 'drizzle-orm';
import type { PortalMe } from '@osteopad/contract';
import type { Database } from '../db/connection';
import { episodes, organizations, patients } from '../db/schema';
import { auditedTransaction } from '../audit/auditedTransaction';
import { notFound } from '../domain/errors';
import { loadUpcomingDates } from '../upcoming/upcomingDates';
import type { PortalPatient } from '../auth/requirePortalPatient';

export async function loadPortalHome(
  db: Database,
  { actor, patientId }: PortalPatient,
  today: string,
): Promise<PortalMe> {
  const record = await auditedTransaction(db, actor, async (tx, trail) => {
    const patient = (
      await tx
        .select({
          givenNames: patients.givenNames,
          familyName: patients.familyName,
          birthDate: patients.birthDate,
        })
        .from(patients)
        .where(and(eq(patients.id, patientId), eq(patients.organizationId, actor.organizationId)))
    )[0];
    if (patient === undefined) throw notFound('Patient');
    const ownEpisodes = await tx
      .select({ id: episodes.id, state: episodes.state, openedOn: episodes.openedOn })
      .from(episodes)
      .where(and(eq(episodes.patientId, patientId), eq(episodes.organizationId, actor.organizationId)))
      .orderBy(desc(episodes.openedOn), desc(episodes.id));
    const org = (
      await tx
        .select({
          name: organizations.name,
          phone: organizations.phoneDepartment,
          general: organizations.phoneGeneral,
        })
        .from(organizations)
        .where(eq(organizations.id, actor.organizationId))
    )[0];
    trail.record({
      action: 'read',
      objectType: 'patient',
      objectId: patientId,
      patientId,
      details: { view: 'portal_home' },
    });
    return {
      patient,
      episodes: ownEpisodes,
      clinic: { name: org?.name ?? '', phone: org?.phone || org?.general || '' },
    };
  });
  const upcoming = await loadUpcomingDates(db, actor, patientId, today);
  return { ...record, upcoming: upcoming.items };
}
