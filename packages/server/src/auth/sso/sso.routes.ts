import {
  ADMIN_ROLES,
  noContent,
  ssoCallbackQuery,
  ssoOptionsSchema,
  ssoSettingsBody,
  ssoSettingsSchema,
  ssoStartParams,
  ssoStartQuery,
  type SsoProblem,
  type SsoSettings,
} from '@osteopad/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps, TypedApp } from '../../http/app';
import { recordAuditEvents } from '../../audit/auditedTransaction';
import type { AuditSubject } from '../../audit/auditLog';
import { notFound } from '../../domain/errors';
import { requireActor } from '../requireActor';
import { purposeOfUse } from '../roles';
import { createSession, deleteSession } from '../sessionStore';
import { setSessionCookie } from '../sessionCookie';
import { readClientSecret } from './clientSecret';
import { authorizationStart, ProviderProblem, providerConfiguration, signedInClaims } from './oidcProvider';
import { loginPageWith, safeRedirectPath } from './redirectTarget';
import { SSO_FLOW_COOKIE, startSignInFlow, takeSignInFlow } from './signInFlows';
import { DEFAULT_SSO_APP_SETTINGS } from './ssoAppSettings';
import { findSsoAccount, recordSsoSignIn } from './ssoAccounts';
import { accountKeyOf, roleForSignIn } from './ssoRoleRule';
import {
  changeSsoSettings,
  findSsoOrganization,
  readSsoSettings,
  signInOptions,
  ssoForSignIn,
  type OrganizationSso,
} from './ssoSettings';

const CALLBACK_PATH = '/api/auth/sso/callback';

