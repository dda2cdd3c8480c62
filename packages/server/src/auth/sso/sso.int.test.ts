import { createServer, type Server } from 'node:net';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, TEST_PASSWORD, type Harness } from '../../../test/appHarness';
import { SESSION_COOKIE } from '../authenticate';
import { SSO_FLOW_COOKIE } from './signInFlows';
import { forgetDiscoveredProviders } from './oidcProvider';
import { startLoopbackOidcProvider, type LoopbackOidcProvider } from './test-support/loopbackOidcProvider';
import { signInAtProvider } from './test-support/providerSignIn';

const PUBLIC_URL = 'http://osteopad.test';
const CALLBACK = `${PUBLIC_URL}/api/auth/sso/callback`;
const SECRET_VARIABLE = 'OSTEOPAD_SSO_INT_TEST_SECRET';
const CLIENT_SECRET = 'loopback-client-secret-for-tests';

let h: Harness;
let provider: LoopbackOidcProvider;
let admin: Awaited<ReturnType<Harness['login']>>;

const settings = (change: Record<string, unknown> = {}) => ({
  slug: 'alpha',
  issuerUrl: provider.issuer,
  clientId: 'osteopad',
  clientSecretRef: `env:${SECRET_VARIABLE}`,
  ...change,
});

async function configure(change: Record<string, unknown> = {}): Promise<LightMyRequestResponse> {
  const response = await h.as(admin, 'PUT', '/api/sso/settings', settings(change));
  forgetDiscoveredProviders();
  return response;
}

const start = (query = '', organization = 'alpha') =>
  h.app.inject({
    method: 'GET',
    url: `/api/auth/sso/${organization}/start${query}`,
    remoteAddress: '10.9.0.1',
  });

const flowCookieOf = (response: LightMyRequestResponse): string =>
  response.cookies.find((c) => c.name === SSO_FLOW_COOKIE)?.value ?? '';

const callback = (url: URL, flowCookie: string) =>
  h.app.inject({
    method: 'GET',
    url: `${url.pathname}${url.search}`,
    cookies: flowCookie === '' ? {} : { [SSO_FLOW_COOKIE]: flowCookie },
    remoteAddress: '10.9.0.1',
  });

/** The whole sign-in: start, the provider's login form, the callback. */
async function signIn(login: string, query = ''): Promise<LightMyRequestResponse> {
  const started = await start(query);
  expect(started.statusCode).toBe(302);
  const back = await signInAtProvider(started.headers.location as string, login, 'provider-password');
  expect(back.href.startsWith(CALLBACK)).toBe(true);
  return callback(back, flowCookieOf(started));
}

async function sessionRole(response: LightMyRequestResponse): Promise<string> {
  const token = response.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  expect(token).toBeDefined();
  const session = await h.app.inject({
    method: 'GET',
    url: '/api/auth/session',
    cookies: { [SESSION_COOKIE]: token ?? '' },
  });
  expect(session.statusCode).toBe(200);
  return session.json<{ user: { role: string } }>().user.role;
}

async function lastSsoEvent(): Promise<{
  action: string;
  username: string;
  details: Record<string, unknown>;
}> {
  const rows = await h.db.owner.query<{ action: string; username: string; details: Record<string, unknown> }>(
    `SELECT action, username, details FROM audit_events WHERE details->>'method' = 'sso' ORDER BY id DESC LIMIT 1`,
  );
  const row = rows.rows[0];
  if (row === undefined) throw new Error('no audit event of a hospital sign-in');
  return row;
}

const account = (username: string, extra: Record<string, unknown> = {}) => ({
  password: 'provider-password',
  claims: { preferred_username: username, name: username, ...extra },
});

