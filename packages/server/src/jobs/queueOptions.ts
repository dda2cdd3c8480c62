import type { QueueOptions } from 'pg-boss';
import type { QueueName } from './jobNames';

/**
 * Per queue: how long a job may run before the queue takes it back (a worker killed mid-job), how often
 * it is retried, and for how long done jobs are kept. The reminder outbox has its own claim and lease
 * (reminders/reminderSending.ts): a send job that is lost or run twice changes nothing, it only drains.
 */
export const QUEUE_OPTIONS: Readonly<Record<QueueName, QueueOptions>> = {
  'scheduler-pass': { expireInSeconds: 900, retryLimit: 3, retryDelay: 30, retryBackoff: true },
  'send-reminders': { expireInSeconds: 300, retryLimit: 3, retryDelay: 10, retryBackoff: true },
  // A large import may run for many minutes: the queue knows it is alive by its heartbeat (every 10 s,
  // pg-boss's shortest), and takes back the job of a worker that stopped beating (killed, machine gone).
  'import-file': {
    expireInSeconds: 4 * 3600,
    heartbeatSeconds: 10,
    retryLimit: 3,
    retryDelay: 15,
    retryBackoff: true,
  },
};
