// Runs the real `osteopad` command (bin/osteopad.mjs) as a child process against a test database.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const OSTEOPAD_BIN = fileURLToPath(new URL('../bin/osteopad.mjs', import.meta.url));

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `osteopad …args` with DATABASE_URL set to `databaseUrl`; resolves when the process has ended. */
export function runOsteopad(databaseUrl: string, args: readonly string[]): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [OSTEOPAD_BIN, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}
