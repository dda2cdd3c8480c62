import type { Role } from '@osteopad/contract';

/**
 * Every route declares who may call it. A route without a declaration fails at registration,
 * so nothing is accidentally public.
 */
export type RouteAccess = { readonly public: true } | { readonly roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export function isPublic(access: RouteAccess): access is { readonly public: true } {
  return 'public' in access;
}
