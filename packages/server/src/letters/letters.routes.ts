import { z } from 'zod';
import type { AppDeps, TypedApp } from '../http/app';
import { PATIENT_RECORD_ROLES } from '../auth/roles';
import { requireActor } from '../auth/requireActor';
import { localIsoDate } from '../time/localDate';
import { printInvitationLetters } from './invitationLetters.service';

const locale = z.enum(['nl', 'en']).default('nl');
const MAX_PER_REQUEST = 500;

export function registerLetterRoutes(app: TypedApp, { db, clock }: AppDeps): void {
  app.get(
    '/api/episodes/:episodeId/invitation-letter',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES, namedRecords: 'unitOfWork' } },
      schema: {
        tags: ['letters'],
        description: 'The invitation letter of one patient as PDF.',
        params: z.strictObject({ episodeId: z.uuid() }),
        querystring: z.strictObject({ locale }),
      },
    },
    async (request, reply) => {
      const pdf = await printInvitationLetters(
        db,
        requireActor(request),
        [request.params.episodeId],
        request.query.locale,
        localIsoDate(clock()),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="uitnodiging.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/invitation-letters',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES } },
      schema: {
        tags: ['letters'],
        description: 'One PDF with the invitation letters of several patients, each on its own page.',
        body: z.strictObject({
          episodeIds: z.array(z.uuid()).min(1).max(MAX_PER_REQUEST),
          locale,
        }),
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
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="uitnodigingen.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
