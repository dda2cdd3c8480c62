// Where the server's log lines (pino, JSON) go. The console (stdout) gets what `logLevel` lets
// through — by default warnings and errors only, so that the start-up message with the URL and
// the demo logins stays readable instead of scrolling away under a line per request; the request
// log file gets every line from `info` up: each request's start and end, warnings and errors.
import type { LogLevel, RequestLogConfig } from './config';
import { RotatingLogFile } from './rotatingLogFile';

/** pino's numbers for its levels. */
const LEVEL_VALUES: Record<LogLevel, number> = {
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Number.POSITIVE_INFINITY,
};
/** Fastify logs each request at this level. */
const REQUEST_LINE_LEVEL: LogLevel = 'info';

export interface ServerLogOptions {
  consoleLevel: LogLevel;
  requestLog: RequestLogConfig | null;
  /** The console; stdout by default. */
  console?: { write: (line: string) => unknown };
  /** Told when the request log file can no longer be written; stderr by default. */
  onFileError?: (message: string) => void;
}

/**
 * A pino destination that hands each line to the console and the file by its level. pino sets
 * `lastLevel` on a destination flagged with `Symbol.for('pino.metadata')` before each write.
 */
export interface ServerLog {
  /** The level for the logger: the lowest that any destination wants. */
  level: LogLevel;
  stream: { write: (line: string) => void; lastLevel: number; [key: symbol]: boolean };
  /** The request log file, when there is one. */
  file: RotatingLogFile | null;
  close: () => Promise<void>;
}

export function openServerLog(options: ServerLogOptions): ServerLog {
  const consoleOut = options.console ?? process.stdout;
  const onFileError =
    options.onFileError ??
    ((message: string) => {
      process.stderr.write(`${message}\n`);
    });
  const file =
    options.requestLog === null
      ? null
      : RotatingLogFile.open({ ...options.requestLog, onError: onFileError });
  const consoleFrom = LEVEL_VALUES[options.consoleLevel];
  const fileFrom = file === null ? Number.POSITIVE_INFINITY : LEVEL_VALUES[REQUEST_LINE_LEVEL];
  const stream = {
    [Symbol.for('pino.metadata')]: true,
    lastLevel: 0,
    write(line: string): void {
      if (this.lastLevel >= consoleFrom) consoleOut.write(line);
      if (this.lastLevel >= fileFrom) file?.write(line);
    },
  };
  const lowest = Math.min(consoleFrom, fileFrom);
  const level =
    (Object.keys(LEVEL_VALUES) as LogLevel[]).find((name) => LEVEL_VALUES[name] === lowest) ?? 'silent';
  return {
    level,
    stream,
    file,
    close: async () => {
      await file?.close();
    },
  };
}
