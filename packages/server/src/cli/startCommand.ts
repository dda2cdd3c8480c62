import { configIdentity, listUnconfirmedValues } from '@osteopad/clinical';
import { buildApp } from '../http/app';
import { ensureDemo, openRuntime } from '../runtime';

export async function startCommand(): Promise<void> {
  const runtime = await openRuntime();
  const { env } = runtime;
  const logins = env.demo ? await ensureDemo(runtime) : [];
  const app = await buildApp({
    db: runtime.database.db,
    clock: () => new Date(),
    config: env.app,
    clinical: runtime.clinical,
  });
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Osteopad…`);
    await app.close();
    await runtime.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
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
