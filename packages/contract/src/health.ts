import { z } from 'zod/mini';

/** `GET /api/health`: 200 when the server and its database answer. */
export const healthSchema = z.object({ status: z.literal('ok'), database: z.literal('ok') });
/** …and 503 when the database does not. */
export const healthUnavailableSchema = z.object({
  status: z.literal('unavailable'),
  database: z.literal('unreachable'),
});
