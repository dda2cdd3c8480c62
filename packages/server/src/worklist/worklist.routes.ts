import { PATIENT_RECORD_ROLES, worklistQuery, worklistSchema } from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { invalid } from '../domain/errors';
import { queryWorklist } from './worklistQuery';

export function registerWorklistRoutes(app: TypedApp, { db }: AppDeps): void {
  app.get(
    '/api/worklist',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES } },
      schema: {
        summary: 'One view of the case-finding worklist, filtered, sorted and paged',
        tags: ['worklist'],
        querystring: worklistQuery,
        response: { 200: worklistSchema },
      },
    },
    async (request) => {
      const q = request.query;
      if (q.view === 'excluded' && q.group !== undefined) {
        throw invalid('querystring.group', 'Excluded fractures have no patient group; remove this filter.');
      }
      if (q.ageMin !== undefined && q.ageMax !== undefined && q.ageMin > q.ageMax) {
        throw invalid('querystring.ageMax', 'The maximum age is below the minimum age.', 'range');
      }
      if (q.fractureFrom !== undefined && q.fractureTo !== undefined && q.fractureFrom > q.fractureTo) {
        throw invalid('querystring.fractureTo', 'The end date lies before the start date.', 'range');
      }
      return queryWorklist(db, requireActor(request), q);
    },
  );
}
