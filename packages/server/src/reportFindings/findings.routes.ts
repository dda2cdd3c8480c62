import {
  CLINICAL_ROLES,
  findingParams,
  findingReviewBody,
  findingReviewSchema,
  reportFindingListSchema,
  reportFindingsQuery,
} from '@osteopad/contract';
import type { RouteDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { localIsoDate } from '../time/localDate';
import { listFindings, reviewFinding } from './findingReview';

export function registerFindingRoutes(app: TypedApp, { db, clock, clinicalConfigs }: RouteDeps): void {
  app.get(
    '/api/report-findings',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        summary: 'Vertebral fracture findings from radiology reports, by review status',
        tags: ['worklist'],
        querystring: reportFindingsQuery,
        response: { 200: reportFindingListSchema },
      },
    },
    async (request) => listFindings(db, requireActor(request), request.query),
  );

  app.post(
    '/api/report-findings/:findingId/review',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        summary: 'Confirm a finding (records the vertebral fracture) or dismiss it',
        tags: ['worklist'],
        params: findingParams,
        body: findingReviewBody,
        response: { 200: findingReviewSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const result = await reviewFinding(
        db,
        actor,
        request.params.findingId,
        {
          confirm: request.body.decision === 'confirm',
          patientId: request.body.patientId,
          note: request.body.note,
        },
        {
          today: localIsoDate(clock()),
          clock,
          config: await clinicalConfigs.forOrganization(actor.organizationId),
        },
      );
      return {
        status: result.status,
        imported: result.import?.imported ?? 0,
        duplicates: result.import?.duplicates ?? 0,
        fractureId: result.confirmation?.fractureId ?? null,
        vertebralLevels: result.confirmation?.vertebralLevels ?? [],
        genantGrade: result.confirmation?.genantGrade ?? null,
        linkedEpisodeId: result.confirmation?.linkedEpisodeId ?? null,
      };
    },
  );
}
