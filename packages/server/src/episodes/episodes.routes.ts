import {
  CLINICAL_ROLES,
  declineBody,
  eligibilityReviewBody,
  episodeActionSchema,
  episodeParams,
  invitationsBody,
  invitationsSchema,
  letterSentBody,
  PATIENT_RECORD_ROLES,
} from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { DomainError, invalid } from '../domain/errors';
import { localIsoDate } from '../time/localDate';
import { decideEligibility, markInvited, markReminded, recordDecline } from './episodeRecords';

export function registerEpisodeRoutes(app: TypedApp, { db, clock }: AppDeps): void {
  const today = (): string => localIsoDate(clock());
  const notInFuture = (field: string, date: string): string => {
    if (date > today()) throw invalid(field, 'This date lies in the future.', 'future_date');
    return date;
  };

  const letterSentRoute = (path: string, summary: string, record: typeof markInvited): void => {
    app.post(
      path,
      {
        config: { access: { roles: PATIENT_RECORD_ROLES } },
        schema: {
          summary,
          tags: ['episodes'],
          params: episodeParams,
          body: letterSentBody,
          response: { 200: episodeActionSchema },
        },
      },
      async (request) => {
        const sentOn = notInFuture('body.sentOn', request.body.sentOn ?? today());
        const { episodeId } = request.params;
        return record(db, requireActor(request), episodeId, sentOn, today(), request.body.expectedVersion);
      },
    );
  };
  letterSentRoute(
    '/api/episodes/:episodeId/invitation',
    'Mark the invitation letter sent (the reminder falls due later)',
    markInvited,
  );
  letterSentRoute('/api/episodes/:episodeId/reminder', 'Mark the reminder letter sent', markReminded);

  app.post(
    '/api/invitations',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES } },
      schema: {
        summary: 'Mark several patients invited at once',
        tags: ['episodes'],
        description: 'Marks several patients invited at once (after printing a batch of letters).',
        body: invitationsBody,
        response: { 200: invitationsSchema },
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
        summary: 'Record that the patient declines the pathway, with the reason',
        tags: ['episodes'],
        params: episodeParams,
        body: declineBody,
        response: { 200: episodeActionSchema },
      },
    },
    async (request) => {
      const { reason, note, expectedVersion } = request.body;
      if (reason === 'other' && note === '')
        throw invalid('body.note', 'Describe the reason when choosing "other".', 'note_required');
      const { episodeId } = request.params;
      return recordDecline(db, requireActor(request), episodeId, reason, note, today(), expectedVersion);
    },
  );

  app.post(
    '/api/episodes/:episodeId/eligibility-review',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        summary: 'Decide on a fracture sent to manual review: eligible, or not (with the reason)',
        tags: ['episodes'],
        params: episodeParams,
        body: eligibilityReviewBody,
        response: { 200: episodeActionSchema },
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
