import { and, eq } from 'drizzle-orm';
import type { IntakeAnswers } from '@osteopad/contract';
import type { Database } from '../db/connection';
import { users } from '../db/schema';
import type { Actor } from '../auth/actor';
import { inOrganization } from '../audit/auditedTransaction';
import { saveIntake } from '../intake/intakeRecords';

/** Demo patients by list position (demoPatients(40)): an intake partly filled, and one completed. */
export const DEMO_INTAKE_PARTLY_FILLED = 12;
export const DEMO_INTAKE_COMPLETED = 13;

const PARTLY: IntakeAnswers = {
  parentHipFracture: false,
  reducedMobility: true,
  smoker: false,
  weightKg: 64,
  heightCm: 168,
  usesGlucocorticoids: true,
  glucocorticoidDoseMgPerDay: 10,
  glucocorticoidMonthsUsed: 5,
};

const COMPLETE: IntakeAnswers = {
  parentHipFracture: true,
  reducedMobility: false,
  rheumatoidArthritis: false,
  secondaryOsteoporosisCondition: false,
  smoker: true,
  alcoholUnitsPerDay: 1,
  weightKg: 57,
  heightCm: 162,
  usesGlucocorticoids: false,
  glucocorticoidBurstsPerYear: 0,
  fallRiskIncreasingMedication: false,
  fallsPastYear: 2,
  worriedAboutFalling: true,
  difficultyWalkingOrBalance: true,
  milkGlass: 1,
  yoghurtPot: 1,
  cheeseSlice: 2,
  usesVitaminD: true,
  vitaminDDailyIU: 400,
  darkSkin: false,
  outdoorsSufficient: false,
  bodyCovering: false,
  recentDentalCheck: true,
  plannedDentalWork: false,
  oralProblems: false,
  canStayUpright30Min: true,
};

/**
 * Intake answers for two demo patients, saved the way a nurse saves them (audited, with revisions):
 * the first partly filled, the second completed after a partial save.
 */
export async function fillDemoIntakes(
  db: Database,
  organizationId: string,
  episodeOf: (index: number) => string | undefined,
): Promise<void> {
  const nurses = await inOrganization(db, organizationId, (tx) =>
    tx
      .select({ id: users.id, username: users.username, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.organizationId, organizationId), eq(users.role, 'nurse'))),
  );
  const nurse = nurses[0];
  if (nurse === undefined) return;
  const actor: Actor = {
    userId: nurse.id,
    username: nurse.username,
    displayName: nurse.displayName,
    role: 'nurse',
    organizationId,
    patientId: null,
    clientAddress: '127.0.0.1',
    sessionTokenHash: '',
    csrfToken: '',
    accessReason: 'demo data',
  };
  const partly = episodeOf(DEMO_INTAKE_PARTLY_FILLED);
  if (partly !== undefined)
    await saveIntake(db, actor, partly, { answers: PARTLY, version: 0, complete: false });
  const completed = episodeOf(DEMO_INTAKE_COMPLETED);
  if (completed !== undefined) {
    const first = await saveIntake(db, actor, completed, { answers: PARTLY, version: 0, complete: false });
    await saveIntake(db, actor, completed, {
      answers: COMPLETE,
      version: first.response?.version ?? 1,
      complete: true,
    });
  }
}
