import { FOLLOW_UP_WORKLIST_ROLES, followUpWorklistQuery, followUpWorklistSchema } from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { localIsoDate } from '../time/localDate';
import { DEFAULT_FOLLOW_UP_SETTINGS } from '../followUp/followUpSettings';
import { queryFollowUpWorklist } from './followUpWorklistQuery';

/** The follow-up worklists with the quality clocks (issue 12, item 2). */
export function registerFollowUpWorklistRoutes(app: TypedApp, { db, clock, config }: AppDeps): void {
  const followUpSettings = config.followUp ?? DEFAULT_FOLLOW_UP_SETTINGS;
  app.get(
    '/api/follow-up/worklist',
    {
      config: { access: { roles: FOLLOW_UP_WORKLIST_ROLES } },
      schema: {
        summary: 'One tab of the follow-up worklist (due today, overdue, upcoming) with the quality clocks',
        tags: ['worklist'],
        querystring: followUpWorklistQuery,
        response: { 200: followUpWorklistSchema },
      },
    },
    async (request) =>
      queryFollowUpWorklist(db, requireActor(request), request.query, {
        today: localIsoDate(clock()),
        followUpSettings,
      }),
  );
}
