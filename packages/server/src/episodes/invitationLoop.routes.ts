import {
  appointmentBody,
  appointmentParams,
  appointmentStatusBody,
  callOutcomeBody,
  CLINICAL_ROLES,
  episodePageSchema,
  episodeParams,
  fractureParams,
  includeFractureBody,
  loopActionSchema,
  PATIENT_RECORD_ROLES,
  reopenBody,
  taskParams,
} from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { invalid } from '../domain/errors';
import { localIsoDate } from '../time/localDate';
import { DEFAULT_CALL_FOLLOW_UP } from './callFollowUp';
import { DEFAULT_FOLLOW_UP_SETTINGS } from '../followUp/followUpSettings';
import { getEpisodePage } from './episodePage';
import {
  changeAppointment,
  includeFracture,
  planAppointment,
  recordCallOutcome,
  reopenEpisode,
} from './invitationLoop';

const noteRequired = (reason: string, note: string): void => {
  if (reason === 'other' && note === '')
    throw invalid('body.note', 'Describe the reason when choosing "other".', 'note_required');
};

/** The invitation loop's actions (issue 11, item 1) and the episode page (item 2). */
export function registerInvitationLoopRoutes(app: TypedApp, { db, clock, config }: AppDeps): void {
  const today = (): string => localIsoDate(clock());
  const callFollowUp = config.callFollowUp ?? DEFAULT_CALL_FOLLOW_UP;
  const followUp = config.followUp ?? DEFAULT_FOLLOW_UP_SETTINGS;

  app.get(
    '/api/episodes/:episodeId',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES, namedRecords: 'unitOfWork' } },
      schema: {
        summary: 'The episode page: state, open tasks, appointments, timeline, documents and the next step',
        tags: ['episodes'],
        params: episodeParams,
        response: { 200: episodePageSchema },
      },
    },
    async (request) =>
      getEpisodePage(db, requireActor(request), request.params.episodeId, today(), callFollowUp, followUp),
  );

  app.post(
    '/api/episodes/:episodeId/appointment',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES } },
      schema: {
        summary: 'Record the patient’s reply: an appointment was planned (the episode moves to intake)',
        tags: ['episodes'],
        params: episodeParams,
        body: appointmentBody,
        response: { 200: loopActionSchema },
      },
    },
    async (request) =>
      planAppointment(db, requireActor(request), request.params.episodeId, request.body, today()),
  );

  app.post(
    '/api/appointments/:appointmentId/status',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES } },
      schema: {
        summary: 'An appointment was attended, missed, cancelled or moved',
        tags: ['episodes'],
        params: appointmentParams,
        body: appointmentStatusBody,
        response: { 200: loopActionSchema },
      },
    },
    async (request) =>
      changeAppointment(db, requireActor(request), request.params.appointmentId, request.body, today()),
  );

  app.post(
    '/api/tasks/:taskId/call-outcome',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES } },
      schema: {
        summary: 'Record how the reminder call went: reached, not reached or wrong number',
        tags: ['episodes'],
        params: taskParams,
        body: callOutcomeBody,
        response: { 200: loopActionSchema },
      },
    },
    async (request) =>
      recordCallOutcome(
        db,
        requireActor(request),
        request.params.taskId,
        request.body,
        today(),
        callFollowUp,
      ),
  );

  app.post(
    '/api/episodes/:episodeId/reopen',
    {
      config: { access: { roles: PATIENT_RECORD_ROLES } },
      schema: {
        summary: 'Take a declined or not-eligible episode up again, with the reason',
        tags: ['episodes'],
        params: episodeParams,
        body: reopenBody,
        response: { 200: loopActionSchema },
      },
    },
    async (request) => {
      noteRequired(request.body.reason, request.body.note);
      return reopenEpisode(db, requireActor(request), request.params.episodeId, request.body, today());
    },
  );

  app.post(
    '/api/fractures/:fractureId/include',
    {
      config: { access: { roles: CLINICAL_ROLES } },
      schema: {
        summary: 'A clinician includes a fracture the rules excluded; an episode opens for it',
        tags: ['episodes'],
        params: fractureParams,
        body: includeFractureBody,
        response: { 200: loopActionSchema },
      },
    },
    async (request) => {
      noteRequired(request.body.reason, request.body.note);
      return includeFracture(db, requireActor(request), request.params.fractureId, request.body, today());
    },
  );
}
