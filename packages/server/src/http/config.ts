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
  };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
}

export const DEFAULT_APP_CONFIG: AppConfig = {
  cookieSecure: true,
  session: { idleMinutes: 30, absoluteHours: 12 },
  login: { rateLimitMax: 20, rateLimitWindowMs: 60_000, lockoutAfterFailures: 5, lockoutMinutes: 15 },
  webDistDir: null,
  trustProxy: false,
  uploads: { idleTimeoutMs: 60_000, lockWaitMs: 30_000 },
  logLevel: 'info',
};
