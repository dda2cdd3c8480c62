import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  createJsonSchemaTransform,
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { fileBytes } from '@osteopad/contract';
import type { ClinicalConfig } from '@osteopad/clinical';
import type { Database } from '../db/connection';
import type { Actor } from '../auth/actor';
import { authenticate, checkNamedRecords, SESSION_COOKIE } from '../auth/authenticate';
import { registerAuthRoutes } from '../auth/auth.routes';
import { registerHealthRoutes } from '../health/health.routes';
import { registerPatientRoutes } from '../patients/patients.routes';
import { registerAuditRoutes } from '../audit/audit.routes';
import { registerOrganizationRoutes } from '../organizations/organization.routes';
import { registerUserRoutes } from '../users/users.routes';
import { registerWorklistRoutes } from '../worklist/worklist.routes';
import { registerEpisodeRoutes } from '../episodes/episodes.routes';
import { registerImportRoutes } from '../caseFinding/channels/upload/imports.routes';
import { registerReminderRoutes } from '../reminders/reminders.routes';
import { registerImportJobRoutes } from '../caseFinding/importJobs/importJobs.routes';
import type { JobSender } from '../jobs/jobSender';
import { registerFindingRoutes } from '../reportFindings/findings.routes';
import { registerLetterRoutes } from '../letters/letters.routes';
import { registerClinicalConfigRoutes } from '../clinicalConfig/clinicalConfig.routes';
import { storedClinicalConfigs, type ClinicalConfigs } from '../clinicalConfig/clinicalConfigs';
import { registerConsultLetterRoutes } from '../letters/consult/consultLetters.routes';
import type { StoredDecisionForLettersLoader } from '../letters/consult/consultLetterInputLoader';
import { registerDecisionRoutes } from '../decision/decision.routes';
import { registerInvitationLoopRoutes } from '../episodes/invitationLoop.routes';
import { registerLabResultRoutes } from '../labResults/labResults.routes';
import { registerInvestigationRoutes } from '../investigations/investigations.routes';
import { registerTaskCompletionRoutes } from '../followUp/taskCompletion.routes';
import { registerFollowUpWorklistRoutes } from '../followUpWorklist/followUpWorklist.routes';
import type { PatientInputSectionLoader } from '../consult/patientInputSections';
import { isPublic, type RouteAccess } from './access';
import type { AppConfig } from './config';
import { HttpProblem } from './problems';
import { DomainError, type DomainErrorKind } from '../domain/errors';
import { describeValidationIssues } from './validation';
import { safeErrorSummary } from './safeErrorLog';
import { openServerLog } from './serverLog';
import { API_CACHE_CONTROL, isApiPath, isClientRoute } from './responsePolicy';
import { COMPRESSION_OPTIONS, compressesOnTheFly } from './compression';
import { staticFileOptions } from './staticFiles';
import { personalDataInUrl, personalQueryParameter } from './urlPrivacy';
import { isConnectionFailure, isDatabaseTimeout } from '../db/databaseErrors';
import { registerIntakeRoutes } from '../intake/intake.routes';
import { registerUpcomingRoutes } from '../upcoming/upcoming.routes';
import { registerPortalRoutes } from '../portal/portal.routes';
import { registerAdviceRoutes } from '../advice/advice.routes';
import { registerSsoRoutes } from '../auth/sso/sso.routes';
import { registerPortalResultsRoutes } from '../portalResults/portalResults.routes';
import { registerClinicLanguageRoutes } from '../portalResults/clinicLanguages.routes';
import { registerPortalIntakeRoutes } from '../portalIntake/portalIntake.routes';

/** The one place a domain error becomes an HTTP status. */
export const HTTP_STATUS_OF: Readonly<Record<DomainErrorKind, number>> = {
  not_found: 404,
  invalid: 400,
  unprocessable: 422,
  conflict: 409,
  transition_refused: 409,
  busy: 409,
};

export interface AppDeps {
  db: Database;
  clock: () => Date;
  config: AppConfig;
  /**
   * The clinical rule configuration this installation starts with (its file, or the reference defaults):
   * version 0 of every organisation's configuration, which the configuration screen supersedes.
   */
  clinical: ClinicalConfig;
  /** Where each organisation's current clinical configuration is read; absent: the stored versions over `clinical`. */
  clinicalConfigs?: ClinicalConfigs;
  /** Tests only: another source of the consult letters' decision than the stored one (storedDecisionForLetters.ts). */
  consultLetterDecisions?: StoredDecisionForLettersLoader;
  /** Tests only: the engine input's section loaders instead of the consult's (consult/sectionLoaders.ts). */
  patientInputLoaders?: readonly PatientInputSectionLoader[];
  /** The job queue, for work the requests hand to the worker (import jobs); absent: no such routes work. */
  jobs?: JobSender;
}

