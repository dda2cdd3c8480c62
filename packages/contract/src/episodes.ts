import { z } from 'zod/mini';
import { EPISODE_STATES, TASK_KINDS } from './codes';
import { knownCode } from './fields';

/** The answer to every episode action: the new state and the task that now waits, if any. */
export const episodeActionSchema = z.object({
  episodeId: z.uuid(),
  state: knownCode(EPISODE_STATES),
  nextTask: z.nullable(z.object({ kind: knownCode(TASK_KINDS), dueDate: z.string() })),
});
export type EpisodeActionResult = z.infer<typeof episodeActionSchema>;

/** The answer of `POST /api/invitations`: one result per episode, a refusal as its error code. */
export const invitationsSchema = z.object({
  results: z.array(
    z.object({
      episodeId: z.uuid(),
      ok: z.boolean(),
      error: z.nullable(z.string()),
      result: z.nullable(episodeActionSchema),
    }),
  ),
});
export type InvitationResults = z.infer<typeof invitationsSchema>;
