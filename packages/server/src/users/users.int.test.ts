import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { DEFAULT_PASSWORD_LINK_HOURS } from './passwordLinkSettings';

let h: Harness;
let admin: Session;

const NEW_PASSWORD = 'a brand new passphrase';

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login(h.orgA.users.admin.username);
}, 120_000);
afterAll(async () => {
  await h.close();
});

interface UserAnswer {
  id: string;
  username: string;
  role: string;
  active: boolean;
  lastLoginAt: string | null;
}

let counter = 0;
async function addUser(role: string, password?: string): Promise<UserAnswer> {
  counter++;
  const response = await h.as(admin, 'POST', '/api/users', {
    username: `user${counter}.${role}`,
    displayName: `User ${counter}`,
    role,
    ...(password === undefined ? {} : { password }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<UserAnswer>();
}

const patch = (session: Session, userId: string, body: unknown) =>
  h.as(session, 'PATCH', `/api/users/${userId}`, body);

async function makeLink(userId: string): Promise<{ url: string; expiresAt: string; token: string }> {
  const response = await h.as(admin, 'POST', `/api/users/${userId}/password-link`);
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json<{ url: string; expiresAt: string }>();
  const token = /\/set-password#token=([A-Za-z0-9_-]+)$/.exec(body.url)?.[1];
  if (token === undefined) throw new Error(`no token in ${body.url}`);
  return { ...body, token };
}

const redeem = (token: string, password = NEW_PASSWORD) =>
  h.app.inject({ method: 'POST', url: '/api/auth/password-link', payload: { token, password } });

async function auditOf(objectId: string): Promise<
  {
    action: string;
    object_type: string;
    username: string;
    outcome: string;
    details: Record<string, unknown>;
  }[]
> {
  const result = await h.db.owner.query<{
    action: string;
    object_type: string;
    username: string;
    outcome: string;
    details: Record<string, unknown>;
  }>(
    `SELECT action, object_type, username, outcome, details FROM audit_events
      WHERE object_id = $1 ORDER BY id`,
    [objectId],
  );
  return result.rows;
}

describe('the users of an organisation', () => {
  it('lists every account with its role and last sign-in, and audits the read', async () => {
    const response = await h.as(admin, 'GET', '/api/users');
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: UserAnswer[] }>().items;
    const me = items.find((u) => u.username === h.orgA.users.admin.username);
    expect(me?.role).toBe('admin');
    expect(me?.lastLoginAt).not.toBeNull();
    expect(items.some((u) => u.username === h.orgB.users.admin.username)).toBe(false);
  });

  it('is refused to every role but admin (403)', async () => {
    const nurse = await h.login(h.orgA.users.nurse.username);
    expect((await h.as(nurse, 'GET', '/api/users')).statusCode).toBe(403);
    const target = h.orgA.users.secretary.id;
    expect((await h.as(nurse, 'PATCH', `/api/users/${target}`, { role: 'nurse' })).statusCode).toBe(403);
    expect((await h.as(nurse, 'POST', `/api/users/${target}/password-link`)).statusCode).toBe(403);
  });

  it('refuses to demote or deactivate the last administrator (409), and changes nothing', async () => {
    const demote = await patch(admin, admin.userId, { role: 'nurse' });
    expect(demote.statusCode, demote.body).toBe(409);
    expect(demote.json()).toMatchObject({
      error: 'last_admin',
      issues: [{ field: 'body.role', code: 'last_admin' }],
    });
    const deactivate = await patch(admin, admin.userId, { active: false });
    expect(deactivate.statusCode).toBe(409);
    expect(deactivate.json()).toMatchObject({ issues: [{ field: 'body.active' }] });
    const row = await h.db.owner.query<{ role: string; active: boolean }>(
      'SELECT role, active FROM users WHERE id = $1',
      [admin.userId],
    );
    expect(row.rows[0]).toEqual({ role: 'admin', active: true });
    expect((await h.as(admin, 'GET', '/api/auth/session')).statusCode).toBe(200);
  });

  it('lets exactly one of two administrators demoting each other at once succeed', async () => {
    for (let round = 0; round < 3; round++) {
      const second = await addUser('admin', NEW_PASSWORD);
      const secondSession = await h.login(second.username, NEW_PASSWORD);
      // Both requests get past their session check and into their transactions before either decides:
      // the administrators' rows are held here until both wait for them.
      const holder = await h.db.owner.connect();
      try {
        await holder.query('BEGIN');
        await holder.query(`SELECT id FROM users WHERE organization_id = $1 AND role = 'admin' FOR UPDATE`, [
          h.orgA.id,
        ]);
        const pending = Promise.all([
          patch(admin, second.id, round === 1 ? { active: false } : { role: 'nurse' }),
          patch(secondSession, admin.userId, { role: 'secretary' }),
        ]);
        for (let i = 0; i < 200; i++) {
          const waiting = await h.db.owner.query<{ n: string }>(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%for update%'`,
          );
          if (waiting.rows[0]?.n === '2') break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await holder.query('COMMIT');
        const [first, other] = await pending;
        const statuses = [first.statusCode, other.statusCode].sort();
        expect(statuses, `${first.body} ${other.body}`).toEqual([200, 409]);
        expect([first, other].find((r) => r.statusCode === 409)?.json()).toMatchObject({
          error: 'last_admin',
        });
        const admins = await h.db.owner.query<{ n: string }>(
          `SELECT count(*) AS n FROM users WHERE organization_id = $1 AND role = 'admin' AND active`,
          [h.orgA.id],
        );
        expect(admins.rows[0]?.n).toBe('1');
        if (other.statusCode === 200) {
          // The second administrator won: it makes the harness's admin admin again and is retired.
          const back = await patch(secondSession, admin.userId, { role: 'admin' });
          expect(back.statusCode, back.body).toBe(200);
          admin = await h.login(h.orgA.users.admin.username);
          expect((await patch(admin, second.id, { active: false })).statusCode).toBe(200);
        }
      } finally {
        holder.release();
      }
    }
  });

  it('ends the sessions of a deactivated account at once, and audits who changed what', async () => {
    const user = await addUser('nurse', NEW_PASSWORD);
    const session = await h.login(user.username, NEW_PASSWORD);
    expect((await h.as(session, 'GET', '/api/auth/session')).statusCode).toBe(200);
    const response = await patch(admin, user.id, { active: false });
    expect(response.statusCode).toBe(200);
    expect(response.json<UserAnswer>().active).toBe(false);
    expect((await h.as(session, 'GET', '/api/auth/session')).statusCode).toBe(401);
    const sessions = await h.db.owner.query('SELECT 1 FROM sessions WHERE user_id = $1', [user.id]);
    expect(sessions.rowCount).toBe(0);
    const events = await auditOf(user.id);
    expect(events.map((e) => [e.action, e.object_type, e.username])).toEqual([
      ['create', 'user', h.orgA.users.admin.username],
      ['update', 'user', h.orgA.users.admin.username],
    ]);
    expect(events[1]?.details).toMatchObject({ fields: ['active'], active: { from: true, to: false } });
  });

  it('ends the sessions of an account whose role changes, and audits the old and new role', async () => {
    const user = await addUser('nurse', NEW_PASSWORD);
    const session = await h.login(user.username, NEW_PASSWORD);
    const response = await patch(admin, user.id, { role: 'specialist' });
    expect(response.statusCode).toBe(200);
    expect((await h.as(session, 'GET', '/api/auth/session')).statusCode).toBe(401);
    const events = await auditOf(user.id);
    expect(events.at(-1)?.details).toMatchObject({ role: { from: 'nurse', to: 'specialist' } });
  });

  it('refuses to turn a staff account into a patient account', async () => {
    const user = await addUser('secretary');
    const response = await patch(admin, user.id, { role: 'patient' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ issues: [{ field: 'body.role', code: 'patient_role' }] });
  });
});

describe('one-time password links', () => {
  it('sets the password once: the account signs in with it, a second use is refused', async () => {
    const user = await addUser('specialist');
    const link = await makeLink(user.id);
    const expires = new Date(link.expiresAt).getTime() - h.clock.now().getTime();
    expect(expires).toBe(DEFAULT_PASSWORD_LINK_HOURS * 3_600_000);
    const stored = await h.db.owner.query<{ token_hash: string }>(
      'SELECT token_hash FROM user_password_links WHERE user_id = $1',
      [user.id],
    );
    expect(stored.rows[0]?.token_hash).not.toBe(link.token);
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const first = await redeem(link.token);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ username: user.username });
    const session = await h.login(user.username, NEW_PASSWORD);
    expect(session.role).toBe('specialist');

    const again = await redeem(link.token, 'another long passphrase');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({
      error: 'password_link_invalid',
      issues: [{ field: 'body.token', code: 'password_link_invalid' }],
    });
    await h.login(user.username, NEW_PASSWORD);

    const events = await auditOf(user.id);
    expect(events.map((e) => [e.action, e.object_type, e.outcome])).toEqual([
      ['create', 'user', 'success'],
      ['create', 'password_link', 'success'],
      ['update', 'user', 'success'],
      ['update', 'user', 'failure'],
    ]);
    expect(events[1]?.username).toBe(h.orgA.users.admin.username);
    expect(events[2]?.details).toMatchObject({ fields: ['password'], via: 'password_link' });
    expect(events[3]?.details).toMatchObject({ why: 'used' });
  });

  it('refuses an expired, a replaced and an unknown link with the same answer', async () => {
    const user = await addUser('quality');
    const old = await makeLink(user.id);
    const newer = await makeLink(user.id);
    const replaced = await redeem(old.token);
    expect(replaced.statusCode).toBe(400);
    const start = h.clock.now().toISOString();
    h.clock.advanceMinutes(DEFAULT_PASSWORD_LINK_HOURS * 60 + 1);
    try {
      const expired = await redeem(newer.token);
      expect(expired.statusCode).toBe(400);
      const unknown = await redeem('no-such-token');
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toEqual(expired.json());
      expect(replaced.json()).toEqual(expired.json());
    } finally {
      h.clock.set(start);
    }
    const events = await auditOf(user.id);
    expect(events.filter((e) => e.outcome === 'failure').map((e) => e.details.why)).toEqual([
      'revoked',
      'expired',
    ]);
  });

  it('keeps the password rules of every password, and changes nothing on a short one', async () => {
    const user = await addUser('nurse');
    const link = await makeLink(user.id);
    const short = await redeem(link.token, 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ issues: [{ field: 'body.password' }] });
    expect((await redeem(link.token)).statusCode).toBe(200);
  });

  it('ends the sessions of the account whose password is set, and refuses a link for a deactivated one', async () => {
    const user = await addUser('nurse', NEW_PASSWORD);
    const session = await h.login(user.username, NEW_PASSWORD);
    const link = await makeLink(user.id);
    expect((await redeem(link.token, 'the password after the link')).statusCode).toBe(200);
    expect((await h.as(session, 'GET', '/api/auth/session')).statusCode).toBe(401);

    const later = await makeLink(user.id);
    expect((await patch(admin, user.id, { active: false })).statusCode).toBe(200);
    expect((await redeem(later.token)).statusCode).toBe(400);
    const refused = await h.as(admin, 'POST', `/api/users/${user.id}/password-link`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'user_inactive' });
  });

  it('does not make a link for an account of another organisation', async () => {
    const response = await h.as(admin, 'POST', `/api/users/${h.orgB.users.nurse.id}/password-link`);
    expect(response.statusCode).toBe(404);
  });
});