/** What the routes are given: the app's dependencies, with the organisations' clinical configurations. */
export type RouteDeps = AppDeps & { readonly clinicalConfigs: ClinicalConfigs };

export type App = FastifyInstance;
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every route with its declared access, for documentation and the route-security test. */
    routeCatalog: RouteEntry[];
  }
}

/**
 * The OpenAPI document is generated from the routes' schemas (@osteopad/contract). JSON Schema cannot
 * express bytes, so the one schema for them (`fileBytes`, a PDF) is written as `{ type: string,
 * format: binary }`; any other schema JSON Schema cannot express still fails.
 */
const documentTransform = createJsonSchemaTransform({
  zodToJsonConfig: {
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type !== 'custom') return;
      if (zodSchema !== fileBytes) throw new Error('A schema of the API cannot be written as JSON Schema.');
      Object.assign(jsonSchema, { type: 'string', format: 'binary' });
    },
  },
});

/** Routes served by the documentation plugin: public, hold no patient data. */
const DOCS_PREFIX = '/api/docs';

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  // The console shows config.logLevel and up; the request log file every request (serverLog.ts).
  const serverLog = openServerLog({ consoleLevel: config.logLevel, requestLog: config.requestLog });
  const app = Fastify({
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    logger: {
      level: serverLog.level,
      stream: serverLog.stream,
      // No patient data in logs: neither URLs with queries nor cookies or bodies.
      serializers: {
        req: (req: FastifyRequest) => ({
          method: req.method,
          url: req.routeOptions.url ?? 'unmatched',
          id: req.id,
        }),
      },
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.addHook('onClose', serverLog.close);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  app.decorate('routeCatalog', [] as RouteEntry[]);

  app.addHook('onRoute', (route) => {
    const url = route.url;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let access = route.config?.access;
    if (access === undefined && url.startsWith(DOCS_PREFIX)) access = { public: true };
    if (access === undefined && !url.startsWith('/api') && !url.startsWith('/fhir'))
      access = { public: true };
    if (access === undefined) {
      throw new Error(`Route ${methods.join(',')} ${url} declares no access rule (config.access).`);
    }
    route.config = { ...route.config, access };
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.routeCatalog.push({ method, url, access });
    }
  });

  // Before `@fastify/compress` sees the route (onRoute hooks run in the order they were added).
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const compressed = methods.every((method) =>
      compressesOnTheFly(method === 'HEAD' ? 'GET' : method, route.url),
    );
    if (!compressed) route.compress = false;
  });
  await app.register(compress, COMPRESSION_OPTIONS);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        // The organisation profile screen shows its letter preview, a PDF the page itself made (a blob: URL).
        frameSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Osteopad API', version: '0.1.0', description: 'Fracture liaison service pathway API' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: documentTransform,
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: true });

  app.addHook('onRequest', async (request, reply) => {
    // Set first, so refusals and errors of the API carry it too; a route may still override it.
    if (isApiPath(request.url)) {
      void reply.header('cache-control', API_CACHE_CONTROL);
      const personal = personalQueryParameter(request.url);
      if (personal !== null) throw personalDataInUrl(personal);
    }
    await authenticate(request, reply, deps);
  });

  // A route that leaves the check of the records its path names to its unit of work (access
  // `namedRecords: 'unitOfWork'`) but answered without opening one: the check runs now, before the
  // answer leaves, so no route answers for another organisation's record whatever its handler did.
  app.addHook('onSend', async (request, reply, payload) => {
    const actor = request.actor;
    if (actor !== null && reply.statusCode < 400 && actor.namedRecords?.checked === false) {
      request.log.warn({ route: actor.namedRecords.route }, 'named records checked after the handler');
      await checkNamedRecords(actor, deps);
    }
    return payload;
  });

  // An answer sent before the request body was read to its end (a failed or refused upload) closes
  // the connection: a keep-alive client would otherwise wait on a connection whose next request
  // cannot be found behind the unread body. What still arrives is read and dropped until it closes.
  app.addHook('onSend', async (request, reply, payload) => {
    if (bodyLeftUnread(request) && !reply.raw.headersSent) {
      reply.header('connection', 'close');
      request.raw.resume();
    }
    return payload;
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) {
      return reply
        .status(error.statusCode)
        .send({ error: error.code, message: error.message, ...error.details });
    }
    if (error instanceof DomainError) {
      return reply.status(HTTP_STATUS_OF[error.kind]).send({
        error: error.code,
        message: error.message,
        ...error.details,
        ...(error.issues.length > 0 ? { issues: error.issues } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = describeValidationIssues(error.validation, error.validationContext ?? 'body');
      return reply.status(400).send({ error: 'validation', message: 'The request is not valid.', issues });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return reply
        .status(400)
        .send({ error: 'invalid_json', message: 'The request body is not valid JSON.' });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({ error: 'unsupported_media_type', message: 'Send application/json.' });
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send({ error: 'invalid_json', message: 'The request body is empty.' });
    }
    if (error.statusCode === 429) {
      return reply
        .status(429)
        .send({ error: 'rate_limited', message: 'Too many requests; try again later.' });
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: 'bad_request', message: error.message });
    }
    // Log the failure without values that may hold patient data (PostgreSQL details quote row values).
    request.log.error({ failure: safeErrorSummary(error) }, 'request failed');
    // The database went away or gave up: this request failed, the next one may well succeed.
    if (isConnectionFailure(error)) {
      return reply.status(503).header('retry-after', '10').send({
        error: 'database_unavailable',
        message: 'The database cannot be reached right now; try again in a moment.',
      });
    }
    if (isDatabaseTimeout(error)) {
      return reply.status(503).header('retry-after', '10').send({
        error: 'database_timeout',
        message: 'The database took too long to answer; try again in a moment.',
      });
    }
    return reply.status(500).send({ error: 'internal', message: 'Something went wrong on the server.' });
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  const routeDeps: RouteDeps = {
    ...deps,
    clinicalConfigs: deps.clinicalConfigs ?? storedClinicalConfigs(deps.db, deps.clinical),
  };
  registerHealthRoutes(typed, routeDeps);
  registerAuthRoutes(typed, routeDeps);
  registerPatientRoutes(typed, routeDeps);
  registerAuditRoutes(typed, routeDeps);
  registerOrganizationRoutes(typed, routeDeps);
  registerUserRoutes(typed, routeDeps);
  registerWorklistRoutes(typed, routeDeps);
  registerEpisodeRoutes(typed, routeDeps);
  registerImportRoutes(typed, routeDeps);
  registerFindingRoutes(typed, routeDeps);
  registerLetterRoutes(typed, routeDeps);
  registerClinicalConfigRoutes(typed, routeDeps);
  registerConsultLetterRoutes(typed, routeDeps);
  registerDecisionRoutes(typed, routeDeps);
  registerInvitationLoopRoutes(typed, routeDeps);
  registerLabResultRoutes(typed, routeDeps);
  registerIntakeRoutes(typed, routeDeps);
  registerInvestigationRoutes(typed, routeDeps);
  registerTaskCompletionRoutes(typed, routeDeps);
  registerUpcomingRoutes(typed, routeDeps);
  registerReminderRoutes(typed, routeDeps);
  registerImportJobRoutes(typed, routeDeps);
  registerFollowUpWorklistRoutes(typed, routeDeps);
  registerPortalRoutes(typed, routeDeps);
  registerAdviceRoutes(typed, routeDeps);
  registerSsoRoutes(typed, routeDeps);
  registerPortalResultsRoutes(typed, routeDeps);
  registerClinicLanguageRoutes(typed, routeDeps);
  registerPortalIntakeRoutes(typed, routeDeps);

  const webDist = config.webDistDir;
  if (webDist !== null && existsSync(join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, staticFileOptions(webDist));
    app.setNotFoundHandler((request, reply) => {
      if (isClientRoute(request.method, request.url)) {
        return reply.type('text/html').sendFile('index.html');
      }
      // A missing file (a stale asset, /favicon.ico) is a 404, never the app shell.
      return reply.status(404).send({ error: 'not_found', message: 'No such route or file.' });
    });
  } else {
    app.setNotFoundHandler((_request, reply) =>
      reply.status(404).send({ error: 'not_found', message: 'No such route.' }),
    );
  }
  return app;
}

/** Requests made with `inject()` have no `complete`; only a real, unfinished body counts. */
function bodyLeftUnread(request: FastifyRequest): boolean {
  return (request.raw as { complete?: boolean }).complete === false;
}

export function isRoutePublic(entry: RouteEntry): boolean {
  return isPublic(entry.access);
}
