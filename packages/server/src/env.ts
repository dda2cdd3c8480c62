import { readPortalSettings } from './portal/portalSettings';
import { readSsoAppSettings } from './auth/sso/ssoAppSettings';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_APP_CONFIG, LOG_LEVELS, type AppConfig, type RequestLogConfig } from './http/config';
import { DEFAULT_CALL_FOLLOW_UP } from './episodes/callFollowUp';
import { readPasswordLinkHours } from './users/passwordLinkSettings';

/** The request log is rotated at this size, and this many rotated files are kept (≤ 60 MiB in all). */
export const REQUEST_LOG_MAX_BYTES = 10 * 1024 * 1024;
export const REQUEST_LOG_KEEP = 5;

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** External PostgreSQL server; without it Osteopad runs its embedded server in DATA_DIR. */
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  COOKIE_SECURE: booleanFlag.default(true),
  TRUST_PROXY: booleanFlag.default(false),
  /** Login attempts a minute per client address before 429 (one shared address behind a proxy without TRUST_PROXY). */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(DEFAULT_APP_CONFIG.login.rateLimitMax),
  /** Load demo data on first start; defaults to on for the embedded database only. */
  OSTEOPAD_DEMO: booleanFlag.optional(),
  /** Seconds an upload may send nothing before it is stopped (and rolled back). */
  UPLOAD_IDLE_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(60),
  /** Seconds an upload waits for another import of the organisation before it is refused (409). */
  UPLOAD_LOCK_WAIT_SECONDS: z.coerce.number().positive().max(3600).default(30),
  /** Where uploads that run as jobs are spooled (default DATA_DIR/spool); the worker must see the same. */
  OSTEOPAD_SPOOL_DIR: z.string().trim().min(1).optional(),
  /** What the console shows of the server's log; requests are `info`, so by default they are not shown. */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('warn'),
  /** The request log file (default DATA_DIR/logs/requests.log), or `off`. */
  REQUEST_LOG: z.string().trim().min(1).optional(),
  WEB_DIST_DIR: z.string().optional(),
  /** JSON file with the clinic's clinical configuration (overrides of the reference defaults). */
  OSTEOPAD_CLINICAL_CONFIG: z.string().optional(),
  /** Days until the next reminder call after one that reached no one (episodes/callFollowUp.ts). */
  CALL_RETRY_AFTER_DAYS: z.coerce.number().int().min(1).max(60).optional(),
  /** Unanswered reminder calls before the episode ends as lost. */
  CALL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).optional(),
});

export interface ServerEnv {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  demo: boolean;
  clinicalConfigFile: string | null;
  app: AppConfig;
}

function requestLog(setting: string | undefined, dataDir: string): RequestLogConfig | null {
  if (setting?.toLowerCase() === 'off') return null;
  return {
    path: resolve(setting ?? join(dataDir, 'logs', 'requests.log')),
    maxBytes: REQUEST_LOG_MAX_BYTES,
    keep: REQUEST_LOG_KEEP,
  };
}

export function readEnv(env: NodeJS.ProcessEnv, defaultWebDist: string): ServerEnv {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir,
    demo: e.OSTEOPAD_DEMO ?? e.DATABASE_URL === undefined,
    clinicalConfigFile: e.OSTEOPAD_CLINICAL_CONFIG === undefined ? null : resolve(e.OSTEOPAD_CLINICAL_CONFIG),
    app: {
      ...DEFAULT_APP_CONFIG,
      cookieSecure: e.COOKIE_SECURE,
      trustProxy: e.TRUST_PROXY,
      login: {
        ...DEFAULT_APP_CONFIG.login,
        rateLimitMax: e.LOGIN_RATE_LIMIT_PER_MINUTE,
        rateLimitWindowMs: 60_000,
      },
      uploads: {
        idleTimeoutMs: e.UPLOAD_IDLE_TIMEOUT_SECONDS * 1000,
        lockWaitMs: e.UPLOAD_LOCK_WAIT_SECONDS * 1000,
        spoolDir: resolve(e.OSTEOPAD_SPOOL_DIR ?? join(dataDir, 'spool')),
      },
      logLevel: e.LOG_LEVEL,
      requestLog: requestLog(e.REQUEST_LOG, dataDir),
      webDistDir: resolve(e.WEB_DIST_DIR ?? defaultWebDist),
      callFollowUp: {
        retryAfterDays: e.CALL_RETRY_AFTER_DAYS ?? DEFAULT_CALL_FOLLOW_UP.retryAfterDays,
        maxAttempts: e.CALL_MAX_ATTEMPTS ?? DEFAULT_CALL_FOLLOW_UP.maxAttempts,
      },
      portal: readPortalSettings(env),
      sso: readSsoAppSettings(env),
      passwordLinkHours: readPasswordLinkHours(env),
    },
  };
}
