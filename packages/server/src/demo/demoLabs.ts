import { and, eq } from 'drizzle-orm';
import { addDays, type ClinicalConfig } from '@osteopad/clinical';
import type { Database } from '../db/connection';
import { users } from '../db/schema';
import type { Actor } from '../auth/actor';
import { inOrganization } from '../audit/auditedTransaction';
import { saveFallRisk, saveLabResults } from '../labResults/labResultsRecords';

/**
 * Demo labs and fall risk, entered as the demo nurse would: patient 14 (of demoPatients(40)) with a full basic
 * panel and a fall-risk screening, patient 16 with some labs only. Reference ranges are demo values as a
 * laboratory would print them, not defaults of Osteopad (except 25(OH)D ≥ 30 nmol/L, R13.4).
 */
export async function addDemoLabs(
  db: Database,
  organizationId: string,
  episodeOf: (index: number) => string | undefined,
  today: string,
  config: ClinicalConfig,
): Promise<void> {
  const nurses = await inOrganization(db, organizationId, (tx) =>
    tx
      .select({ id: users.id, username: users.username, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.organizationId, organizationId), eq(users.role, 'nurse')))
      .limit(1),
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
  const sampledOn = addDays(today, -3);
  const full = episodeOf(14);
  if (full !== undefined) {
    await saveLabResults(
      db,
      actor,
      full,
      [
        { analyte: 'calcium', value: 2.35, rangeLow: 2.2, rangeHigh: 2.6, sampledOn },
        { analyte: 'albumin', value: 38, rangeLow: 35, rangeHigh: 50, sampledOn },
        { analyte: 'albuminCorrectedCalcium', value: 2.4, rangeLow: 2.2, rangeHigh: 2.6, sampledOn },
        { analyte: 'creatinine', value: 88, rangeLow: 50, rangeHigh: 90, sampledOn },
        { analyte: 'eGFR', value: 58, rangeLow: 60, rangeHigh: null, sampledOn },
        { analyte: 'TSH', value: 1.8, rangeLow: 0.5, rangeHigh: 4, sampledOn },
        { analyte: '25OHD', value: 24, rangeLow: 30, rangeHigh: null, sampledOn },
      ],
      today,
    );
    await saveFallRisk(
      db,
      actor,
      full,
      {
        fallsPastYear: 2,
        worriedAboutFalling: true,
        difficultyWalkingOrBalance: true,
        fallRiskIncreasingMedication: null,
        assessedOn: sampledOn,
        version: 0,
      },
      today,
      config,
    );
  }
  const some = episodeOf(16);
  if (some !== undefined) {
    await saveLabResults(
      db,
      actor,
      some,
      [
        { analyte: 'calcium', value: 2.7, rangeLow: 2.2, rangeHigh: 2.6, sampledOn },
        { analyte: '25OHD', value: 55, rangeLow: 30, rangeHigh: null, sampledOn },
        { analyte: 'TSH', value: 2.1, rangeLow: null, rangeHigh: null, sampledOn },
      ],
      today,
    );
  }
}
