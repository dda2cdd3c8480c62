// The job queue's queues and what each job carries. One queue per kind of work; the payloads are small
// (ids and dates), the work reads its data from the database when it runs.

/** A scheduler pass: flags overdue tasks and creates the reminder deliveries due (jobs/schedulerPass.ts). */
export const SCHEDULER_PASS = 'scheduler-pass';
/** Drains the reminder outbox of one organisation (reminders/reminderSending.ts). */
export const SEND_REMINDERS = 'send-reminders';

/** Imports one spooled fracture file (caseFinding/importJobs/runImportJob.ts). */
export const IMPORT_FILE = 'import-file';

export const QUEUE_NAMES = [SCHEDULER_PASS, SEND_REMINDERS, IMPORT_FILE] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** `today` absent: the hospital's calendar day when the job runs (the worker's clock, never the domain's). */
export interface SchedulerPassJob {
  readonly today?: string;
}

export interface SendRemindersJob {
  readonly organizationId: string;
}

export interface ImportFileJob {
  readonly importJobId: string;
  readonly organizationId: string;
}

/** The schema pg-boss keeps its tables in, created by the migration step as the database owner. */
export const QUEUE_SCHEMA = 'pgboss';
