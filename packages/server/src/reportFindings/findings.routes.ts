import { z } from 'zod';
import type { AppDeps, TypedApp } from '../http/app';
import { CLINICAL_ROLES } from '../auth/roles';
import { requireActor } from '../auth/requireActor';
import { pagination, shortText } from '../http/validation';
import { localIsoDate } from '../time/localDate';
import { listFindings, reviewFinding } from './findingReview';

const findingSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid().nullable(),
  familyName: z.string().nullable(),
  givenNames: z.string().nullable(),
  birthDate: z.string().nullable(),
  patientRef: z.string(),
  reportId: z.string(),
  reportDate: z.string(),
  sentence: z.string(),
  highlightStart: z.number().int(),
  highlightEnd: z.number().int(),
  levels: z.array(z.string()),
  genantGrade: z.number().int().nullable(),
  known: z.boolean(),
  /** `uncertain` when the report hedges; `certaintyCue` is the hedge as written. */
  certainty: z.enum(['definite', 'uncertain']),
  certaintyCue: z.string().nullable(),
  status: z.string(),
});

export function registerFindingRoutes(app: TypedApp, { db, clock, clinical }: AppDeps): void {
  app.get(
    '/api/report-findings',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        tags: ['worklist'],
        querystring: z.strictObject({
          status: z.enum(['open', 'confirmed', 'dismissed']).default('open'),
          ...pagination,
        }),
        response: { 200: z.object({ items: z.array(findingSchema), total: z.number().int() }) },
      },
    },
    async (request) => listFindings(db, requireActor(request), request.query),
  );

  app.post(
    '/api/report-findings/:findingId/review',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        tags: ['worklist'],
        params: z.strictObject({ findingId: z.uuid() }),
        body: z.strictObject({
          decision: z.enum(['confirm', 'dismiss']),
          patientId: z.uuid().optional(),
          note: shortText(500).default(''),
        }),
        response: {
          200: z.object({
            status: z.enum(['confirmed', 'dismissed']),
            imported: z.number().int(),
            duplicates: z.number().int(),
            /** The vertebral fracture the confirmation recorded, with its levels and grade so far. */
            fractureId: z.uuid().nullable(),
            vertebralLevels: z.array(z.string()),
            genantGrade: z.number().int().nullable(),
            /** An open episode whose unplaced fracture of the same date is now this vertebral fracture. */
            linkedEpisodeId: z.uuid().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const result = await reviewFinding(
        db,
        requireActor(request),
        request.params.findingId,
        {
          confirm: request.body.decision === 'confirm',
          patientId: request.body.patientId,
          note: request.body.note,
        },
        { today: localIsoDate(clock()), clock, config: clinical },
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
