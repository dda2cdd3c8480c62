import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, TEST_PASSWORD, type Harness } from '../../test/appHarness';
import { SESSION_COOKIE } from './authenticate';

let h: Harness;

beforeAll(async () => {
  h = await createHarness({
    login: { rateLimitMax: 1000, rateLimitWindowMs: 60_000, lockoutAfterFailures: 5, lockoutMinutes: 15 },
  });
});
afterAll(async () => {
  await h.close();
});

const login = (username: string, password: string, remoteAddress = '10.0.0.1') =>
  h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

describe('login', () => {
  it('sets an httpOnly, SameSite=Strict, Secure session cookie and returns a CSRF token', async () => {
    const response = await login(h.orgA.users.nurse.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true, path: '/' });
    expect(cookie?.value.length).toBeGreaterThanOrEqual(40);
    const body = response.json<{
      csrfToken: string;
      user: { role: string; organization: { name: string } };
    }>();
    expect(body.user).toMatchObject({ role: 'nurse', organization: { name: 'Alpha Hospital' } });
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(40);
  });

  it('stores only an argon2id hash of the password and a hash of the session token', async () => {
    const users = await h.db.owner.query<{ password_hash: string }>(
      'SELECT password_hash FROM users LIMIT 1',
    );
    expect(users.rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const response = await login(h.orgA.users.secretary.username, TEST_PASSWORD);
    const token = response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
    const stored = await h.db.owner.query('SELECT 1 FROM sessions WHERE token_hash = $1', [token]);
    expect(stored.rowCount).toBe(0);
  });

  it('answers a wrong password exactly as an unknown user', async () => {
    const wrong = await login(h.orgA.users.specialist.username, 'not the password', '10.0.0.2');
    const unknown = await login('nobody.at.all', 'not the password', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.cookies).toEqual([]);
    expect(Object.keys(wrong.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
  });

  it('logs failed logins in the audit log', async () => {
    const before = await h.db.owner.query(
      `SELECT count(*)::int n FROM audit_events WHERE action = 'login_failed'`,
    );
    await login('ghost.user', 'whatever', '10.0.0.3');
    const after = await h.db.owner.query(
      `SELECT count(*)::int n FROM audit_events WHERE action = 'login_failed'`,
    );
    expect((after.rows[0] as { n: number }).n).toBe((before.rows[0] as { n: number }).n + 1);
  });

  it('locks the account after 5 failures: even the right password is refused until the lock expires', async () => {
    const username = h.orgA.users.quality.username;
    for (let i = 0; i < 5; i++)
      expect((await login(username, `wrong-${i}`, '10.0.0.4')).statusCode).toBe(401);
    const locked = await login(username, TEST_PASSWORD, '10.0.0.4');
    expect(locked.statusCode).toBe(401);
    expect(locked.body).toBe((await login('nobody.at.all', 'x', '10.0.0.4')).body);
    h.clock.advanceMinutes(16);
    expect((await login(username, TEST_PASSWORD, '10.0.0.4')).statusCode).toBe(200);
  });

  it('counts every one of 15 concurrent wrong passwords (no lost increments)', async () => {
    const lenient = await createHarness({
      login: { rateLimitMax: 1000, rateLimitWindowMs: 60_000, lockoutAfterFailures: 50, lockoutMinutes: 15 },
    });
    try {
      const user = lenient.orgA.users.nurse;
      const answers = await Promise.all(
        Array.from({ length: 15 }, (_, i) =>
          lenient.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: user.username, password: `wrong-${i}` },
            remoteAddress: '10.0.1.1',
          }),
        ),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(Array.from({ length: 15 }, () => 401));
      const row = await lenient.db.owner.query<{ n: number; locked: boolean }>(
        'SELECT failed_login_count n, locked_until IS NOT NULL locked FROM users WHERE id = $1',
        [user.id],
      );
      expect(row.rows[0]).toEqual({ n: 15, locked: false });
    } finally {
      await lenient.close();
    }
  });

  it('locks at exactly the 5th of 15 concurrent wrong passwords; the rest meet the lock', async () => {
    const user = h.orgA.users.admin;
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) => login(user.username, `wrong-${i}`, '10.0.1.2')),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array.from({ length: 15 }, () => 401));
    const row = await h.db.owner.query<{ locked: boolean }>(
      'SELECT locked_until > $2 locked FROM users WHERE id = $1',
      [user.id, h.clock.now()],
    );
    expect(row.rows[0]).toEqual({ locked: true });
    const why = await h.db.owner.query<{ why: string; n: number }>(
      `SELECT details->>'why' why, count(*)::int n FROM audit_events
        WHERE action = 'login_failed' AND user_id = $1 GROUP BY 1 ORDER BY 1`,
      [user.id],
    );
    expect(why.rows).toEqual([
      { why: 'locked', n: 10 },
      { why: 'wrong_password', n: 4 },
      { why: 'wrong_password_locked', n: 1 },
    ]);
    // The right password is refused while the lock lasts.
    expect((await login(user.username, TEST_PASSWORD, '10.0.1.2')).statusCode).toBe(401);
    h.clock.advanceMinutes(16);
    expect((await login(user.username, TEST_PASSWORD, '10.0.1.2')).statusCode).toBe(200);
  });

  it('rejects malformed login bodies with 400 and the field', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'b', extra: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ issues: [{ field: 'body.extra', code: 'unknown_field' }] });
  });
});

