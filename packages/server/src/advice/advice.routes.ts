import {
  ADVICE_ROLES,
  calciumAdviceBody,
  calciumAdviceSchema,
  calciumFoodsSchema,
  vitaminDAdviceBody,
  vitaminDAdviceSchema,
} from '@osteopad/contract';
import type { RouteDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { adviseCalcium, calciumFoods } from './calciumAdvice';
import { adviseVitaminD } from './vitaminDAdvice';

const PURE =
  'Pure computation on the answers sent (the clinical engine with the organisation’s configuration): it ' +
  'reads and writes no patient record, so it writes no audit event. Authenticated like every route.';

/** The calcium calculator (R12) and the vitamin D advisor (R13), for the consult and the patient portal. */
export function registerAdviceRoutes(app: TypedApp, { clinicalConfigs }: RouteDeps): void {
  const clinical = (request: Parameters<typeof requireActor>[0]) =>
    clinicalConfigs.forOrganization(requireActor(request).organizationId);

  app.get(
    '/api/advice/calcium/foods',
    {
      config: { access: { roles: ADVICE_ROLES } },
      schema: {
        summary: 'The calcium food table (R12.2): calcium per portion of each food',
        description: PURE,
        tags: ['advice'],
        response: { 200: calciumFoodsSchema },
      },
    },
    async (request) => calciumFoods(await clinical(request)),
  );

  app.post(
    '/api/advice/calcium',
    {
      config: { access: { roles: ADVICE_ROLES } },
      schema: {
        summary: 'Calcium intake from portions a day against the requirement (R12.1) and the upper limit',
        description: PURE,
        tags: ['advice'],
        body: calciumAdviceBody,
        response: { 200: calciumAdviceSchema },
      },
    },
    async (request) => adviseCalcium(request.body, await clinical(request)),
  );

  app.post(
    '/api/advice/vitamin-d',
    {
      config: { access: { roles: ADVICE_ROLES } },
      schema: {
        summary: 'Vitamin D dose in µg and IU with the reason (R13.1/R13.2, R13.3 with medication)',
        description: PURE,
        tags: ['advice'],
        body: vitaminDAdviceBody,
        response: { 200: vitaminDAdviceSchema },
      },
    },
    async (request) => adviseVitaminD(request.body, await clinical(request)),
  );
}
