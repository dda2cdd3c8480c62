// Activation of the portal with the letter's code and the date of birth (issue 13, access). The patient
// is not signed in yet: the code's organisation is looked up by its hash, then everything runs in one
// audited unit of work scoped to that organisation. A wrong date of birth counts against the code and
// locks it after repeated tries; the caller hears one neutral answer for a wrong code, a wrong date of
// birth and a locked code alike.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { organizations, patients, portalActivationCodes, users } from '../db/schema';
import { auditedWork, recordAuditEvents } from '../audit/auditedTransaction';
import type { AuditSubject } from '../audit/auditLog';
import { conflict, DomainError } from '../domain/errors';
import { hashPassword } from '../auth/passwords';
import { hashPortalCode, judgeCode, organizationOfCode, type CodeVerdict } from './activationCodes';
import type { PortalSettings } from './portalSettings';

export interface ActivationRequest {
  readonly code: string;
  readonly birthDate: string;
  readonly username: string;
  readonly password: string;
  readonly clientAddress: string;
  readonly now: Date;
}

export interface ActivatedAccount {
  readonly userId: string;
  readonly username: string;
  readonly organizationId: string;
  readonly patientId: string;
  readonly existingAccount: boolean;
}

/** The one answer to a wrong code, a wrong date of birth or a locked code: it names both fields alike. */
export function activationFailed(settings: PortalSettings): DomainError {
  const message = `The code or the date of birth is not right. After ${String(settings.codeLockoutAfterFailures)} wrong tries the code is locked for ${String(settings.codeLockoutMinutes)} minutes.`;
  return new DomainError(
    'invalid',
    'activation_failed',
    message,
    [
      { field: 'body.code', message, code: 'activation_failed' },
      { field: 'body.birthDate', message, code: 'activation_failed' },
    ],
    { lockoutAfterFailures: settings.codeLockoutAfterFailures, lockoutMinutes: settings.codeLockoutMinutes },
  );
}

const CODE_PROBLEM: Record<'used' | 'replaced' | 'expired', { code: string; message: string }> = {
  used: { code: 'portal_code_used', message: 'This code has been used already.' },
  replaced: {
    code: 'portal_code_replaced',
    message: 'A newer letter has a new code; this one no longer works.',
  },
  expired: { code: 'portal_code_expired', message: 'This code has expired.' },
};

function subjectFor(organizationId: string | null, clientAddress: string): AuditSubject {
  return {
    userId: null,
    username: 'portal-activation',
    role: 'patient',
    organizationId,
    clientAddress,
    reason: 'patient-access',
  };
}

type Outcome =
  | { kind: 'refused'; verdict: Exclude<CodeVerdict, 'valid'>; patientId: string | null }
  | { kind: 'username_taken' }
  | { kind: 'activated'; account: ActivatedAccount; clinic: { name: string; phone: string } }
  | {
      kind: 'code_problem';
      verdict: 'used' | 'replaced' | 'expired';
      clinic: { name: string; phone: string };
    };

/**
 * Checks the code and date of birth and, when both are right and the code is live, gives the patient
 * their account (a new `patient` user, or the existing one with the new password), marking the code used.
 * Raises `activation_failed` (neutral), `portal_code_used|replaced|expired` (with the clinic's phone) or
 * `username_taken`.
 */