beforeAll(async () => {
  process.env[SECRET_VARIABLE] = CLIENT_SECRET;
  h = await createHarness({
    login: { rateLimitMax: 1000, rateLimitWindowMs: 60_000, lockoutAfterFailures: 5, lockoutMinutes: 15 },
    sso: { publicUrl: PUBLIC_URL, providerTimeoutMs: 1000, flowMinutes: 10 },
  });
  const users = h.orgA.users;
  provider = await startLoopbackOidcProvider({
    clientId: 'osteopad',
    clientSecret: CLIENT_SECRET,
    redirectUris: [CALLBACK],
    extraProfileClaims: ['groups'],
    accounts: {
      anna: account(users.nurse.username.toUpperCase(), { groups: ['all-staff', 'osteopad-specialists'] }),
      quinn: account(users.quality.username, { groups: ['all-staff'] }),
      sam: account(users.secretary.username),
      pat: account(users.patient.username),
      ghost: account('nobody.in.osteopad'),
      beta: account(h.orgB.users.nurse.username),
      torn: account(users.specialist.username, { groups: ['osteopad-specialists', 'osteopad-nurses'] }),
    },
  });
  admin = await h.login(users.admin.username);
  expect((await configure()).statusCode).toBe(200);
});
afterAll(async () => {
  Reflect.deleteProperty(process.env, SECRET_VARIABLE);
  await provider.close();
  await h.close();
});
beforeEach(() => {
  forgetDiscoveredProviders();
});

describe('the administrator’s settings', () => {
  it('answers the settings with the redirect URI to register, and where the secret is read, never the secret', async () => {
    const response = await h.as(admin, 'GET', '/api/sso/settings');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      slug: 'alpha',
      accountClaim: 'preferred_username',
      roleSource: 'account',
      localPasswords: 'allowed',
      clientSecretRef: `env:${SECRET_VARIABLE}`,
      redirectUri: CALLBACK,
    });
    expect(response.body).not.toContain(CLIENT_SECRET);
  });

  it('refuses a provider over plain HTTP that is not on loopback, a secret in the body, and a claim rule without a map', async () => {
    const http = await configure({ issuerUrl: 'http://idp.example.org' });
    expect(http.statusCode).toBe(400);
    expect(http.json()).toMatchObject({ issues: [{ field: 'body.issuerUrl', code: 'https_required' }] });
    const plainSecret = await configure({ clientSecretRef: CLIENT_SECRET });
    expect(plainSecret.statusCode).toBe(400);
    expect(plainSecret.json<{ issues: { field: string }[] }>().issues[0]?.field).toBe('body.clientSecretRef');
    const noMap = await configure({ roleSource: 'claim', roleClaim: 'groups' });
    expect(noMap.statusCode).toBe(400);
    expect(noMap.json()).toMatchObject({ issues: [{ field: 'body.roleMap', code: 'required' }] });
    expect((await h.as(admin, 'GET', '/api/sso/settings')).json()).toMatchObject({ roleSource: 'account' });
  });

  it('is the administrator’s only', async () => {
    const nurse = await h.login(h.orgA.users.nurse.username);
    expect((await h.as(nurse, 'GET', '/api/sso/settings')).statusCode).toBe(403);
    const otherAdmin = await h.login(h.orgB.users.admin.username);
    expect((await h.as(otherAdmin, 'GET', '/api/sso/settings')).statusCode).toBe(404);
  });
});

describe('the login page’s buttons', () => {
  it('lists the organisations with the hospital sign-in: name and start URL only', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/auth/sso/options' });
    expect(response.json()).toEqual({
      options: [
        {
          organizationName: 'Alpha Hospital',
          startUrl: '/api/auth/sso/alpha/start',
          localPasswords: 'allowed',
        },
      ],
    });
  });
});

