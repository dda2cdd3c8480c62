import {
  calendarDocument,
  PORTAL_ROLES,
  portalActivateBody,
  portalActivationSchema,
  portalMagicLinkBody,
  portalMagicLinkRedeemBody,
  portalMagicLinkRequestedSchema,
  portalMeSchema,
  portalAccessLogQuery,
  portalAccessLogSchema,
  sessionSchema,
  upcomingCalendarQuery,
} from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { recordAuditEvents } from '../audit/auditedTransaction';
import { createSession, deleteSession } from '../auth/sessionStore';
import { setSessionCookie } from '../auth/sessionCookie';
import { nameOfOrganization } from '../auth/loginAttempts';
import { requirePortalPatient } from '../auth/requirePortalPatient';
import { localIsoDate } from '../time/localDate';
import { emailChannel } from '../reminders/emailChannel';
import type { ReminderChannel } from '../reminders/channels';
import { DEFAULT_PORTAL_SETTINGS } from './portalSettings';
import { activatePortal } from './portalActivation';
import { redeemMagicLink, sendMagicLinks } from './magicLinks';
import { loadPortalHome } from './portalHome';
import { upcomingCalendar } from '../upcoming/upcomingCalendar';
import { loadUpcomingDates } from '../upcoming/upcomingDates';
import { readPortalAccessLog } from '../audit/patientAccessLog';

/**
 * The patient portal's way in (activation with the letter's code, sign-in links) and its own routes
 * (`/api/portal/…`, role `patient` only), which take the patient from the session, never from a parameter.
 */
export function registerPortalRoutes(app: TypedApp, deps: AppDeps): void {
  const { db, clock, config } = deps;
  const settings = config.portal ?? DEFAULT_PORTAL_SETTINGS;
  const rateLimit = { max: settings.rateLimitMax, timeWindow: settings.rateLimitWindowMs };
  let mailer: ReminderChannel | null = null;
  const portalMailer = (): ReminderChannel | null => {
    if (settings.smtpUrl === null) return null;
    mailer ??= emailChannel({ smtpUrl: settings.smtpUrl, from: settings.smtpFrom });
    return mailer;
  };
  app.addHook('onClose', () => {
    mailer?.close?.();
  });

  const signIn = async (
    request: { ip: string; actor: { sessionTokenHash: string } | null },
    reply: Parameters<typeof setSessionCookie>[0],
    account: { userId: string; organizationId: string; username: string },
    via: string,
  ): Promise<string> => {
    const { userId, organizationId, username } = account;
    const now = clock();
    // A fresh session on every sign-in: a cookie planted before is worthless afterwards.
    if (request.actor !== null) await deleteSession(db, request.actor.sessionTokenHash);
    const { token, csrfToken } = await createSession(
      db,
      { id: userId, organizationId },
      request.ip,
      now,
      config.session,
    );
    setSessionCookie(reply, token, config);
    await recordAuditEvents(
      db,
      {
        userId,
        username,
        role: 'patient',
        organizationId,
        clientAddress: request.ip,
        reason: 'patient-access',
      },
      [{ action: 'login', objectType: 'session', details: { via } }],
      now,
    );
    return csrfToken;
  };

  app.post(
    '/api/portal/activate',
    {
      config: { access: { public: true }, rateLimit },
      schema: {
        summary:
          "Activate the patient portal with the letter's code and the date of birth, choose a password, sign in",
        tags: ['portal'],
        description:
          'A wrong code, a wrong date of birth and a locked code all answer 400 activation_failed; an expired, used or replaced code answers 409 with the clinic’s phone number, only when the date of birth was right.',
        body: portalActivateBody,
        response: { 200: portalActivationSchema },
      },
    },
    async (request, reply) => {
      const account = await activatePortal(
        db,
        { ...request.body, clientAddress: request.ip, now: clock() },
        settings,
      );
      const csrfToken = await signIn(request, reply, account, 'portal_activation');
      return { username: account.username, existingAccount: account.existingAccount, csrfToken };
    },
  );

  app.post(
    '/api/portal/magic-link',
    {
      config: { access: { public: true }, rateLimit },
      schema: {
        summary:
          'E-mail a sign-in link to a patient’s address; the same answer whether or not the address is known',
        tags: ['portal'],
        body: portalMagicLinkBody,
        response: { 202: portalMagicLinkRequestedSchema },
      },
    },
    async (request, reply) => {
      const input = {
        email: request.body.email,
        language: request.body.locale,
        clientAddress: request.ip,
        now: clock(),
      };
      // Not awaited: the answer's timing must not tell whether the address is known.
      void sendMagicLinks(db, input, settings, portalMailer()).catch((error: unknown) => {
        request.log.warn(
          { failure: error instanceof Error ? error.name : 'error' },
          'portal sign-in link not sent',
        );
      });
      return reply.status(202).send({ requested: true });
    },
  );

  app.post(
    '/api/portal/magic-link/redeem',
    {
      config: { access: { public: true }, rateLimit },
      schema: {
        summary: 'Sign in with the token of an e-mailed link (single-use, short-lived)',
        tags: ['portal'],
        body: portalMagicLinkRedeemBody,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const account = await redeemMagicLink(db, request.body.token, request.ip, clock());
      const csrfToken = await signIn(request, reply, account, 'portal_magic_link');
      return {
        user: {
          id: account.userId,
          username: account.username,
          displayName: account.displayName,
          patientId: account.patientId,
          role: 'patient' as const,
          organization: {
            id: account.organizationId,
            name: await nameOfOrganization(db, account.organizationId),
          },
        },
        csrfToken,
      };
    },
  );

  app.get(
    '/api/portal/me',
    {
      config: { access: { roles: PORTAL_ROLES } },
      schema: {
        summary: 'The signed-in patient’s own record: name, date of birth, episode states and upcoming dates',
        tags: ['portal'],
        response: { 200: portalMeSchema },
      },
    },
    async (request) => loadPortalHome(db, requirePortalPatient(request), localIsoDate(clock())),
  );

  app.get(
    '/api/portal/upcoming.ics',
    {
      config: { access: { roles: PORTAL_ROLES } },
      schema: {
        summary: 'The signed-in patient’s upcoming dates as an iCalendar file (RFC 5545)',
        tags: ['portal'],
        querystring: upcomingCalendarQuery,
        response: { 200: calendarDocument },
      },
    },
    async (request, reply) => {
      const { actor, patientId } = requirePortalPatient(request);
      const now = clock();
      const dates = await loadUpcomingDates(db, actor, patientId, localIsoDate(now), 'calendar');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="afspraken.ics"')
        .header('cache-control', 'no-store')
        .send(upcomingCalendar(dates, request.query.locale, now));
    },
  );

  app.get(
    '/api/portal/access-log',
    {
      config: { access: { roles: PORTAL_ROLES } },
      schema: {
        summary: 'Who looked at or changed the signed-in patient’s record, and when (NEN 7513), newest first',
        tags: ['portal'],
        querystring: portalAccessLogQuery,
        response: { 200: portalAccessLogSchema },
      },
    },
    async (request) => readPortalAccessLog(db, requirePortalPatient(request), request.query),
  );
}
