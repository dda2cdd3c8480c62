import type { FollowUpSettings } from '../followUp/followUpSettings';
import type { PortalSettings } from '../portal/portalSettings';
import type { SsoAppSettings } from '../auth/sso/ssoAppSettings';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The request log: a JSON line for each request's start and end, and every warning and error. */
export interface RequestLogConfig {
  path: string;
  /** Rotated (renamed to `<path>.1` …) when it reaches this size. */
  maxBytes: number;
  /** Rotated files kept beside the current one. */
  keep: number;
}

export interface AppConfig {
  /** Secure cookies (HTTPS only). Browsers also accept them on http://localhost. */
  cookieSecure: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  login: {
    /** Requests per client address per window (rate limit, answers 429). */
    rateLimitMax: number;
    rateLimitWindowMs: number;
    /** Consecutive failures before the account is locked, and for how long. */
    lockoutAfterFailures: number;
    lockoutMinutes: number;
  };
  /** Built web app to serve at `/`, when present. */
  webDistDir: string | null;
  trustProxy: boolean;
  uploads: {
    /** An upload whose client sends nothing for this long, while the import waits for it, is stopped. */
    idleTimeoutMs: number;
    /** How long an upload waits for another import of the organisation before it answers 409. */
    lockWaitMs: number;
    /**
     * Where uploads that run as jobs are spooled (DATA_DIR/spool; shared with `osteopad worker`). Empty:
     * no spool, `POST /api/import-jobs` answers 503.
     */
    spoolDir: string;
  };
  /**
   * What the console (stdout) shows of the server's log. Requests are logged at `info`, so the
   * default `warn` keeps them off the console; `info` or `debug` shows them there too.
   */
  logLevel: LogLevel;
  /** The request log file (every line from `info` up, whatever `logLevel` says), or null for none. */
  requestLog: RequestLogConfig | null;
  /** The reminder call's retry policy (episodes/callFollowUp.ts); absent: its defaults. */
  callFollowUp?: { retryAfterDays: number; maxAttempts: number };
  /** The follow-up's operational settings (followUp/followUpSettings.ts); absent: its defaults. */
  followUp?: FollowUpSettings;
  /** The patient portal's access settings (portal/portalSettings.ts); absent: its defaults. */
  portal?: PortalSettings;
  /** How the server talks to the hospitals' sign-in providers (auth/sso/ssoAppSettings.ts); absent: its defaults. */
  sso?: SsoAppSettings;
  /** How long a one-time password link works (users/passwordLinkSettings.ts); absent: 72 hours. */
  passwordLinkHours?: number;
}

export const DEFAULT_APP_CONFIG: AppConfig = {
  cookieSecure: true,
  session: { idleMinutes: 30, absoluteHours: 12 },
  login: { rateLimitMax: 20, rateLimitWindowMs: 60_000, lockoutAfterFailures: 5, lockoutMinutes: 15 },
  webDistDir: null,
  trustProxy: false,
  uploads: { idleTimeoutMs: 60_000, lockWaitMs: 30_000, spoolDir: '' },
  logLevel: 'warn',
  requestLog: null,
};
