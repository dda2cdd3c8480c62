// SIGINT (Ctrl+C), SIGTERM (service managers) and SIGHUP (terminal closed) stop the process.
// The running command decides how (the server finishes its requests, then stops its database);
// until it says, a stop signal stops the embedded PostgreSQL this process started and exits.
// A second signal while stopping exits at once (PostgreSQL is already being shut down).
import { constants } from 'node:os';
import { stopEmbeddedClusters } from '../db/embedded';
import { describeError } from './describeError';

/** Stops the command and returns the process's exit code. */
export type StopHandler = (signal: NodeJS.Signals) => Promise<number>;

export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The exit code of a command that a signal interrupted before it finished (130 for SIGINT …). */
export function interruptedExitCode(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}

const stopEmbeddedAndExit: StopHandler = async (signal) => {
  await stopEmbeddedClusters();
  return interruptedExitCode(signal);
};

let handler: StopHandler = stopEmbeddedAndExit;
let installed = false;

export function setStopHandler(next: StopHandler): void {
  handler = next;
}

export function installStopSignals(): void {
  if (installed) return;
  installed = true;
  let stopping = false;
  for (const signal of STOP_SIGNALS)
    process.on(signal, () => {
      if (stopping) {
        console.error(`${signal} again: exiting now.`);
        process.exit(1);
      }
      stopping = true;
      handler(signal).then(
        (code) => process.exit(code),
        (error: unknown) => {
          console.error(`Stopping failed: ${describeError(error)}`);
          process.exit(1);
        },
      );
    });
}
