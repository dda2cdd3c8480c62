import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/app';
import { isPublic } from '../http/access';
import { forbidden, HttpProblem, unauthorized } from '../http/problems';
import { invalidFields, notFound } from '../domain/errors';
import { ownsAll } from '../http/ownership';
import { subjectOf } from '../audit/auditLog';
import { recordAuditEvents } from '../audit/auditedTransaction';
import { accessDeniedEntry, namedRecordsOf } from '../audit/namedRecords';
import type { Actor } from './actor';
import { findSession } from './sessionStore';

export const SESSION_COOKIE = 'osteopad_session';
export const CSRF_HEADER = 'x-csrf-token';
const ACCESS_REASON_HEADER = 'x-access-reason';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function accessReason(request: FastifyRequest): string {
  const raw = request.headers[ACCESS_REASON_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return '';
  const reason = value.trim();
  if (reason.length > 200) {
    throw invalidFields('The access reason is too long.', [
      { field: `headers.${ACCESS_REASON_HEADER}`, message: 'At most 200 characters.', code: 'too_big' },
    ]);
  }
  return reason;
}

function routeOf(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? ''}`;
}

/**
 * Checks that the records the actor's request names are their organisation's, unless that was done
 * already; 404 (DomainError not_found) and an access_denied event when one is not.
 */
export async function checkNamedRecords(actor: Actor, deps: AppDeps): Promise<void> {
  const named = actor.namedRecords;
  if (named === undefined || named.checked) return;
  if (!(await ownsAll(deps.db, actor.organizationId, named))) {
    await recordAuditEvents(deps.db, subjectOf(actor), [accessDeniedEntry(named)]);
    throw notFound('Record');
  }
  named.checked = true;
}

/**
 * Runs before every request: resolves the session, then enforces the route's declared access —
 * authentication, role, CSRF token on state-changing requests, and organisation ownership of every
 * record named in the path: here, or — for routes that declare `namedRecords: 'unitOfWork'` — in the
 * first statement of the request's unit of work (the actor carries the records to check).
 */
export async function authenticate(
  request: FastifyRequest,
  _reply: FastifyReply,
  deps: AppDeps,
): Promise<void> {
  const access = request.routeOptions.config.access;
  if (access === undefined) return; // no route matched: the not-found handler answers
  const token = request.cookies[SESSION_COOKIE];
  const now = deps.clock();
  const session =
    token === undefined || token === '' ? null : await findSession(deps.db, token, now, deps.config.session);
  if (session !== null) {
    request.actor = {
      userId: session.userId,
      username: session.username,
      displayName: session.displayName,
      role: session.role,
      organizationId: session.organizationId,
      patientId: session.patientId,
      clientAddress: request.ip,
      sessionTokenHash: session.tokenHash,
      csrfToken: session.csrfToken,
      accessReason: accessReason(request),
      namedRecords:
        namedRecordsOf(routeOf(request), (request.params ?? {}) as Record<string, unknown>) ?? undefined,
    };
  }
  if (isPublic(access)) return;
  const actor = request.actor;
  if (actor === null) throw unauthorized();
  if (!access.roles.includes(actor.role)) {
    await recordAuditEvents(deps.db, subjectOf(actor), [
      {
        action: 'access_denied',
        objectType: 'route',
        objectId: routeOf(request),
        outcome: 'denied',
        details: { why: 'role' },
      },
    ]);
    throw forbidden();
  }
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameToken(sent, actor.csrfToken)) {
      throw new HttpProblem(403, 'csrf', 'Missing or wrong CSRF token (header X-CSRF-Token).');
    }
  }
  if (access.namedRecords === 'unitOfWork') return;
  await checkNamedRecords(actor, deps);
}
