import type { FastifyRequest } from 'fastify';
import { forbidden } from '../http/problems';
import { requireActor } from './requireActor';
import type { Actor } from './actor';

/** A signed-in patient and the one record they may see. */
export interface PortalPatient {
  readonly actor: Actor;
  readonly patientId: string;
}

/**
 * The patient of a portal request, from the session only: portal routes never take a patient from a
 * parameter. Any other caller is refused (the routes allow role `patient` only; this is the second wall).
 */
export function requirePortalPatient(request: FastifyRequest): PortalPatient {
  const actor = requireActor(request);
  if (actor.role !== 'patient' || actor.patientId === null) throw forbidden();
  return { actor, patientId: actor.patientId };
}
