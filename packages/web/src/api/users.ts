import { queryOptions } from '@tanstack/react-query';
import {
  passwordLinkRedeemedSchema,
  passwordLinkSchema,
  userListSchema,
  userSchema,
  type PasswordLink,
  type PasswordLinkRedeemBody,
  type User,
  type newUserBody,
  type userUpdateBody,
} from '@osteopad/contract';
import type { z } from 'zod/mini';
import { api, ApiError } from './client';

export type NewUserBody = z.input<typeof newUserBody>;
export type UserUpdateBody = z.input<typeof userUpdateBody>;

export const USERS_QUERY_KEY = ['users'] as const;

/** Every account of the organisation, by username. */
export const usersQuery = queryOptions({
  queryKey: USERS_QUERY_KEY,
  queryFn: () => api.get('/api/users', userListSchema),
});

function answered<T>(answer: T | undefined): T {
  if (answer === undefined) throw new ApiError(204, 'invalid_response', 'Expected a body.');
  return answer;
}

export async function createUser(body: NewUserBody): Promise<User> {
  return answered(await api.post('/api/users', { body, schema: userSchema }));
}

export async function changeUser(userId: string, body: UserUpdateBody): Promise<User> {
  return answered(await api.patch(`/api/users/${encodeURIComponent(userId)}`, { body, schema: userSchema }));
}

/** A new one-time link for the account; the server answers it only this once. */
export async function makePasswordLink(userId: string): Promise<PasswordLink> {
  return answered(
    await api.post(`/api/users/${encodeURIComponent(userId)}/password-link`, { schema: passwordLinkSchema }),
  );
}

export async function redeemPasswordLink(body: PasswordLinkRedeemBody): Promise<{ username: string }> {
  return answered(await api.post('/api/auth/password-link', { body, schema: passwordLinkRedeemedSchema }));
}
