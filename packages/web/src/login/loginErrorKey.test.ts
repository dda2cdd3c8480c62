import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { loginErrorKey } from './loginErrorKey';

describe('loginErrorKey', () => {
  it('gives one message for every refused login, whatever the reason', () => {
    expect(loginErrorKey(new ApiError(401, 'invalid_credentials', 'Login failed.'))).toBe('login.failed');
    // A too-long username is refused by validation; it must not read differently from a wrong one.
    expect(loginErrorKey(new ApiError(400, 'validation', 'The request is not valid.'))).toBe('login.failed');
  });

  it('tells the user to wait when rate-limited, and separates server trouble from a wrong password', () => {
    expect(loginErrorKey(new ApiError(429, 'rate_limited', 'Too many requests'))).toBe('login.rateLimited');
    expect(loginErrorKey(new ApiError(0, 'network', 'Failed to fetch'))).toBe('errors.network');
    expect(loginErrorKey(new ApiError(500, 'internal', 'Something went wrong'))).toBe('errors.generic');
    expect(loginErrorKey(new Error('boom'))).toBe('errors.generic');
  });

  it('sends staff whose organisation switched passwords off to the hospital sign-in', () => {
    expect(loginErrorKey(new ApiError(403, 'password_login_disabled', 'Use the hospital sign-in.'))).toBe(
      'loginSso.passwordLoginDisabled',
    );
    expect(loginErrorKey(new ApiError(403, 'forbidden', 'No.'))).toBe('errors.generic');
  });
});
