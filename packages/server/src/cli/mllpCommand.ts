import { parseArgs } from 'node:util';
import { openRuntime } from '../runtime';
import { chooseOrganization } from '../caseFinding/organizationChoice';
import { cliSubject } from '../caseFinding/cliSubject';
import { startMllpListener } from '../caseFinding/mllpListener';
import { setStopHandler } from './stopSignals';

export async function mllpCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      org: { type: 'string' },
      allow: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error('Usage: osteopad mllp --port N [--host 127.0.0.1] [--org ID] [--allow IP,IP]');
    return 2;
  }
  // Long-running: it keeps the embedded database up (or takes it over) while it listens.
  const runtime = await openRuntime(process.env, { supervise: true, command: 'osteopad mllp' });
  const organizationId = await chooseOrganization(runtime.database.db, values.org);
  const listener = await startMllpListener(
    {
      db: runtime.database.db,
      organizationId,
      subject: cliSubject(organizationId, 'mllp'),
      config: runtime.clinical,
      clock: () => new Date(),
      log: (line) => {
        console.error(line);
      },
    },
    {
      host: values.host,
      port,
      ...(values.allow === undefined ? {} : { allow: values.allow.split(',').map((a) => a.trim()) }),
    },
  );
  console.log(`Listening for HL7 v2 over MLLP on ${values.host}:${listener.port}. Press Ctrl+C to stop.`);
  setStopHandler(async () => {
    await listener.close();
    await runtime.shutdown();
    return 0;
  });
  return -1;
}