describe('a hospital sign-in', () => {
  it('starts with a redirect to the provider with PKCE, state and nonce, and a Lax flow cookie for the callback only', async () => {
    const response = await start();
    expect(response.statusCode).toBe(302);
    const url = new URL(response.headers.location as string);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).not.toBeNull();
    expect(url.searchParams.get('nonce')).not.toBeNull();
    expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK);
    const cookie = response.cookies.find((c) => c.name === SSO_FLOW_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/sso/callback' });
  });

  it('signs the account in with its own role and a session like the password login’s, audited', async () => {
    const response = await signIn('anna');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });
    expect(await sessionRole(response)).toBe('nurse');
    expect(await lastSsoEvent()).toMatchObject({
      action: 'login',
      username: h.orgA.users.nurse.username,
      details: { method: 'sso', roleSource: 'account' },
    });
    const logged = await h.db.owner.query<{ details: string }>(
      `SELECT details::text FROM audit_events WHERE details->>'method' = 'sso'`,
    );
    for (const row of logged.rows) expect(row.details).not.toMatch(/eyJ|code_verifier|access_token/);
  });

  it('ends the session the browser had before, as the password login does', async () => {
    const before = await h.login(h.orgA.users.secretary.username);
    const started = await start();
    const back = await signInAtProvider(started.headers.location as string, 'anna', 'provider-password');
    const response = await h.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      cookies: { [SSO_FLOW_COOKIE]: flowCookieOf(started), [SESSION_COOKIE]: before.cookie },
    });
    expect(await sessionRole(response)).toBe('nurse');
    expect((await h.as(before, 'GET', '/api/auth/session')).statusCode).toBe(401);
  });

  it('goes back to the page the user came from, but never to another site or the login page', async () => {
    expect((await signIn('anna', '?redirect=%2Fworklist%3Ftab%3Dnew')).headers.location).toBe(
      '/worklist?tab=new',
    );
    expect((await signIn('anna', '?redirect=https%3A%2F%2Fevil.example')).headers.location).toBe('/');
    expect((await signIn('anna', '?redirect=%2F%2Fevil.example')).headers.location).toBe('/');
  });

  it('refuses an account the organisation does not have, and audits why', async () => {
    const response = await signIn('ghost');
    expect(response.headers.location).toBe('/login?sso=unknown_account');
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    expect(await lastSsoEvent()).toMatchObject({
      action: 'login_failed',
      username: 'nobody.in.osteopad',
      details: { method: 'sso', why: 'unknown_account' },
    });
  });

  it('refuses an account of another organisation as unknown', async () => {
    expect((await signIn('beta')).headers.location).toBe('/login?sso=unknown_account');
  });

  it('refuses an inactive account', async () => {
    await h.db.owner.query('UPDATE users SET active = false WHERE id = $1', [h.orgA.users.secretary.id]);
    try {
      const response = await signIn('sam');
      expect(response.headers.location).toBe('/login?sso=inactive_account');
      expect(await lastSsoEvent()).toMatchObject({
        action: 'login_failed',
        details: { why: 'inactive_account' },
      });
    } finally {
      await h.db.owner.query('UPDATE users SET active = true WHERE id = $1', [h.orgA.users.secretary.id]);
    }
  });

  it('never signs a patient account in', async () => {
    const response = await signIn('pat');
    expect(response.headers.location).toBe('/login?sso=patient_account');
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });

  it('refuses a callback whose state is not the flow’s, and one without the flow cookie', async () => {
    const started = await start();
    const back = await signInAtProvider(started.headers.location as string, 'anna', 'provider-password');
    back.searchParams.set('state', 'forged-state');
    const forged = await callback(back, flowCookieOf(started));
    expect(forged.headers.location).toBe('/login?sso=sign_in_failed');
    expect(forged.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    expect(await lastSsoEvent()).toMatchObject({
      action: 'login_failed',
      details: { why: 'sign_in_failed' },
    });
    const startedAgain = await start();
    const backAgain = await signInAtProvider(
      startedAgain.headers.location as string,
      'anna',
      'provider-password',
    );
    expect((await callback(backAgain, '')).headers.location).toBe('/login?sso=flow_expired');
    // A flow is used once: the same callback again finds none.
    const used = flowCookieOf(startedAgain);
    expect((await callback(backAgain, used)).statusCode).toBe(302);
    expect((await callback(backAgain, used)).headers.location).toBe('/login?sso=flow_expired');
  });

  it('refuses a flow that took longer than its minutes', async () => {
    const started = await start();
    const back = await signInAtProvider(started.headers.location as string, 'anna', 'provider-password');
    h.clock.advanceMinutes(11);
    try {
      expect((await callback(back, flowCookieOf(started))).headers.location).toBe('/login?sso=flow_expired');
    } finally {
      h.clock.advanceMinutes(-11);
    }
  });

  it('answers the same neutral redirect for an organisation that does not exist or has no sign-in', async () => {
    expect((await start('', 'no-such-hospital')).headers.location).toBe('/login?sso=not_configured');
    expect((await start('', h.orgB.id)).headers.location).toBe('/login?sso=not_configured');
    expect((await start('', h.orgA.id)).statusCode).toBe(302);
    expect((await start('', h.orgA.id)).headers.location).not.toMatch(/^\/login/);
  });
});

