import { z } from 'zod';
import type { AppDeps, TypedApp } from '../http/app';
import type { users } from '../db/schema';
import { requireActor } from '../auth/requireActor';
import { USER_ROLES } from '../auth/roles';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwords';
import { addUser, changeUser, listUsers } from './userAccounts';
import { invalid } from '../domain/errors';
import { requiredText } from '../http/validation';

const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(USER_ROLES),
  active: z.boolean(),
  locked: z.boolean(),
  patientId: z.uuid().nullable(),
  lastLoginAt: z.string().nullable(),
});

const newUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3)
    .max(100)
    .regex(/^[A-Za-z0-9._@-]+$/, 'Use letters, digits and . _ @ - only.'),
  displayName: requiredText(200),
  role: z.enum(USER_ROLES),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
  patientId: z.uuid().nullable().default(null),
});

const userUpdateBody = z.strictObject({
  displayName: requiredText(200).optional(),
  role: z.enum(USER_ROLES).optional(),
  active: z.boolean().optional(),
  unlock: z.literal(true).optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH).optional(),
});

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
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['users'], response: { 200: z.object({ items: z.array(userSchema) }) } },
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
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['users'], body: newUserBody, response: { 201: userSchema } },
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
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['users'],
        params: z.strictObject({ userId: z.uuid() }),
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
