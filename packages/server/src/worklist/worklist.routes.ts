import { z } from 'zod';
import type { AppDeps, TypedApp } from '../http/app';
import { PATIENT_RECORD_ROLES } from '../auth/roles';
import { requireActor } from '../auth/requireActor';
import { invalid } from '../domain/errors';
import { isoDate } from '../http/validation';
import { queryWorklist, WORKLIST_SORTS, WORKLIST_VIEWS } from './worklistQuery';

export const PATIENT_GROUPS = ['hip', 'vertebral', 'otherInpatient', 'outpatient'] as const;
/** Where a fracture came from, as the worklist filters on it (`reports`: a confirmed radiology finding). */
export const WORKLIST_SOURCES = ['csv', 'hl7v2', 'fhir', 'reports', 'manual'] as const;

const worklistQuerySchema = z.strictObject({
  view: z.enum(WORKLIST_VIEWS),
  site: z.string().max(50).optional(),
  group: z.enum(PATIENT_GROUPS).optional(),
  ageMin: z.coerce.number().int().min(0).max(130).optional(),
  ageMax: z.coerce.number().int().min(0).max(130).optional(),
  fractureFrom: isoDate.optional(),
  fractureTo: isoDate.optional(),
  source: z.enum(WORKLIST_SOURCES).optional(),
  sort: z.enum(WORKLIST_SORTS).default('fractureDate'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the page before; absent for the first page. Checked strictly (400 on a bad one). */
  cursor: z.string().min(1).max(400).optional(),
});

const worklistItem = z.object({
  episodeId: z.uuid().nullable(),
  episodeState: z.string().nullable(),
  patientId: z.uuid(),
  familyName: z.string(),
  givenNames: z.string(),
  initials: z.string(),
  bsn: z.string().nullable(),
  birthDate: z.string(),
  sex: z.string(),
  ageAtFracture: z.number().int(),
  fractureId: z.uuid(),
  fractureDate: z.string(),
  siteCode: z.string().nullable(),
  siteText: z.string(),
  icd10Code: z.string(),
  patientGroup: z.string().nullable(),
  eligibility: z.string(),
  eligibilityReason: z.string(),
  assumptions: z.array(z.string()),
  source: z.string(),
  taskId: z.uuid().nullable(),
  taskKind: z.string().nullable(),
  taskDueDate: z.string().nullable(),
});

export function registerWorklistRoutes(app: TypedApp, { db }: AppDeps): void {
  app.get(
    '/api/worklist',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES } },
      schema: {
        tags: ['worklist'],
        querystring: worklistQuerySchema,
        response: {
          200: z.object({
            items: z.array(worklistItem),
            /** Counted up to 10,000; `totalIsCapped` when there are more. */
            total: z.number().int(),
            totalIsCapped: z.boolean(),
            nextCursor: z.string().nullable(),
          }),
        },
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
