// Test helper (a real process): starts the embedded PostgreSQL of the DATA_DIR given as argument the
// way an Osteopad process does, but without the parent-death signal, prints "ready", and waits.
// After `kill -9` of this process its PostgreSQL is left running: the orphan that an Osteopad crash
// leaves where setpriv is not available (macOS), or that an older Osteopad left.
import { startEmbeddedPostgres } from '../src/db/embedded';

const dataDir = process.argv[2];
if (dataDir === undefined) {
  console.error('usage: orphanPostmaster.ts DATA_DIR');
  process.exit(2);
}
const database = await startEmbeddedPostgres({
  dataDir,
  parentDeathSignal: false,
  command: 'orphanPostmaster.ts',
});
console.log(`ready ${database.port} ${database.role}`);
setInterval(() => undefined, 60_000);
