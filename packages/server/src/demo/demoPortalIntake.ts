// The portal's online questionnaire demo (issue 13, item 2): demo patient 2, invited a month ago
// (demoData.ts), has a portal account of their own and has answered the first part online, through the
// real portal function — so the portal shows a questionnaire in progress and staff see it on the episode
// page as filled in online by the patient.
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { patients } from '../db/schema';
import type { Actor } from '../auth/actor';
import { inOrganization } from '../audit/auditedTransaction';
import { createUser } from '../users/userAccounts';
import { readPortalIntake, savePortalIntake } from '../portalIntake/portalIntake';

export const DEMO_PORTAL_INTAKE_PATIENT = 2;
export const DEMO_PORTAL_INTAKE_USERNAME = 'patient.vragenlijst';

/** The first part of the questionnaire, as the patient answered it. */
const FIRST_PART = {
  parentHipFracture: false,
  familyHistoryOsteoporosis: true,
  reducedMobility: false,
  rheumatoidArthritis: false,
  secondaryOsteoporosisCondition: false,
  smoker: false,
  alcoholUnitsPerDay: 1,
};

/** Gives the demo's invited patient a portal account and their first online answers; returns the login. */
export async function seedDemoPortalIntake(
  db: Database,
  organizationId: string,
  bsn: string,
): Promise<{ username: string; password: string; role: 'patient' } | null> {
  const found = await inOrganization(db, organizationId, (tx) =>
    tx
      .select({ id: patients.id, givenNames: patients.givenNames, familyName: patients.familyName })
      .from(patients)
      .where(and(eq(patients.organizationId, organizationId), eq(patients.bsn, bsn))),
  );
  const patient = found[0];
  if (patient === undefined) return null;
  const password = randomBytes(9).toString('base64url');
  const user = await createUser(db, {
    organizationId,
    username: DEMO_PORTAL_INTAKE_USERNAME,
    displayName: `${patient.givenNames} ${patient.familyName}`.trim(),
    role: 'patient',
    password,
    patientId: patient.id,
  });
  const actor: Actor = {
    userId: user.id,
    username: DEMO_PORTAL_INTAKE_USERNAME,
    displayName: user.displayName,
    role: 'patient',
    organizationId,
    patientId: patient.id,
    clientAddress: '127.0.0.1',
    sessionTokenHash: '',
    csrfToken: '',
    accessReason: 'demo data',
  };
  const intake = await readPortalIntake(db, actor, patient.id);
  if (intake.episode !== null)
    await savePortalIntake(db, actor, patient.id, {
      episodeId: intake.episode.id,
      answers: FIRST_PART,
      version: intake.intake?.response?.version ?? 0,
      submit: false,
    });
  return { username: DEMO_PORTAL_INTAKE_USERNAME, password, role: 'patient' };
}
