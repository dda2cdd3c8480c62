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

let stopping = false;

function stop(signal: NodeJS.Signals): void {
  stopping = true;
  handler(signal).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Stopping failed: ${describeError(error)}`);
      process.exit(1);
    },
  );
}

/**
 * With OSTEOPAD_STOP_WITH_PARENT=1 (set by `npm start`, for wrappers that do not pass signals on):
 * stop as on SIGTERM when the process that started this one has gone. Not by default: a server
 * started with `nohup osteopad start &` must outlive its shell.
 */
function watchParent(): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    if (stopping) return;
    console.error(`The process that started this one (pid ${parent}) has exited: stopping.`);
    stop('SIGTERM');
  }, 1_000);
  timer.unref();
}

export function installStopSignals(): void {
  if (installed) return;
  installed = true;
  for (const signal of STOP_SIGNALS)
    process.on(signal, () => {
      if (stopping) {
        console.error(`${signal} again: exiting now.`);
        process.exit(1);
      }
      stop(signal);
    });
  if (process.env.OSTEOPAD_STOP_WITH_PARENT === '1') watchParent();
}