export function registerSsoRoutes(app: TypedApp, deps: AppDeps): void {
  const { db, clock, config } = deps;
  const settings = config.sso ?? DEFAULT_SSO_APP_SETTINGS;
  // A start stores a flow and a callback calls the provider: both are limited per address like the login.
  const signInRate = { max: config.login.rateLimitMax, timeWindow: config.login.rateLimitWindowMs };

  const baseUrl = (request: FastifyRequest): string =>
    settings.publicUrl ?? `${request.protocol}://${request.host}`;

  const flowCookie = (reply: FastifyReply, value: string, maxAgeSeconds: number): void => {
    // Lax, not Strict: the provider sends the browser back with a cross-site navigation, and the callback
    // must see which sign-in it is. Only the callback's path ever receives it.
    void reply.setCookie(SSO_FLOW_COOKIE, value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      path: CALLBACK_PATH,
      maxAge: maxAgeSeconds,
    });
  };

  const refuse = async (
    request: FastifyRequest,
    reply: FastifyReply,
    problem: SsoProblem,
    subject: Partial<AuditSubject> & { organizationId: string | null },
    reason: string = problem,
  ): Promise<FastifyReply> => {
    request.log.warn({ sso: problem, reason }, 'hospital sign-in refused');
    await recordAuditEvents(
      db,
      {
        userId: subject.userId ?? null,
        username: (subject.username ?? '').slice(0, 100),
        role: subject.role ?? '',
        organizationId: subject.organizationId,
        clientAddress: request.ip,
        reason: 'authentication',
      },
      [
        {
          action: 'login_failed',
          objectType: 'session',
          outcome: 'failure',
          details: { method: 'sso', why: problem },
        },
      ],
      clock(),
    );
    return reply.redirect(loginPageWith(problem), 302);
  };

  const secretOf = (sso: OrganizationSso): string | null => readClientSecret(sso.clientSecretRef);

  app.get(
    '/api/auth/sso/options',
    {
      config: { access: { public: true } },
      schema: {
        summary: 'The hospital sign-in buttons of the login page (organisation names and start URLs only)',
        tags: ['auth'],
        response: { 200: ssoOptionsSchema },
      },
    },
    async () => {
      const options = await signInOptions(db);
      return {
        options: options.map((o) => ({
          organizationName: o.organizationName,
          startUrl: `/api/auth/sso/${encodeURIComponent(o.slug)}/start`,
          localPasswords: o.localPasswords,
        })),
      };
    },
  );

  app.get(
    '/api/auth/sso/:organization/start',
    {
      config: { access: { public: true }, rateLimit: signInRate },
      schema: {
        summary: 'Start a hospital sign-in: a redirect to the organisation’s OpenID Connect provider',
        description:
          'An organisation without the hospital sign-in (or one that does not exist) is sent to the login page with `?sso=not_configured`: the answer does not tell which.',
        tags: ['auth'],
        params: ssoStartParams,
        querystring: ssoStartQuery,
        response: { 302: noContent },
      },
    },
    async (request, reply) => {
      const organizationId = await findSsoOrganization(db, request.params.organization);
      const sso = organizationId === null ? null : await ssoForSignIn(db, organizationId);
      if (organizationId === null || sso === null)
        return reply.redirect(loginPageWith('not_configured'), 302);
      const secret = secretOf(sso);
      if (secret === null) {
        return refuse(request, reply, 'provider_unavailable', { organizationId }, 'client secret not found');
      }
      try {
        const configuration = await providerConfiguration(sso, secret, settings.providerTimeoutMs);
        const start = await authorizationStart(configuration, `${baseUrl(request)}${CALLBACK_PATH}`);
        const flow = await startSignInFlow(
          db,
          organizationId,
          {
            state: start.state,
            nonce: start.nonce,
            codeVerifier: start.codeVerifier,
            redirectPath: safeRedirectPath(request.query.redirect),
          },
          clock(),
          settings.flowMinutes,
        );
        flowCookie(reply, flow, settings.flowMinutes * 60);
        return await reply.redirect(start.url.href, 302);
      } catch (error) {
        if (!(error instanceof ProviderProblem)) throw error;
        return refuse(request, reply, error.problem, { organizationId }, error.reason);
      }
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      config: { access: { public: true }, rateLimit: signInRate },
      schema: {
        summary: 'The provider’s answer to a hospital sign-in: a session, then a redirect into the app',
        description:
          'Checks state, nonce, PKCE and the ID token (openid-client), finds the active account of the organisation whose username is the configured claim, applies the role rule, and signs in as the password login does. Every outcome is audited; the reason of a refusal goes to the login page as `?sso=<code>`.',
        tags: ['auth'],
        querystring: ssoCallbackQuery,
        response: { 302: noContent },
      },
    },
    async (request, reply) => {
      const flow = await takeSignInFlow(db, request.cookies[SSO_FLOW_COOKIE], clock());
      void reply.clearCookie(SSO_FLOW_COOKIE, { path: CALLBACK_PATH });
      if (flow === null) return refuse(request, reply, 'flow_expired', { organizationId: null });
      const { organizationId } = flow;
      const sso = await ssoForSignIn(db, organizationId);
      const secret = sso === null ? null : secretOf(sso);
      if (sso === null || secret === null)
        return refuse(request, reply, 'not_configured', { organizationId });
      let claims: Record<string, unknown>;
      try {
        const configuration = await providerConfiguration(sso, secret, settings.providerTimeoutMs);
        claims = await signedInClaims(configuration, new URL(`${baseUrl(request)}${request.url}`), flow);
      } catch (error) {
        if (!(error instanceof ProviderProblem)) throw error;
        return refuse(request, reply, error.problem, { organizationId }, error.reason);
      }
      const username = accountKeyOf(claims, sso.accountClaim);
      const account = username === null ? undefined : await findSsoAccount(db, organizationId, username);
      if (account === undefined) {
        return refuse(request, reply, 'unknown_account', { organizationId, username: username ?? '' });
      }
      const known = { organizationId, userId: account.id, username: account.username, role: account.role };
      if (!account.active) return refuse(request, reply, 'inactive_account', known);
      const verdict = roleForSignIn(account.role, claims, sso);
      if (!verdict.ok) return refuse(request, reply, verdict.problem, known);
      const now = clock();
      await recordSsoSignIn(db, account.id, verdict.role, now);
      // A fresh session on every sign-in, as the password login: a session this browser had ends.
      if (request.actor !== null) await deleteSession(db, request.actor.sessionTokenHash);
      const { token } = await createSession(db, account, request.ip, now, config.session);
      setSessionCookie(reply, token, config);
      await recordAuditEvents(
        db,
        {
          userId: account.id,
          username: account.username,
          role: verdict.role,
          organizationId,
          clientAddress: request.ip,
          reason: purposeOfUse(verdict.role),
        },
        [
          {
            action: 'login',
            objectType: 'session',
            details: {
              method: 'sso',
              roleSource: sso.roleSource,
              ...(verdict.role === account.role ? {} : { roleFrom: account.role, roleTo: verdict.role }),
            },
          },
        ],
        now,
      );
      return reply.redirect(flow.redirectPath, 302);
    },
  );

  const answer = (sso: OrganizationSso, request: FastifyRequest): SsoSettings => ({
    slug: sso.slug,
    enabled: sso.enabled,
    issuerUrl: sso.issuerUrl,
    clientId: sso.clientId,
    clientSecretRef: sso.clientSecretRef,
    accountClaim: sso.accountClaim,
    roleSource: sso.roleSource,
    roleClaim: sso.roleClaim,
    roleMap: sso.roleMap,
    localPasswords: sso.localPasswords,
    redirectUri: `${baseUrl(request)}${CALLBACK_PATH}`,
  });

  app.get(
    '/api/sso/settings',
    {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        summary:
          'The organisation’s hospital sign-in (the client secret is never answered, only where it is read)',
        tags: ['sso'],
        response: { 200: ssoSettingsSchema },
      },
    },
    async (request) => {
      const sso = await readSsoSettings(db, requireActor(request));
      if (sso === null) throw notFound('Hospital sign-in');
      return answer(sso, request);
    },
  );

  app.put(
    '/api/sso/settings',
    {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        summary:
          'Set the organisation’s hospital sign-in: provider, client, claims, roles and local passwords',
        tags: ['sso'],
        body: ssoSettingsBody,
        response: { 200: ssoSettingsSchema },
      },
    },
    async (request) => {
      const sso = await changeSsoSettings(db, requireActor(request), request.body, clock());
      return answer(sso, request);
    },
  );
}
