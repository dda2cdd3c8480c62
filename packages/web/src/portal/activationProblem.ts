import { portalCodeProblemDetails, type PortalCodeProblemDetails } from '@osteopad/contract';
import { ApiError } from '../api/client';

/** What the activation screen says about a refused activation; `step` is where the patient goes back to. */
export type ActivationProblem =
  | { kind: 'failed'; step: 'code'; tries: number; minutes: number }
  | { kind: 'expired' | 'used' | 'replaced'; step: 'code'; clinic: PortalCodeProblemDetails }
  | { kind: 'usernameTaken'; step: 'account' }
  | { kind: 'tooMany' | 'error'; step: 'account' };

const CODE_PROBLEMS = {
  portal_code_expired: 'expired',
  portal_code_used: 'used',
  portal_code_replaced: 'replaced',
} as const;

export function activationProblem(error: unknown): ActivationProblem {
  if (!(error instanceof ApiError)) return { kind: 'error', step: 'account' };
  if (error.code === 'activation_failed') {
    const details = error.problem as { lockoutAfterFailures?: unknown; lockoutMinutes?: unknown } | undefined;
    const tries = typeof details?.lockoutAfterFailures === 'number' ? details.lockoutAfterFailures : 5;
    const minutes = typeof details?.lockoutMinutes === 'number' ? details.lockoutMinutes : 15;
    return { kind: 'failed', step: 'code', tries, minutes };
  }
  if (error.code in CODE_PROBLEMS) {
    const parsed = portalCodeProblemDetails.safeParse(error.problem);
    return {
      kind: CODE_PROBLEMS[error.code as keyof typeof CODE_PROBLEMS],
      step: 'code',
      clinic: parsed.success ? parsed.data : { clinicName: '', clinicPhone: '' },
    };
  }
  if (error.code === 'username_taken') return { kind: 'usernameTaken', step: 'account' };
  if (error.status === 429) return { kind: 'tooMany', step: 'account' };
  return { kind: 'error', step: 'account' };
}
