// The demo's way into the patient portal (issue 13): one demo patient without an account gets an unused
// activation code, as if their invitation letter had just been printed. The code and date of birth are
// shown with the demo logins, so anyone can try the activation.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { patients } from '../db/schema';
import { inOrganization } from '../audit/auditedTransaction';
import { issuePortalCode } from '../portal/activationCodes';
import { DEFAULT_PORTAL_SETTINGS } from '../portal/portalSettings';
import { DEMO_ZOLEDRONIC_ACID } from './demoFollowUp';

/** The demo patient with the code: in follow-up with a blood test and an infusion planned (their dates). */
export const DEMO_PORTAL_PATIENT = DEMO_ZOLEDRONIC_ACID;

export interface DemoPortalActivation {
  readonly code: string;
  readonly birthDate: string;
  readonly patientName: string;
}

export async function seedDemoPortalActivation(
  db: Database,
  organizationId: string,
  bsn: string,
  now: Date,
): Promise<DemoPortalActivation | null> {
  return inOrganization(db, organizationId, async (tx) => {
    const patient = (
      await tx
        .select({
          id: patients.id,
          birthDate: patients.birthDate,
          givenNames: patients.givenNames,
          familyName: patients.familyName,
        })
        .from(patients)
        .where(eq(patients.bsn, bsn))
    )[0];
    if (patient === undefined) return null;
    const code = await issuePortalCode(
      tx,
      { organizationId, patientId: patient.id },
      'demo',
      now,
      DEFAULT_PORTAL_SETTINGS.codeValidDays,
    );
    return {
      code,
      birthDate: patient.birthDate,
      patientName: `${patient.givenNames} ${patient.familyName}`.trim(),
    };
  });
}