describe('rate limiting', () => {
  it('answers 429 once a client address exceeds the login rate', async () => {
    const strict = await createHarness({
      login: { rateLimitMax: 3, rateLimitWindowMs: 60_000, lockoutAfterFailures: 50, lockoutMinutes: 15 },
    });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await strict.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'nobody', password: 'x' },
          remoteAddress: '10.9.9.9',
        });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const other = await strict.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'nobody', password: 'x' },
        remoteAddress: '10.9.9.10',
      });
      expect(other.statusCode).toBe(401);
    } finally {
      await strict.close();
    }
  });
});

describe('sessions and CSRF', () => {
  it('refuses a state-changing request without the CSRF token, accepts it with', async () => {
    const session = await h.login(h.orgA.users.nurse.username);
    const payload = { familyName: 'Csrf', birthDate: '1950-01-01', sex: 'female', sourceId: 'CSRF-1' };
    const without = await h.app.inject({
      method: 'POST',
      url: '/api/patients',
      cookies: { [SESSION_COOKIE]: session.cookie },
      payload,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json()).toMatchObject({ error: 'csrf' });
    const wrong = await h.app.inject({
      method: 'POST',
      url: '/api/patients',
      cookies: { [SESSION_COOKIE]: session.cookie },
      headers: { 'x-csrf-token': 'x'.repeat(43) },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    const count = await h.db.owner.query(`SELECT count(*)::int n FROM patients WHERE source_id = 'CSRF-1'`);
    expect(count.rows[0]).toEqual({ n: 0 });
    const withToken = await h.as(session, 'POST', '/api/patients', payload);
    expect(withToken.statusCode).toBe(201);
  });

  it('logout ends the session on the server', async () => {
    const session = await h.login(h.orgA.users.nurse.username);
    expect((await h.as(session, 'GET', '/api/auth/session')).statusCode).toBe(200);
    expect((await h.as(session, 'POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await h.as(session, 'GET', '/api/auth/session')).statusCode).toBe(401);
  });

  it('a session ends after 30 idle minutes', async () => {
    const session = await h.login(h.orgA.users.nurse.username);
    h.clock.advanceMinutes(29);
    expect((await h.as(session, 'GET', '/api/auth/session')).statusCode).toBe(200);
    h.clock.advanceMinutes(31);
    expect((await h.as(session, 'GET', '/api/auth/session')).statusCode).toBe(401);
  });

  it('a deactivated user loses access at once', async () => {
    const admin = await h.login(h.orgB.users.admin.username);
    const nurse = await h.login(h.orgB.users.nurse.username);
    const response = await h.as(admin, 'PATCH', `/api/users/${h.orgB.users.nurse.id}`, { active: false });
    expect(response.statusCode).toBe(200);
    expect((await h.as(nurse, 'POST', '/api/patients/search', {})).statusCode).toBe(401);
    await h.db.app.db.execute(sql`UPDATE users SET active = true WHERE id = ${h.orgB.users.nurse.id}`);
  });

  it('changing the password keeps this session and ends the others', async () => {
    const username = h.orgA.users.specialist.username;
    const first = await h.login(username);
    const second = await h.login(username);
    const response = await h.as(first, 'POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new long password',
    });
    expect(response.statusCode).toBe(204);
    expect((await h.as(first, 'GET', '/api/auth/session')).statusCode).toBe(200);
    expect((await h.as(second, 'GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await login(username, 'a brand new long password', '10.0.0.8')).statusCode).toBe(200);
    // The change is in the audit log, written with it (one unit of work).
    const audit = await h.db.owner.query<{ details: unknown }>(
      `SELECT details FROM audit_events WHERE user_id = $1 AND action = 'update' AND object_type = 'user'`,
      [h.orgA.users.specialist.id],
    );
    expect(audit.rows).toEqual([{ details: { fields: ['password'] } }]);
  });

  it('a wrong current password changes nothing', async () => {
    const session = await h.login(h.orgA.users.quality.username);
    const response = await h.as(session, 'POST', '/api/auth/password', {
      currentPassword: 'not the password',
      newPassword: 'another brand new long password',
    });
    expect(response.statusCode).toBe(400);
    expect((await login(h.orgA.users.quality.username, TEST_PASSWORD, '10.0.0.9')).statusCode).toBe(200);
  });
});
