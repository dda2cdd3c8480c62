import { parseArgs } from 'node:util';
import { openRuntime } from '../runtime';
import { chooseOrganization } from '../caseFinding/channels/cli/organizationChoice';
import { cliSubject } from '../caseFinding/channels/cli/cliSubject';
import { startMllpListener, type MllpLimits } from '../caseFinding/channels/mllp/mllpListener';
import { setStopHandler } from './stopSignals';

export async function mllpCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      org: { type: 'string' },
      allow: { type: 'string' },
      'max-connections': { type: 'string' },
      'max-message-kb': { type: 'string' },
      'idle-minutes': { type: 'string' },
    },
  });
  const usage =
    'Usage: osteopad mllp --port N [--host 127.0.0.1] [--org ID] [--allow IP,IP] [--max-connections N] [--max-message-kb N] [--idle-minutes N]';
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(usage);
    return 2;
  }
  const limits = mllpLimits(values);
  if (typeof limits === 'string') {
    console.error(`${limits}\n${usage}`);
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
      clinicalConfigs: runtime.clinicalConfigs,
      clock: () => new Date(),
      log: (line) => {
        console.error(line);
      },
    },
    {
      host: values.host,
      port,
      ...(values.allow === undefined ? {} : { allow: values.allow.split(',').map((a) => a.trim()) }),
      limits,
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

/** The listener's limits from the command line (docs/OPERATIONS.md); a message naming the bad option otherwise. */
export function mllpLimits(values: {
  'max-connections'?: string | undefined;
  'max-message-kb'?: string | undefined;
  'idle-minutes'?: string | undefined;
}): Partial<MllpLimits> | string {
  const limits: Partial<MllpLimits> = {};
  const read = (name: keyof typeof values, min: number, max: number): number | string | undefined => {
    const raw = values[name];
    if (raw === undefined) return undefined;
    const n = Number(raw);
    return Number.isInteger(n) && n >= min && n <= max
      ? n
      : `--${name} must be a whole number from ${min} to ${max}.`;
  };
  const connections = read('max-connections', 1, 10_000);
  const kb = read('max-message-kb', 16, 64 * 1024);
  const idle = read('idle-minutes', 1, 24 * 60);
  for (const value of [connections, kb, idle]) if (typeof value === 'string') return value;
  if (typeof connections === 'number') limits.maxConnections = connections;
  if (typeof kb === 'number') limits.maxFrameBytes = kb * 1024;
  if (typeof idle === 'number') limits.idleTimeoutMs = idle * 60_000;
  return limits;
}
