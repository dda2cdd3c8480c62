import { loginBody, noContent, passwordChangeBody, ROLES, sessionSchema } from '@osteopad/contract';
import type { FastifyReply } from 'fastify';
import type { AppDeps, TypedApp } from '../http/app';
import { recordAuditEvents } from '../audit/auditedTransaction';
import { HttpProblem, unauthorized } from '../http/problems';
import { purposeOfUse } from './roles';
import { spendVerificationTime, verifyPassword } from './passwords';
import {
  findLoginAccount,
  nameOfOrganization,
  recordFailedLogin,
  recordSuccessfulLogin,
  type FailedLoginOutcome,
} from './loginAttempts';
import { changeOwnPassword } from '../users/userAccounts';
import { createSession, deleteSession } from './sessionStore';
import { SESSION_COOKIE } from './authenticate';
import { setSessionCookie as setCookieOfSession } from './sessionCookie';
import { mayUsePassword, passwordLoginDisabled } from './sso/localPasswords';

/** One answer for every failed login, so it does not reveal whether the account exists or is locked. */
const LOGIN_FAILED = new HttpProblem(
  401,
  'invalid_credentials',
  'Login failed. Check your username and password; after repeated failures the account is locked for a while.',
);

/** The reason written into the audit log for each outcome of a wrong password. */
const FAILED_LOGIN_WHY: Record<FailedLoginOutcome, string> = {
  counted: 'wrong_password',
  locked_now: 'wrong_password_locked',
  already_locked: 'locked',
};

export function registerAuthRoutes(app: TypedApp, deps: AppDeps): void {
  const { db, clock, config } = deps;

  const setSessionCookie = (reply: FastifyReply, token: string): void => {
    setCookieOfSession(reply, token, config);
  };

  app.post(
    '/api/auth/login',
    {
      config: {
        access: { public: true },
        rateLimit: { max: config.login.rateLimitMax, timeWindow: config.login.rateLimitWindowMs },
      },
      schema: {
        summary: 'Log in: a new session cookie and its CSRF token',
        tags: ['auth'],
        body: loginBody,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const now = clock();
      const user = await findLoginAccount(db, username);
      const failAudit = async (userRow: typeof user, why: string): Promise<void> => {
        await recordAuditEvents(
          db,
          {
            userId: userRow?.id ?? null,
            username: userRow?.username ?? username.slice(0, 100),
            role: userRow?.role ?? '',
            organizationId: userRow?.organizationId ?? null,
            clientAddress: request.ip,
            reason: 'authentication',
          },
          [{ action: 'login_failed', objectType: 'session', outcome: 'failure', details: { why } }],
          now,
        );
      };
      if (user === undefined || !user.active) {
        await spendVerificationTime(password);
        await failAudit(user, user === undefined ? 'unknown_user' : 'inactive');
        throw LOGIN_FAILED;
      }
      if (user.lockedUntil !== null && user.lockedUntil > now) {
        await spendVerificationTime(password);
        await failAudit(user, 'locked');
        throw LOGIN_FAILED;
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        const outcome = await recordFailedLogin(db, user.id, now, config.login);
        await failAudit(user, FAILED_LOGIN_WHY[outcome]);
        throw LOGIN_FAILED;
      }
      // Said only to whoever knows the password: that the organisation uses the hospital sign-in.
      if (!(await mayUsePassword(db, user))) {
        await failAudit(user, 'password_login_disabled');
        throw passwordLoginDisabled();
      }
      if (!(await recordSuccessfulLogin(db, user.id, now))) {
        await failAudit(user, 'locked');
        throw LOGIN_FAILED;
      }
      // A fresh session on every login: a cookie planted before login is worthless afterwards.
      const previous = request.actor;
      if (previous !== null) await deleteSession(db, previous.sessionTokenHash);
      const { token, csrfToken } = await createSession(db, user, request.ip, now, config.session);
      setSessionCookie(reply, token);
      await recordAuditEvents(
        db,
        {
          userId: user.id,
          username: user.username,
          role: user.role,
          organizationId: user.organizationId,
          clientAddress: request.ip,
          reason: purposeOfUse(user.role),
        },
        [{ action: 'login', objectType: 'session' }],
        now,
      );
      return {
        user: {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          organization: { id: user.organizationId, name: user.organizationName },
          patientId: user.patientId,
        },
        csrfToken,
      };
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: { roles: ROLES } },
      schema: {
        summary: 'The current session: who is logged in, and the CSRF token',
        tags: ['auth'],
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (actor === null) throw unauthorized();
      const organizationName = await nameOfOrganization(db, actor.organizationId);
      return {
        user: {
          id: actor.userId,
          username: actor.username,
          displayName: actor.displayName,
          role: actor.role,
          organization: { id: actor.organizationId, name: organizationName },
          patientId: actor.patientId,
        },
        csrfToken: actor.csrfToken,
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { roles: ROLES } },
      schema: { summary: 'Log out: end this session', tags: ['auth'], response: { 204: noContent } },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor === null) throw unauthorized();
      await deleteSession(db, actor.sessionTokenHash);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      await recordAuditEvents(
        db,
        {
          userId: actor.userId,
          username: actor.username,
          role: actor.role,
          organizationId: actor.organizationId,
          clientAddress: actor.clientAddress,
          reason: purposeOfUse(actor.role),
        },
        [{ action: 'logout', objectType: 'session' }],
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: { roles: ROLES } },
      schema: {
        summary: 'Change your own password',
        tags: ['auth'],
        body: passwordChangeBody,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor === null) throw unauthorized();
      if (!(await mayUsePassword(db, actor))) throw passwordLoginDisabled();
      await changeOwnPassword(db, actor, request.body.currentPassword, request.body.newPassword, clock());
      return reply.status(204).send(null);
    },
  );
}
