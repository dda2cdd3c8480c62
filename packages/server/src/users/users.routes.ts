import {
  ADMIN_ROLES,
  newUserBody,
  passwordLinkRedeemBody,
  passwordLinkRedeemedSchema,
  passwordLinkSchema,
  userListSchema,
  userParams,
  userSchema,
  userUpdateBody,
} from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import type { users } from '../db/schema';
import { requireActor } from '../auth/requireActor';
import { addUser, changeUser, listUsers } from './userAccounts';
import { invalid } from '../domain/errors';
import { issuePasswordLink, passwordLinkUrl, redeemPasswordLink } from './passwordLinks';
import { DEFAULT_PASSWORD_LINK_HOURS } from './passwordLinkSettings';

type UserRow = typeof users.$inferSelect;

function toUser(row: UserRow, now: Date) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    active: row.active,
    locked: row.lockedUntil !== null && row.lockedUntil > now,
    patientId: row.patientId,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

export function registerUserRoutes(app: TypedApp, { db, clock, config }: AppDeps): void {
  const passwordLinkHours = config.passwordLinkHours ?? DEFAULT_PASSWORD_LINK_HOURS;

  app.get(
    '/api/users',
    {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        summary: 'Every account of the organisation',
        tags: ['users'],
        response: { 200: userListSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await listUsers(db, actor);
      const now = clock();
      return { items: rows.map((r) => toUser(r, now)) };
    },
  );

  app.post(
    '/api/users',
    {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        summary: 'Add an account',
        tags: ['users'],
        body: newUserBody,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body;
      if ((body.role === 'patient') !== (body.patientId !== null)) {
        throw invalid(
          'body.patientId',
          'A patient account needs a patientId; other roles must not have one.',
        );
      }
      const user = await addUser(db, actor, body);
      return reply.status(201).send(toUser(user, clock()));
    },
  );

  app.patch(
    '/api/users/:userId',
    {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        summary: 'Change, deactivate or unlock an account, or set its password',
        tags: ['users'],
        params: userParams,
        body: userUpdateBody,
        response: { 200: userSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const now = clock();
      const user = await changeUser(db, actor, request.params.userId, request.body, now);
      return toUser(user, now);
    },
  );

  app.post(
    '/api/users/:userId/password-link',
    {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        summary: 'Make a one-time link for the account to set its password (answered once)',
        tags: ['users'],
        description:
          'Only the token’s hash is kept; a newer link revokes the account’s unused ones. A deactivated account answers 409 user_inactive.',
        params: userParams,
        response: { 201: passwordLinkSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const link = await issuePasswordLink(db, actor, request.params.userId, clock(), passwordLinkHours);
      // The address users reach Osteopad at when it is configured (OSTEOPAD_PUBLIC_URL), else the request's.
      const origin = config.sso?.publicUrl ?? `${request.protocol}://${request.host}`;
      return reply.status(201).send({
        url: passwordLinkUrl(origin, link.token),
        expiresAt: link.expiresAt.toISOString(),
      });
    },
  );

  app.post(
    '/api/auth/password-link',
    {
      config: {
        access: { public: true },
        rateLimit: { max: config.login.rateLimitMax, timeWindow: config.login.rateLimitWindowMs },
      },
      schema: {
        summary: 'Set a password with a one-time link from an administrator',
        tags: ['auth'],
        description:
          'An unknown, used, replaced or expired link answers 400 password_link_invalid; the link is used up and the account’s sessions end.',
        body: passwordLinkRedeemBody,
        response: { 200: passwordLinkRedeemedSchema },
      },
    },
    async (request) => {
      const { token, password } = request.body;
      return redeemPasswordLink(db, token, password, request.ip, clock());
    },
  );
}
