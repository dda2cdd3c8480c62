// The job queue's worker: pg-boss on the application role (its schema was created by the migration step),
// the scheduler pass every 5 minutes and at start, the reminder outbox drained every minute and after each
// pass, and after each pass the spool swept of files whose import job has ended (caseFinding/importJobs/
// spoolSweep.ts). Runs inside `osteopad start` and alone as `osteopad worker`.
import { PgBoss, type Job } from 'pg-boss';
import { APP_ROLE, type Database } from '../db/connection';
import { startupOptions, REQUEST_TIMEOUTS } from '../db/timeouts';
import { localIsoDate } from '../time/localDate';
import type { ChannelRegistry } from '../reminders/channels';
import type { ReminderSettings } from '../reminders/reminderSettings';
import { sendDueReminders } from '../reminders/reminderSending';
import { runSchedulerPass, type SchedulerPassResult } from './schedulerPass';
import type { ClinicalConfigs } from '../clinicalConfig/clinicalConfigs';
import { runImportJob } from '../caseFinding/importJobs/runImportJob';
import { ImportInterrupted } from '../caseFinding/pipeline/importRegistrations';
import { QUEUE_OPTIONS } from './queueOptions';
import { allOrganizationIds } from '../organizations/organizationIds';
import { sweepSpool } from '../caseFinding/importJobs/spoolSweep';
import {
  IMPORT_FILE,
  type ImportFileJob,
  QUEUE_SCHEMA,
  SCHEDULER_PASS,
  SEND_REMINDERS,
  type SchedulerPassJob,
  type SendRemindersJob,
} from './jobNames';

export interface JobWorkerDeps {
  /** The owner's connection string; the queue connects with it as the application role. */
  readonly databaseUrl: string;
  readonly db: Database;
  readonly clock: () => Date;
  readonly channels: ChannelRegistry;
  readonly settings: ReminderSettings;
  readonly log: (line: string) => void;
  /** How often the worker looks for new jobs (seconds; pg-boss polls). */
  readonly pollingIntervalSeconds?: number;
  /** How often the queue looks for jobs whose worker stopped beating (seconds; pg-boss's default 60). */
  readonly superviseIntervalSeconds?: number;
  /** Import jobs (caseFinding/importJobs): run when given. */
  readonly imports?: { readonly clinicalConfigs: ClinicalConfigs; readonly spoolDir: string };
}

