// E-mail through SMTP (nodemailer). One pooled connection: reminders go out one after another, and a
// message is accepted when the server answers 250 to its data.
import nodemailer from 'nodemailer';
import type { ChannelRegistry, ReminderChannel, ReminderMessage } from './channels';
import { channelRegistry } from './channels';
import type { ReminderEnv } from './reminderEnv';

export const EMAIL_CHANNEL = 'email';

export interface EmailChannelOptions {
  readonly smtpUrl: string;
  readonly from: string;
  /** How long to wait for the server at each step (connect, greeting, each answer). */
  readonly timeoutMs?: number;
}

export function emailChannel(options: EmailChannelOptions): ReminderChannel {
  const timeout = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    pool: true,
    maxConnections: 1,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    name: EMAIL_CHANNEL,
    async send(message: ReminderMessage) {
      const info = await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: message.messageId,
        headers: { 'Content-Language': message.language, 'Auto-Submitted': 'auto-generated' },
      });
      // The server's answer to the data ("250 2.0.0 Ok: queued as …") names its own id for the message.
      return { providerMessageId: info.response };
    },
    close() {
      transport.close();
    },
  };
}

/** The channels configured in the environment: e-mail when SMTP_URL is set, else none (deliveries wait). */
export function channelsFromEnv(env: ReminderEnv): ChannelRegistry {
  return channelRegistry(
    env.smtpUrl === null ? [] : [emailChannel({ smtpUrl: env.smtpUrl, from: env.smtpFrom })],
  );
}
