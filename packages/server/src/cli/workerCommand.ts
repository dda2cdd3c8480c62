// `osteopad worker`: the job queue's worker as a process of its own (beside `osteopad start`, which runs
// one too). `osteopad schedule --today YYYY-MM-DD`: one scheduler pass for that day, then the sends it
// made due, for tests and operations.
import { parseArgs } from 'node:util';
import { openRuntime, type Runtime } from '../runtime';
import { setStopHandler } from './stopSignals';
import { stopEmbeddedClusters } from '../db/embedded';
import { startJobWorker, type JobWorker } from '../jobs/jobWorker';
import { runSchedulerPass } from '../jobs/schedulerPass';
import { channelsFromEnv } from '../reminders/emailChannel';
import { readReminderEnv } from '../reminders/reminderEnv';
import { sendDueReminders } from '../reminders/reminderSending';
import { localIsoDate } from '../time/localDate';

/** Starts the worker on an open runtime (used by `osteopad start` and `osteopad worker`). */
export async function startWorkerOn(
  runtime: Runtime,
  env: NodeJS.ProcessEnv = process.env,
): Promise<JobWorker> {
  const reminders = readReminderEnv(env);
  const channels = channelsFromEnv(reminders);
  if (channels.size === 0)
    console.log(
      '  reminders: no channel configured (SMTP_URL unset): deliveries stay queued, visible on /reminders',
    );
  const pollingSeconds = Number(env.OSTEOPAD_JOB_POLL_SECONDS ?? '2');
  const superviseSeconds = Number(env.OSTEOPAD_JOB_SUPERVISE_SECONDS ?? '60');
  return startJobWorker({
    databaseUrl: runtime.ownerUrl,
    db: runtime.database.db,
    clock: () => new Date(),
    channels,
    settings: reminders.settings,
    log: (line) => {
      console.error(line);
    },
    pollingIntervalSeconds: Number.isFinite(pollingSeconds) && pollingSeconds > 0 ? pollingSeconds : 2,
    ...(Number.isInteger(superviseSeconds) && superviseSeconds >= 1
      ? { superviseIntervalSeconds: superviseSeconds }
      : {}),
    imports: { clinicalConfigs: runtime.clinicalConfigs, spoolDir: runtime.env.app.uploads.spoolDir },
  });
}

export async function workerCommand(): Promise<number> {
  let runtime: Runtime | null = null;
  let worker: JobWorker | null = null;
  setStopHandler(async (signal) => {
    console.log(`${signal}: stopping the worker…`);
    if (worker !== null) await worker.stop();
    if (runtime !== null) await runtime.shutdown();
    else await stopEmbeddedClusters();
    return 0;
  });
  runtime = await openRuntime(process.env, { supervise: true, command: 'osteopad worker' });
  worker = await startWorkerOn(runtime);
  console.log('Osteopad worker is running (scheduler pass every 5 minutes, reminders every minute).');
  return -1; // keeps running until a stop signal
}

export async function scheduleCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { today: { type: 'string' }, json: { type: 'boolean' } } });
  const runtime = await openRuntime();
  try {
    const reminders = readReminderEnv(process.env);
    const today = values.today ?? localIsoDate(new Date());
    const result = await runSchedulerPass(runtime.database.db, today, reminders.settings);
    const channels = channelsFromEnv(reminders);
    let sent = 0;
    let failed = 0;
    for (const organizationId of result.organizationsToSend) {
      const outcome = await sendDueReminders(
        runtime.database.db,
        organizationId,
        channels,
        reminders.settings,
      );
      sent += outcome.sent;
      failed += outcome.failed;
    }
    for (const channel of channels.values()) channel.close?.();
    if (values.json === true) console.log(JSON.stringify({ ...result, sent, failed }));
    else
      console.log(
        `Scheduler pass for ${today}: ${result.tasksSeen} open tasks, ${result.flaggedOverdue} newly overdue, ` +
          `${result.remindersCreated} reminders and ${result.digestsCreated} digests created; ${sent} sent, ${failed} failed.`,
      );
    return 0;
  } finally {
    await runtime.shutdown();
  }
}
