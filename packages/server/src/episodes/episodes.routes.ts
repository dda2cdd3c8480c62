import { z } from 'zod';
import type { AppDeps, TypedApp } from '../http/app';
import { PATIENT_RECORD_ROLES, CLINICAL_ROLES } from '../auth/roles';
import { requireActor } from '../auth/requireActor';
import { DomainError, invalid } from '../domain/errors';
import { isoDate, shortText } from '../http/validation';
import { localIsoDate } from '../time/localDate';
import { DECLINE_REASONS, NOT_ELIGIBLE_REASONS } from './declineReasons';
import { decideEligibility, markInvited, markReminded, recordDecline } from './episodeRecords';
import { EPISODE_STATES } from './episodeStateMachine';

const params = z.strictObject({ episodeId: z.uuid() });
const actionResult = z.object({
  episodeId: z.uuid(),
  state: z.enum(EPISODE_STATES),
  nextTask: z.object({ kind: z.string(), dueDate: z.string() }).nullable(),
});

export function registerEpisodeRoutes(app: TypedApp, { db, clock }: AppDeps): void {
  const today = (): string => localIsoDate(clock());
  const notInFuture = (field: string, date: string): string => {
    if (date > today()) throw invalid(field, 'This date lies in the future.', 'future_date');
    return date;
  };

  const letterSentRoute = (path: string, record: typeof markInvited): void => {
    app.post(
      path,
      {
        config: { access: { roles: PATIENT_RECORD_ROLES } },
        schema: {
          tags: ['episodes'],
          params,
          body: z.strictObject({ sentOn: isoDate.optional() }),
          response: { 200: actionResult },
        },
      },
      async (request) => {
        const sentOn = notInFuture('body.sentOn', request.body.sentOn ?? today());
        return record(db, requireActor(request), request.params.episodeId, sentOn, today());
      },
    );
  };
  letterSentRoute('/api/episodes/:episodeId/invitation', markInvited);
  letterSentRoute('/api/episodes/:episodeId/reminder', markReminded);

  app.post(
    '/api/invitations',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES } },
      schema: {
        tags: ['episodes'],
        description: 'Marks several patients invited at once (after printing a batch of letters).',
        body: z.strictObject({ episodeIds: z.array(z.uuid()).min(1).max(500), sentOn: isoDate.optional() }),
        response: {
          200: z.object({
            results: z.array(
              z.object({
                episodeId: z.uuid(),
                ok: z.boolean(),
                error: z.string().nullable(),
                result: actionResult.nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const sentOn = notInFuture('body.sentOn', request.body.sentOn ?? today());
      const results = [];
      // Each patient on its own: one already invited does not hold up the others.
      for (const episodeId of new Set(request.body.episodeIds)) {
        try {
          results.push({
            episodeId,
            ok: true,
            error: null,
            result: await markInvited(db, actor, episodeId, sentOn, today()),
          });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          results.push({ episodeId, ok: false, error: error.code, result: null });
        }
      }
      return { results };
    },
  );

  app.post(
    '/api/episodes/:episodeId/decline',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES } },
      schema: {
        tags: ['episodes'],
        params,
        body: z.strictObject({ reason: z.enum(DECLINE_REASONS), note: shortText(500).default('') }),
        response: { 200: actionResult },
      },
    },
    async (request) => {
      const { reason, note } = request.body;
      if (reason === 'other' && note === '')
        throw invalid('body.note', 'Describe the reason when choosing "other".', 'note_required');
      return recordDecline(db, requireActor(request), request.params.episodeId, reason, note, today());
    },
  );

  app.post(
    '/api/episodes/:episodeId/eligibility-review',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        tags: ['episodes'],
        params,
        body: z.discriminatedUnion('eligible', [
          z.strictObject({ eligible: z.literal(true), note: shortText(500).default('') }),
          z.strictObject({
            eligible: z.literal(false),
            reason: z.enum(NOT_ELIGIBLE_REASONS),
            note: shortText(500).default(''),
          }),
        ]),
        response: { 200: actionResult },
      },
    },
    async (request) => {
      const body = request.body;
      if (!body.eligible && body.reason === 'other' && body.note === '') {
        throw invalid('body.note', 'Describe the reason when choosing "other".', 'note_required');
      }
      return decideEligibility(db, requireActor(request), request.params.episodeId, body, today());
    },
  );
}
