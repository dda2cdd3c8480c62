import { configIdentity, listUnconfirmedValues } from '@osteopad/clinical';
import { buildApp } from '../http/app';
import { stopEmbeddedClusters } from '../db/embedded';
import { ensureDemo, openRuntime, type Runtime } from '../runtime';
import { setStopHandler } from './stopSignals';
import { describeRuntime } from '../../bin/nodeRuntime.mjs';
import type { AppConfig } from '../http/config';
import { startWorkerOn } from './workerCommand';
import type { PgBoss } from 'pg-boss';
import { openJobQueue, type JobWorker } from '../jobs/jobWorker';
import { pgBossSender } from '../jobs/jobSender';

type App = Awaited<ReturnType<typeof buildApp>>;

/** Where the request lines go, in a few words for the start-up message. */
function requestLogLine(config: AppConfig): string {
  const onConsole = config.logLevel === 'info' || config.logLevel === 'debug';
  if (config.requestLog === null)
    return onConsole
      ? `on this console (LOG_LEVEL=${config.logLevel}); no file (REQUEST_LOG=off)`
      : 'off (REQUEST_LOG=off)';
  return onConsole
    ? `${config.requestLog.path}, and on this console (LOG_LEVEL=${config.logLevel})`
    : `${config.requestLog.path} (LOG_LEVEL=info shows requests here too)`;
}

export async function startCommand(): Promise<void> {
  console.log(`Starting Osteopad on ${describeRuntime()}.`);
  let runtime: Runtime | null = null;
  let app: App | null = null;
  let worker: JobWorker | null = null;
  let sendingQueue: PgBoss | null = null;
  // From the first moment: a stop during start-up stops what has been started so far. A server
  // that was asked to stop and stopped cleanly exits 0 (what service managers expect).
  setStopHandler(async (signal) => {
    console.log(`\n${signal}: stopping Osteopad…`);
    if (app !== null) await app.close();
    if (worker !== null) await worker.stop();
    if (sendingQueue !== null) await sendingQueue.stop({ graceful: false, close: true });
    if (runtime !== null) await runtime.shutdown();
    else await stopEmbeddedClusters();
    return 0;
  });
  runtime = await openRuntime(process.env, { supervise: true, command: 'osteopad start' });
  const { env } = runtime;
  const logins = env.demo ? await ensureDemo(runtime) : [];
  // The job queue's worker runs in this process too (OSTEOPAD_WORKER=0: only in `osteopad worker`, and
  // this process only queues jobs).
  if (process.env.OSTEOPAD_WORKER !== '0') worker = await startWorkerOn(runtime);
  else {
    sendingQueue = openJobQueue(runtime.ownerUrl, { supervise: false, schedule: false });
    await sendingQueue.start();
  }
  const queue = worker?.queue ?? sendingQueue;
  app = await buildApp({
    db: runtime.database.db,
    clock: () => new Date(),
    config: env.app,
    clinical: runtime.clinical,
    clinicalConfigs: runtime.clinicalConfigs,
    ...(queue === null ? {} : { jobs: pgBossSender(queue) }),
  });
  await app.listen({ port: env.port, host: env.host });
  const url = `http://${env.host === '0.0.0.0' ? 'localhost' : env.host}:${env.port}`;
  console.log('');
  console.log(`Osteopad is running at ${url}`);
  console.log(`  database: ${runtime.embedded ? `embedded PostgreSQL in ${env.dataDir}` : 'DATABASE_URL'}`);
  console.log(`  request log: ${requestLogLine(env.app)}`);
  console.log(`  API documentation: ${url}/api/docs`);
  const identity = configIdentity(runtime.clinical);
  console.log(
    `  clinical rules: engine ${identity.engineVersion}, configuration ${identity.configVersion} (${identity.configFingerprint}); ${listUnconfirmedValues(runtime.clinical).length} values still to be confirmed by the clinic; each organisation confirms and changes them on its configuration screen (docs/CLINICAL-SAFETY.md)`,
  );
  if (logins.length > 0) {
    console.log('  Demo logins (fictional organisation "Ziekenhuis Demostad"):');
    for (const login of logins) {
      const activation = login.portalActivation;
      if (activation === undefined)
        console.log(`    ${login.role.padEnd(10)} ${login.username.padEnd(12)} ${login.password}`);
      else
        console.log(
          `    portal activation (/portal/activate): code ${activation.code}, date of birth ${activation.birthDate} (${activation.patientName})`,
        );
    }
  }
  console.log('Press Ctrl+C to stop.');
}
