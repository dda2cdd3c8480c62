// The reminder settings and channels a process takes from its environment.
import { z } from 'zod';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './reminderSettings';

const positive = z.coerce.number().int().positive();

const reminderEnvSchema = z.object({
  /** `smtp://host:port` (or `smtps://user:pass@host:465`); absent: the e-mail channel is off. */
  SMTP_URL: z.string().min(1).optional(),
  /** The sender of patient reminders and digests. */
  SMTP_FROM: z.string().min(3).default('Osteopad <osteopad@localhost>'),
  REMINDER_UPCOMING_DAYS: positive.optional(),
  REMINDER_MAX_ATTEMPTS: positive.optional(),
  REMINDER_RETRY_BASE_SECONDS: positive.optional(),
  REMINDER_LEASE_SECONDS: positive.optional(),
  REMINDER_MESSAGE_ID_DOMAIN: z.string().min(1).optional(),
});

export interface ReminderEnv {
  readonly smtpUrl: string | null;
  readonly smtpFrom: string;
  readonly settings: ReminderSettings;
}

export function readReminderEnv(env: NodeJS.ProcessEnv): ReminderEnv {
  const parsed = reminderEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const d = DEFAULT_REMINDER_SETTINGS;
  return {
    smtpUrl: e.SMTP_URL ?? null,
    smtpFrom: e.SMTP_FROM,
    settings: {
      ...d,
      upcomingDaysBefore: e.REMINDER_UPCOMING_DAYS ?? d.upcomingDaysBefore,
      maxAttempts: e.REMINDER_MAX_ATTEMPTS ?? d.maxAttempts,
      retryBaseSeconds: e.REMINDER_RETRY_BASE_SECONDS ?? d.retryBaseSeconds,
      leaseSeconds: e.REMINDER_LEASE_SECONDS ?? d.leaseSeconds,
      messageIdDomain: e.REMINDER_MESSAGE_ID_DOMAIN ?? d.messageIdDomain,
    },
  };
}
