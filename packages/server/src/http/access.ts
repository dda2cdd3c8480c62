import type { Role } from '@osteopad/contract';

/**
 * Every route declares who may call it. A route without a declaration fails at registration,
 * so nothing is accidentally public.
 */
export type RouteAccess =
  | { readonly public: true }
  | {
      readonly roles: readonly Role[];
      /**
       * Who checks that the records the path names (`:patientId` …) are the caller's organisation's.
       * By default the authenticate hook does, before the handler, in a statement of its own.
       * `'unitOfWork'`: the route's handler reads or writes them through the unit of work
       * (auditedTransaction, auditedRead), whose first statement checks them — no extra round trip.
       * Should the handler answer without one, the check runs before the answer leaves (app.ts).
       */
      readonly namedRecords?: 'hook' | 'unitOfWork';
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export function isPublic(access: RouteAccess): access is { readonly public: true } {
  return 'public' in access;
}
