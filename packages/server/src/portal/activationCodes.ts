// The letter's activation code (issue 13): made when a letter is printed, printed on it, and kept only as
// its SHA-256. A new letter's code replaces the patient's earlier unused ones, so only the newest letter
// opens the portal.
import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import { portalActivationCodes } from '../db/schema';
import { newPortalCode } from '../patients/portalCode';

/** What a patient typed, as it is hashed: capitals, without spaces or hyphens (`k7qm 3xpd-9rtw` → `K7QM3XPD9RTW`). */
export function normalizePortalCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** The stored form of a code: SHA-256 (hex) of its normalised form; the same as migration 0029's SQL. */
export function hashPortalCode(code: string): string {
  return createHash('sha256').update(normalizePortalCode(code), 'utf8').digest('hex');
}

export type CodeIssuer = 'letter' | 'demo';

/**
 * Makes a new code for the patient, stores its hash (valid `validDays` from `now`) and revokes the
 * patient's earlier codes that were not used. Answers the plain code, which is never stored: print it.
 * Runs in the caller's transaction (scoped to the patient's organisation), so a letter that is not printed
 * leaves no code behind.
 */
export async function issuePortalCode(
  tx: Executor,
  patient: { organizationId: string; patientId: string },
  issuedBy: CodeIssuer,
  now: Date,
  validDays: number,
): Promise<string> {
  await tx
    .update(portalActivationCodes)
    .set({ revokedAt: now })
    .where(
      and(
        eq(portalActivationCodes.organizationId, patient.organizationId),
        eq(portalActivationCodes.patientId, patient.patientId),
        isNull(portalActivationCodes.usedAt),
        isNull(portalActivationCodes.revokedAt),
      ),
    );
  const code = newPortalCode();
  await tx.insert(portalActivationCodes).values({
    organizationId: patient.organizationId,
    patientId: patient.patientId,
    codeHash: hashPortalCode(code),
    issuedBy,
    issuedAt: now,
    expiresAt: new Date(now.getTime() + validDays * 86_400_000),
  });
  return code;
}

/** The organisation a code belongs to, whoever asks (a SECURITY DEFINER function: migration 0029); null if none. */
export async function organizationOfCode(db: Executor, codeHash: string): Promise<string | null> {
  const result = await db.execute<{ organization_id: string | null }>(
    sql`SELECT osteopad_portal_code_organization(${codeHash}) AS organization_id`,
  );
  return result.rows[0]?.organization_id ?? null;
}

/** A stored code as the activation judges it. */
export interface StoredCode {
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly lockedUntil: Date | null;
}

/**
 * What an activation attempt with a found code decides, before anything is written. A wrong date of birth
 * and a locked code answer the same to the caller (`activation_failed`); only with the right date of birth
 * does the caller learn that the code is used, replaced or expired (and how to get a new one).
 */
export type CodeVerdict = 'valid' | 'wrong_birth_date' | 'locked' | 'used' | 'replaced' | 'expired';

export function judgeCode(code: StoredCode, birthDateMatches: boolean, now: Date): CodeVerdict {
  if (code.lockedUntil !== null && code.lockedUntil > now) return 'locked';
  if (!birthDateMatches) return 'wrong_birth_date';
  if (code.usedAt !== null) return 'used';
  if (code.revokedAt !== null) return 'replaced';
  if (code.expiresAt <= now) return 'expired';
  return 'valid';
}
