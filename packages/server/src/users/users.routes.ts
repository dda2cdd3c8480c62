import {
  ADMIN_ROLES,
  newUserBody,
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

export function registerUserRoutes(app: TypedApp, { db, clock }: AppDeps): void {
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
      const { active, role } = request.body;
      if (
        request.params.userId === actor.userId &&
        (active === false || (role !== undefined && role !== 'admin'))
      ) {
        throw invalid('body', 'You cannot deactivate yourself or remove your own admin role.');
      }
      const now = clock();
      const user = await changeUser(db, actor, request.params.userId, request.body, now);
      return toUser(user, now);
    },
  );
}
