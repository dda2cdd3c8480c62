import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { activationProblem } from './activationProblem';

describe('activationProblem', () => {
  it('reads the lock-out policy of a neutral refusal', () => {
    const error = new ApiError(400, 'activation_failed', '', [], {
      error: 'activation_failed',
      lockoutAfterFailures: 3,
      lockoutMinutes: 60,
    });
    expect(activationProblem(error)).toEqual({ kind: 'failed', step: 'code', tries: 3, minutes: 60 });
  });

  it('carries the clinic’s phone of an expired, used or replaced code', () => {
    const error = new ApiError(409, 'portal_code_expired', '', [], {
      error: 'portal_code_expired',
      clinicName: 'Ziekenhuis Demostad',
      clinicPhone: '(012) 345 67 89',
    });
    expect(activationProblem(error)).toEqual({
      kind: 'expired',
      step: 'code',
      clinic: { clinicName: 'Ziekenhuis Demostad', clinicPhone: '(012) 345 67 89' },
    });
    expect(activationProblem(new ApiError(409, 'portal_code_used', ''))).toMatchObject({ kind: 'used' });
  });

  it('tells a taken username, a rate limit and anything else apart', () => {
    expect(activationProblem(new ApiError(409, 'username_taken', ''))).toMatchObject({
      kind: 'usernameTaken',
    });
    expect(activationProblem(new ApiError(429, 'rate_limited', ''))).toMatchObject({ kind: 'tooMany' });
    expect(activationProblem(new Error('x'))).toMatchObject({ kind: 'error' });
  });
});
