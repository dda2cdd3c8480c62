#!/usr/bin/env node
// `osteopad <command>`: the command-line interface of the server.
import { parseArgs } from 'node:util';
import { startCommand } from './startCommand';
import { migrateCommand, seedCommand, usersCommand } from './adminCommands';
import { importCommand } from './importCommand';
import { mllpCommand } from './mllpCommand';
import { importReportsCommand } from './importReportsCommand';
import { scheduleCommand, workerCommand } from './workerCommand';
import { describeError } from './describeError';
import { installStopSignals } from './stopSignals';
import { stopEmbeddedClusters } from '../db/embedded';
import { databaseLossReports } from '../runtime';
import { DomainError } from '../domain/errors';
import { domainErrorLines, exitCodeFor } from './exitCodes';
import { checkCommand } from './checkCommand';

const USAGE = `Usage: osteopad <command> [options]

Commands:
  start                      start the web app (embedded PostgreSQL unless DATABASE_URL is set)
  migrate                    apply database migrations and exit
  seed                       load the demo organisation, accounts and patients into an empty database
  users create --org-id ID --username NAME --role ROLE --display-name TEXT   (password read from OSTEOPAD_PASSWORD)
  users list --org-id ID
  import FILE --format csv|hl7v2|fhir [--json] [--skip-invalid] [--org ID] [--wait SECONDS]
                             import fracture registrations (one transaction; exit 2 on invalid input,
                             3 when another import kept the organisation busy longer than --wait)
  import-reports FILE [--json] [--skip-invalid] [--org ID]
                             scan radiology reports for vertebral fractures (review worklist)
  mllp --port N [--host 127.0.0.1] [--org ID] [--allow IP,IP]
       [--max-connections 64] [--max-message-kb 1024] [--idle-minutes 10]
                             receive HL7 v2 ADT messages over MLLP and answer each with an ACK
  check [--json] [--limit N]  verify the pathway invariant over the whole database: every episode not
                             ended has an open dated task, every ended one a reason (exit 4 if not)
  worker                     run the job queue's worker (scheduler pass, reminders) without the web app
  schedule [--today YYYY-MM-DD] [--json]
                             one scheduler pass for that day (overdue flags, reminders), then send them

Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL, DATA_DIR (./data), COOKIE_SECURE,
LOG_LEVEL (warn: what the console shows), REQUEST_LOG (DATA_DIR/logs/requests.log, or off).

Commands may run beside each other on one DATA_DIR: the first starts the embedded PostgreSQL (and
stops it when it ends), the others use it. SIGINT/SIGTERM stop a command and the database it started.`;

export type CommandHandler = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, CommandHandler> = {
  start: async () => {
    await startCommand();
    return -1; // keeps running
  },
  migrate: migrateCommand,
  seed: seedCommand,
  users: usersCommand,
  import: importCommand,
  mllp: mllpCommand,
  'import-reports': importReportsCommand,
  check: checkCommand,
  worker: async () => workerCommand(),
  schedule: scheduleCommand,
};

export function registerCommand(name: string, handler: CommandHandler): void {
  COMMANDS[name] = handler;
}

async function main(argv: string[]): Promise<void> {
  const { positionals } = parseArgs({ args: argv.slice(0, 1), allowPositionals: true, strict: false });
  const name = positionals[0];
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    process.exit(name === undefined ? 2 : 0);
  }
  const handler = COMMANDS[name];
  if (handler === undefined) {
    console.error(`Unknown command "${name}".\n\n${USAGE}`);
    process.exit(2);
  }
  const code = await handler(argv.slice(1));
  if (code >= 0) process.exit(code);
}

/**
 * Prints why the command failed — plainly, with what happened to its database — and exits: with the
 * code of a refusal the domain gave (cli/exitCodes.ts), else 1.
 */
async function fail(error: unknown, withStack: boolean): Promise<never> {
  if (error instanceof DomainError) {
    for (const line of domainErrorLines(error)) console.error(line);
    await stopEmbeddedClusters();
    process.exit(exitCodeFor(error));
  }
  console.error(
    withStack && error instanceof Error && error.stack !== undefined ? error.stack : describeError(error),
  );
  for (const report of await databaseLossReports()) console.error(report);
  // A database this process started goes down with it; one it only connected to stays.
  await stopEmbeddedClusters();
  process.exit(1);
}

installStopSignals();
// A fault in Osteopad itself: report it, stop the database this process started, exit.
process.on('uncaughtException', (error) => void fail(error, true));
process.on('unhandledRejection', (reason) => void fail(reason, true));
main(process.argv.slice(2)).catch((error: unknown) => fail(error, false));
