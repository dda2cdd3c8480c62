import { configIdentity, listUnconfirmedValues } from '@osteopad/clinical';
import { buildApp } from '../http/app';
import { stopEmbeddedClusters } from '../db/embedded';
import { ensureDemo, openRuntime, type Runtime } from '../runtime';
import { setStopHandler } from './stopSignals';

type App = Awaited<ReturnType<typeof buildApp>>;

export async function startCommand(): Promise<void> {
  let runtime: Runtime | null = null;
  let app: App | null = null;
  // From the first moment: a stop during start-up stops what has been started so far. A server
  // that was asked to stop and stopped cleanly exits 0 (what service managers expect).
  setStopHandler(async (signal) => {
    console.log(`\n${signal}: stopping Osteopad…`);
    if (app !== null) await app.close();
    if (runtime !== null) await runtime.shutdown();
    else await stopEmbeddedClusters();
    return 0;
  });
  runtime = await openRuntime(process.env, { supervise: true, command: 'osteopad start' });
  const { env } = runtime;
  const logins = env.demo ? await ensureDemo(runtime) : [];
  app = await buildApp({
    db: runtime.database.db,
    clock: () => new Date(),
    config: env.app,
    clinical: runtime.clinical,
  });
  await app.listen({ port: env.port, host: env.host });
  const url = `http://${env.host === '0.0.0.0' ? 'localhost' : env.host}:${env.port}`;
  console.log('');
  console.log(`Osteopad is running at ${url}`);
  console.log(`  database: ${runtime.embedded ? `embedded PostgreSQL in ${env.dataDir}` : 'DATABASE_URL'}`);
  console.log(`  API documentation: ${url}/api/docs`);
  const identity = configIdentity(runtime.clinical);
  console.log(
    `  clinical rules: engine ${identity.engineVersion}, configuration ${identity.configVersion} (${identity.configFingerprint}); ${listUnconfirmedValues(runtime.clinical).length} values still to be confirmed by the clinic (docs/CLINICAL-SAFETY.md)`,
  );
  if (logins.length > 0) {
    console.log('  Demo logins (fictional organisation "Ziekenhuis Demostad"):');
    for (const login of logins)
      console.log(`    ${login.role.padEnd(10)} ${login.username.padEnd(12)} ${login.password}`);
  }
  console.log('Press Ctrl+C to stop.');
}