describe('roles from a claim', () => {
  beforeAll(async () => {
    const response = await configure({
      roleSource: 'claim',
      roleClaim: 'groups',
      roleMap: { 'osteopad-specialists': 'specialist', 'osteopad-nurses': 'nurse' },
    });
    expect(response.statusCode).toBe(200);
  });
  afterAll(async () => {
    expect((await configure()).statusCode).toBe(200);
  });

  it('gives the mapped role (passing over groups without a mapping) and audits the change', async () => {
    const response = await signIn('anna');
    expect(await sessionRole(response)).toBe('specialist');
    expect(await lastSsoEvent()).toMatchObject({
      action: 'login',
      details: { roleSource: 'claim', roleFrom: 'nurse', roleTo: 'specialist' },
    });
    await h.db.owner.query(`UPDATE users SET role = 'nurse' WHERE id = $1`, [h.orgA.users.nurse.id]);
  });

  it('refuses a claim without a mapped role, never giving a default role', async () => {
    expect((await signIn('quinn')).headers.location).toBe('/login?sso=unmapped_role');
    expect(await lastSsoEvent()).toMatchObject({ details: { why: 'unmapped_role' } });
  });

  it('refuses a claim that maps to two roles', async () => {
    expect((await signIn('torn')).headers.location).toBe('/login?sso=unmapped_role');
  });
});

describe('a provider that is down', () => {
  let silent: Server;
  let silentPort = 0;
  beforeAll(async () => {
    // Accepts connections and never answers.
    silent = createServer(() => undefined);
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    silentPort = (silent.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await configure();
    silent.close();
  });

  it('ends on the login page with provider_unavailable when nothing listens', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    expect((await configure({ issuerUrl: `http://127.0.0.1:${String(port)}` })).statusCode).toBe(200);
    expect((await start()).headers.location).toBe('/login?sso=provider_unavailable');
  });

  it('gives up on a provider that does not answer within the time-out', async () => {
    expect((await configure({ issuerUrl: `http://127.0.0.1:${String(silentPort)}` })).statusCode).toBe(200);
    const began = Date.now();
    const response = await start();
    expect(response.headers.location).toBe('/login?sso=provider_unavailable');
    expect(Date.now() - began).toBeLessThan(5000);
    expect(await lastSsoEvent()).toMatchObject({ details: { why: 'provider_unavailable' } });
  });
});

describe('local passwords switched off', () => {
  const passwordLogin = (username: string, password = TEST_PASSWORD) =>
    h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: '10.9.0.2',
    });

  it('refuses the password login and change of staff, keeps patients’ passwords, and allows them again when switched on', async () => {
    const nurse = await h.login(h.orgA.users.nurse.username);
    expect((await configure({ localPasswords: 'disabled' })).statusCode).toBe(200);
    try {
      const refused = await passwordLogin(h.orgA.users.nurse.username);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ error: 'password_login_disabled' });
      expect(refused.json<{ message: string }>().message).toMatch(/hospital account/);
      expect(refused.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
      // A wrong password says nothing about the organisation's sign-in.
      expect((await passwordLogin(h.orgA.users.nurse.username, 'wrong password')).statusCode).toBe(401);
      const change = await h.as(nurse, 'POST', '/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'another long passphrase 42',
      });
      expect(change.statusCode).toBe(403);
      expect(change.json()).toMatchObject({ error: 'password_login_disabled' });
      expect((await passwordLogin(h.orgA.users.patient.username)).statusCode).toBe(200);
      expect((await passwordLogin(h.orgB.users.nurse.username)).statusCode).toBe(200);
      expect((await signIn('anna')).headers.location).toBe('/');
      const options = await h.app.inject({ method: 'GET', url: '/api/auth/sso/options' });
      expect(options.json()).toMatchObject({ options: [{ localPasswords: 'disabled' }] });
    } finally {
      expect((await configure({ localPasswords: 'allowed' })).statusCode).toBe(200);
    }
    expect((await passwordLogin(h.orgA.users.nurse.username)).statusCode).toBe(200);
  });
});
