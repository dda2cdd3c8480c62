import {
  episodeParams,
  invitationLetterQuery,
  invitationLettersBody,
  PATIENT_RECORD_ROLES,
  pdfDocument,
} from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { localIsoDate } from '../time/localDate';
import { printInvitationLetters } from './invitationLetters.service';
import { DEFAULT_PORTAL_SETTINGS } from '../portal/portalSettings';

export function registerLetterRoutes(app: TypedApp, { db, clock, config }: AppDeps): void {
  const codeValidDays = (config.portal ?? DEFAULT_PORTAL_SETTINGS).codeValidDays;
  app.get(
    '/api/episodes/:episodeId/invitation-letter',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES, namedRecords: 'unitOfWork' } },
      schema: {
        summary: 'The invitation letter, or its reminder, of one patient (PDF)',
        tags: ['letters'],
        description:
          'The invitation letter of one patient as PDF; `kind=reminder` prints the reminder (after the invitation went out).',
        params: episodeParams,
        querystring: invitationLetterQuery,
        response: { 200: pdfDocument },
      },
    },
    async (request, reply) => {
      const pdf = await printInvitationLetters(
        db,
        requireActor(request),
        [request.params.episodeId],
        request.query.locale,
        localIsoDate(clock()),
        { now: clock(), codeValidDays },
        request.query.kind,
      );
      const file = request.query.kind === 'reminder' ? 'herinnering.pdf' : 'uitnodiging.pdf';
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${file}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/invitation-letters',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES } },
      schema: {
        summary: 'The invitation letters, or their reminders, of several patients in one PDF',
        tags: ['letters'],
        description: 'One PDF with the invitation letters of several patients, each on its own page.',
        body: invitationLettersBody,
        response: { 200: pdfDocument },
      },
    },
    async (request, reply) => {
      const ids = [...new Set(request.body.episodeIds)];
      const pdf = await printInvitationLetters(
        db,
        requireActor(request),
        ids,
        request.body.locale,
        localIsoDate(clock()),
        { now: clock(), codeValidDays },
        request.body.kind,
      );
      const file = request.body.kind === 'reminder' ? 'herinneringen.pdf' : 'uitnodigingen.pdf';
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
