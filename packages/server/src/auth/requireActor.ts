import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor';
import { unauthorized } from '../http/problems';

/** The authenticate hook has already refused anonymous requests; this narrows the type. */
export function requireActor(request: FastifyRequest): Actor {
  if (request.actor === null) throw unauthorized();
  return request.actor;
}