export interface JobWorker {
  readonly queue: PgBoss;
  /** Finishes the jobs in hand (up to `timeoutMs`), then closes the queue's connections. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Opens the queue for sending jobs only (the web server enqueues; a worker elsewhere runs them). */
export function openJobQueue(
  databaseUrl: string,
  options: { supervise: boolean; schedule: boolean; superviseIntervalSeconds?: number },
): PgBoss {
  return new PgBoss({
    connectionString: databaseUrl,
    options: `-c role=${APP_ROLE} ${startupOptions(REQUEST_TIMEOUTS)}`,
    schema: QUEUE_SCHEMA,
    // The schema is the migration step's (jobs/queueSchema.ts): the application role runs no DDL.
    migrate: false,
    createSchema: false,
    supervise: options.supervise,
    schedule: options.schedule,
    ...(options.superviseIntervalSeconds === undefined
      ? {}
      : { superviseIntervalSeconds: options.superviseIntervalSeconds }),
    max: 4,
    application_name: 'osteopad-worker',
  });
}

/** The spool sweep after each scheduler pass: a failure is logged and tried again at the next pass. */
async function sweepSpoolQuietly(db: Database, spoolDir: string, log: JobWorkerDeps['log']): Promise<void> {
  try {
    // The wall clock, not the injected one: the grace period is measured against the files' mtimes.
    const { removed } = await sweepSpool(db, spoolDir, new Date());
    if (removed.length > 0)
      log(`Spool: removed ${removed.length} file(s) of jobs that ended or never started.`);
  } catch (error) {
    log(`Spool: the sweep failed (${error instanceof Error ? error.message : String(error)}).`);
  }
}

export async function startJobWorker(deps: JobWorkerDeps): Promise<JobWorker> {
  const boss = openJobQueue(deps.databaseUrl, {
    supervise: true,
    schedule: true,
    ...(deps.superviseIntervalSeconds === undefined
      ? {}
      : { superviseIntervalSeconds: deps.superviseIntervalSeconds }),
  });
  boss.on('error', (error: Error) => {
    deps.log(`Job queue: ${error.message}`);
  });
  await boss.start();
  const stopping = new AbortController();
  const polling = deps.pollingIntervalSeconds ?? 2;

  const drain = async (organizationId: string) => {
    const outcome = await sendDueReminders(deps.db, organizationId, deps.channels, deps.settings, {
      signal: stopping.signal,
    });
    if (outcome.failed > 0)
      deps.log(`Reminders: ${outcome.failed} not sent (retried later), ${outcome.sent} sent.`);
  };

  await boss.work<SchedulerPassJob>(
    SCHEDULER_PASS,
    { pollingIntervalSeconds: polling },
    async (jobs: Job<SchedulerPassJob>[]) => {
      const results: SchedulerPassResult[] = [];
      for (const job of jobs) {
        const today = job.data.today ?? localIsoDate(deps.clock());
        const result = await runSchedulerPass(deps.db, today, deps.settings);
        for (const organizationId of result.organizationsToSend)
          await boss.send(SEND_REMINDERS, { organizationId } satisfies SendRemindersJob, {
            singletonKey: organizationId,
          });
        results.push(result);
      }
      if (deps.imports !== undefined) await sweepSpoolQuietly(deps.db, deps.imports.spoolDir, deps.log);
      return results;
    },
  );
  await boss.work<SendRemindersJob>(
    SEND_REMINDERS,
    { pollingIntervalSeconds: polling },
    async (jobs: Job<SendRemindersJob>[]) => {
      for (const job of jobs) {
        const ids =
          job.data.organizationId === '' ? await allOrganizationIds(deps.db) : [job.data.organizationId];
        for (const id of ids) await drain(id);
      }
    },
  );
  const imports = deps.imports;
  // A stop interrupts a running import (rolled back); the queue runs it again on the next start.
  const stoppingImports = new AbortController();
  if (imports !== undefined) {
    const importDeps = { db: deps.db, clock: deps.clock, log: deps.log, ...imports };
    await boss.work<ImportFileJob>(
      IMPORT_FILE,
      { pollingIntervalSeconds: polling },
      async (jobs: Job<ImportFileJob>[]) => {
        const outcomes: string[] = [];
        for (const job of jobs)
          outcomes.push(
            await runImportJob(importDeps, job.data, {
              retryCount: job.retryCount,
              retryLimit: QUEUE_OPTIONS[IMPORT_FILE].retryLimit ?? 0,
              signal: AbortSignal.any([job.signal, stoppingImports.signal]),
            }),
          );
        return outcomes;
      },
    );
  }
  await boss.schedule(SCHEDULER_PASS, '*/5 * * * *', {});
  await boss.schedule(SEND_REMINDERS, '* * * * *', { organizationId: '' } satisfies SendRemindersJob);
  // At start-up: a pass (its sends follow), and the outbox as it was left (deliveries left `sending`).
  await boss.send(SCHEDULER_PASS, {});
  await boss.send(SEND_REMINDERS, { organizationId: '' } satisfies SendRemindersJob);
  // …and once the leases of deliveries a killed worker left `sending` have run out.
  await boss.send(SEND_REMINDERS, { organizationId: '' } satisfies SendRemindersJob, {
    startAfter: deps.settings.leaseSeconds + 1,
  });

  return {
    queue: boss,
    async stop(timeoutMs = 10_000) {
      stopping.abort();
      stoppingImports.abort(
        new ImportInterrupted(
          'job.stopped',
          'The worker was stopped during the import; it runs again when a worker starts.',
        ),
      );
      await boss.stop({ graceful: true, timeout: timeoutMs, close: true });
      for (const channel of deps.channels.values()) channel.close?.();
    },
  };
}