export async function activatePortal(
  db: Database,
  request: ActivationRequest,
  settings: PortalSettings,
): Promise<ActivatedAccount> {
  const codeHash = hashPortalCode(request.code);
  const organizationId = await organizationOfCode(db, codeHash);
  if (organizationId === null) {
    await recordAuditEvents(
      db,
      subjectFor(null, request.clientAddress),
      [
        {
          action: 'login_failed',
          objectType: 'portal_activation',
          outcome: 'failure',
          details: { why: 'unknown_code' },
        },
      ],
      request.now,
    );
    throw activationFailed(settings);
  }
  const passwordHash = await hashPassword(request.password);
  const outcome = await auditedWork(
    db,
    subjectFor(organizationId, request.clientAddress),
    organizationId,
    async (tx, trail): Promise<Outcome> => {
      const rows = await tx
        .select({
          id: portalActivationCodes.id,
          patientId: portalActivationCodes.patientId,
          expiresAt: portalActivationCodes.expiresAt,
          usedAt: portalActivationCodes.usedAt,
          revokedAt: portalActivationCodes.revokedAt,
          lockedUntil: portalActivationCodes.lockedUntil,
          failedAttempts: portalActivationCodes.failedAttempts,
          birthDate: patients.birthDate,
          deceased: patients.deceased,
          givenNames: patients.givenNames,
          familyName: patients.familyName,
        })
        .from(portalActivationCodes)
        .innerJoin(patients, eq(patients.id, portalActivationCodes.patientId))
        .where(eq(portalActivationCodes.codeHash, codeHash))
        .for('update', { of: portalActivationCodes });
      const code = rows[0];
      if (code === undefined || code.deceased)
        return { kind: 'refused', verdict: 'wrong_birth_date', patientId: null };
      const verdict = judgeCode(code, code.birthDate === request.birthDate, request.now);
      const refusal = (why: string) => {
        trail.record({
          action: 'login_failed',
          objectType: 'portal_activation',
          objectId: code.id,
          patientId: code.patientId,
          outcome: 'failure',
          details: { why },
        });
      };
      if (verdict === 'wrong_birth_date') {
        const locks = code.failedAttempts + 1 >= settings.codeLockoutAfterFailures;
        await tx
          .update(portalActivationCodes)
          .set(
            locks
              ? {
                  failedAttempts: 0,
                  lockedUntil: new Date(request.now.getTime() + settings.codeLockoutMinutes * 60_000),
                }
              : { failedAttempts: code.failedAttempts + 1 },
          )
          .where(eq(portalActivationCodes.id, code.id));
        refusal(locks ? 'wrong_birth_date_locked' : 'wrong_birth_date');
        return { kind: 'refused', verdict, patientId: code.patientId };
      }
      if (verdict === 'locked') {
        refusal('locked');
        return { kind: 'refused', verdict, patientId: code.patientId };
      }
      const org = (
        await tx
          .select({
            name: organizations.name,
            phone: organizations.phoneDepartment,
            general: organizations.phoneGeneral,
          })
          .from(organizations)
          .where(eq(organizations.id, organizationId))
      )[0];
      const clinic = { name: org?.name ?? '', phone: org?.phone || org?.general || '' };
      if (verdict !== 'valid') {
        refusal(`code_${verdict}`);
        return { kind: 'code_problem', verdict, clinic };
      }
      const existing = (
        await tx
          .select({ id: users.id, username: users.username, active: users.active })
          .from(users)
          .where(and(eq(users.patientId, code.patientId), eq(users.role, 'patient')))
          .limit(1)
      )[0];
      let account: ActivatedAccount;
      if (existing !== undefined) {
        if (!existing.active) {
          refusal('account_inactive');
          return { kind: 'refused', verdict: 'wrong_birth_date', patientId: code.patientId };
        }
        await tx
          .update(users)
          .set({ passwordHash, failedLoginCount: 0, lockedUntil: null, updatedAt: request.now })
          .where(eq(users.id, existing.id));
        account = {
          userId: existing.id,
          username: existing.username,
          organizationId,
          patientId: code.patientId,
          existingAccount: true,
        };
      } else {
        const taken = await tx
          .select({ id: users.id })
          .from(users)
          .where(eq(sql`lower(${users.username})`, request.username.toLowerCase()))
          .limit(1);
        if (taken.length > 0) return { kind: 'username_taken' };
        const inserted = await tx
          .insert(users)
          .values({
            organizationId,
            username: request.username,
            displayName: `${code.givenNames} ${code.familyName}`.trim(),
            role: 'patient',
            passwordHash,
            patientId: code.patientId,
          })
          .returning({ id: users.id });
        const userId = inserted[0]?.id;
        if (userId === undefined) throw new Error('insert returned no row');
        account = {
          userId,
          username: request.username,
          organizationId,
          patientId: code.patientId,
          existingAccount: false,
        };
      }
      await tx
        .update(portalActivationCodes)
        .set({ usedAt: request.now, failedAttempts: 0 })
        .where(eq(portalActivationCodes.id, code.id));
      trail.record({
        action: existing === undefined ? 'create' : 'update',
        objectType: 'user',
        objectId: account.userId,
        patientId: code.patientId,
        details: { via: 'portal_activation', code: code.id },
      });
      return { kind: 'activated', account, clinic };
    },
  );
  switch (outcome.kind) {
    case 'activated':
      return outcome.account;
    case 'refused':
      throw activationFailed(settings);
    case 'username_taken':
      throw conflict('username_taken', 'This username is taken; choose another.', {}, [
        { field: 'body.username', message: 'This username is taken; choose another.', code: 'duplicate' },
      ]);
    case 'code_problem': {
      const problem = CODE_PROBLEM[outcome.verdict];
      throw conflict(
        problem.code,
        `${problem.message} Call ${outcome.clinic.name || 'the clinic'} for a new code${outcome.clinic.phone === '' ? '' : ` (${outcome.clinic.phone})`}.`,
        { clinicName: outcome.clinic.name, clinicPhone: outcome.clinic.phone },
      );
    }
  }
}
