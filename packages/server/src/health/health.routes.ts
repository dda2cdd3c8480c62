import { healthSchema, healthUnavailableSchema } from '@osteopad/contract';
import { sql } from 'drizzle-orm';
import type { AppDeps, TypedApp } from '../http/app';

const PROBE_TIMEOUT_MS = 2_000;

async function databaseReachable(deps: AppDeps): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, PROBE_TIMEOUT_MS);
  });
  try {
    const probe = deps.db.execute(sql`SELECT 1`).then(
      () => true,
      () => false,
    );
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoutes(app: TypedApp, deps: AppDeps): void {
  app.get(
    '/api/health',
    {
      config: { access: { public: true } },
      schema: {
        summary: 'Whether the server and its database answer',
        tags: ['health'],
        response: { 200: healthSchema, 503: healthUnavailableSchema },
      },
    },
    async (_request, reply) => {
      if (await databaseReachable(deps)) return { status: 'ok' as const, database: 'ok' as const };
      return reply.status(503).send({ status: 'unavailable' as const, database: 'unreachable' as const });
    },
  );
}
