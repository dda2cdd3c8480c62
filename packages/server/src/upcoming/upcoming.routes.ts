import {
  calendarDocument,
  PATIENT_RECORD_ROLES,
  patientParams,
  upcomingCalendarQuery,
  upcomingDatesSchema,
} from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { localIsoDate } from '../time/localDate';
import { loadUpcomingDates } from './upcomingDates';
import { upcomingCalendar } from './upcomingCalendar';

export function registerUpcomingRoutes(app: TypedApp, { db, clock }: AppDeps): void {
  app.get(
    '/api/patients/:patientId/upcoming',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES, namedRecords: 'unitOfWork' } },
      schema: {
        summary: "The patient's upcoming dates: checks, doses, blood tests and appointments",
        tags: ['patients'],
        params: patientParams,
        response: { 200: upcomingDatesSchema },
      },
    },
    async (request) =>
      loadUpcomingDates(db, requireActor(request), request.params.patientId, localIsoDate(clock())),
  );

  app.get(
    '/api/patients/:patientId/upcoming.ics',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES, namedRecords: 'unitOfWork' } },
      schema: {
        summary: "The patient's upcoming dates as an iCalendar file (RFC 5545)",
        tags: ['patients'],
        description: 'Dates only (what, when, where): no BSN, name or diagnosis.',
        params: patientParams,
        querystring: upcomingCalendarQuery,
        response: { 200: calendarDocument },
      },
    },
    async (request, reply) => {
      const now = clock();
      const dates = await loadUpcomingDates(
        db,
        requireActor(request),
        request.params.patientId,
        localIsoDate(now),
        'calendar',
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="afspraken.ics"')
        .header('cache-control', 'no-store')
        .send(upcomingCalendar(dates, request.query.locale, now));
    },
  );
}
