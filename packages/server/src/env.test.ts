import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

const BASE = { DATA_DIR: '/tmp/osteopad-env-test' };

describe('readEnv', () => {
  it('rate-limits logins at 20 a minute per address unless LOGIN_RATE_LIMIT_PER_MINUTE says otherwise', () => {
    expect(readEnv(BASE, '/web').app.login).toMatchObject({ rateLimitMax: 20, rateLimitWindowMs: 60_000 });
    const raised = readEnv({ ...BASE, LOGIN_RATE_LIMIT_PER_MINUTE: '200' }, '/web').app.login;
    expect(raised).toMatchObject({ rateLimitMax: 200, rateLimitWindowMs: 60_000 });
    // The account lock-out after wrong passwords is not touched by the rate limit's setting.
    expect(raised.lockoutAfterFailures).toBe(5);
  });

  it('refuses a login rate limit of 0 or beyond 1000, naming the variable', () => {
    for (const value of ['0', '1001', 'many']) {
      expect(() => readEnv({ ...BASE, LOGIN_RATE_LIMIT_PER_MINUTE: value }, '/web')).toThrow(
        /LOGIN_RATE_LIMIT_PER_MINUTE/,
      );
    }
  });
});
