import { PORTAL_ROLES, pdfDocument, portalLetterParams, portalResultsSchema } from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { requirePortalPatient } from '../auth/requirePortalPatient';
import { loadPortalResults, readPortalLetter } from './portalResults';

/**
 * The portal's "your results and your plan" (issue 13, item 5): the patient comes from the session only;
 * a letter named in the path must be that patient's own result letter.
 */
export function registerPortalResultsRoutes(app: TypedApp, deps: AppDeps): void {
  const { db } = deps;

  app.get(
    '/api/portal/results',
    {
      config: { access: { roles: PORTAL_ROLES } },
      schema: {
        summary: 'The signed-in patient’s DXA and VFA results, their plan as decided, and their letters',
        tags: ['portal'],
        description:
          'From the latest recorded decision of the patient’s episodes: the categories and the drug as the clinician decided them, the measurements the decision was made on. `none` until a decision is recorded. Audited per record.',
        response: { 200: portalResultsSchema },
      },
    },
    async (request) => loadPortalResults(db, requirePortalPatient(request)),
  );

  app.get(
    '/api/portal/letters/:letterId/pdf',
    {
      config: { access: { roles: PORTAL_ROLES } },
      schema: {
        summary: 'One of the signed-in patient’s own result letters as PDF (404 for any other letter)',
        tags: ['portal'],
        params: portalLetterParams,
        response: { 200: pdfDocument },
      },
    },
    async (request, reply) => {
      const letter = await readPortalLetter(db, requirePortalPatient(request), request.params.letterId);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="uitslagbrief.pdf"')
        .header('x-content-sha256', letter.sha256)
        .header('cache-control', 'no-store')
        .send(letter.pdf);
    },
  );
}
