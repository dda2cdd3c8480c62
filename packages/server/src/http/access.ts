import type { UserRole } from '../auth/roles';

/**
 * Every route declares who may call it. A route without a declaration fails at registration,
 * so nothing is accidentally public.
 */
export type RouteAccess = { readonly public: true } | { readonly roles: readonly UserRole[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export function isPublic(access: RouteAccess): access is { readonly public: true } {
  return 'public' in access;
}
