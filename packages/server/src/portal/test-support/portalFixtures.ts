import type { Harness } from '../../../test/appHarness';
import { inOrganization } from '../../audit/auditedTransaction';
import { issuePortalCode } from '../activationCodes';
import { DEFAULT_PORTAL_SETTINGS } from '../portalSettings';

/** A fresh activation code for a patient, issued at the harness's clock (as printing a letter would). */
export function issueCode(h: Harness, organizationId: string, patientId: string): Promise<string> {
  return inOrganization(h.db.app.db, organizationId, (tx) =>
    issuePortalCode(
      tx,
      { organizationId, patientId },
      'letter',
      h.clock.now(),
      DEFAULT_PORTAL_SETTINGS.codeValidDays,
    ),
  );
}

/** The birth date of a harness patient (createOrganization: `195i-0(1+i)-1i`). */
export async function birthDateOf(h: Harness, patientId: string): Promise<string> {
  const rows = await h.db.owner.query<{ birth_date: string }>(
    `SELECT birth_date::text AS birth_date FROM patients WHERE id = $1`,
    [patientId],
  );
  const birthDate = rows.rows[0]?.birth_date;
  if (birthDate === undefined) throw new Error(`no patient ${patientId}`);
  return birthDate;
}

export const PATIENT_PASSWORD = 'mijn eigen wachtwoord 2026';
