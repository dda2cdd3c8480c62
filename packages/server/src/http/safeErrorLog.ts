/**
 * What may be logged about a failure. Messages of database errors quote SQL parameters and row
 * values (patient names, BSNs), so only structural facts are kept: error class, SQLSTATE code,
 * constraint and table names, and the stack frames without the message line.
 */
export interface SafeErrorSummary {
  name: string;
  code?: string;
  constraint?: string;
  table?: string;
  frames: string[];
}

function field(error: unknown, key: string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

export function safeErrorSummary(error: unknown): SafeErrorSummary {
  let root: unknown = error;
  while (root instanceof Error && root.cause instanceof Error && field(root, 'code') === undefined)
    root = root.cause;
  const stackSource = error instanceof Error ? (error.stack ?? '') : '';
  const frames = stackSource
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 12)
    .map((line) => line.trim());
  const summary: SafeErrorSummary = { name: error instanceof Error ? error.name : typeof error, frames };
  const code = field(root, 'code');
  const constraint = field(root, 'constraint');
  const table = field(root, 'table');
  if (code !== undefined) summary.code = code;
  if (constraint !== undefined) summary.constraint = constraint;
  if (table !== undefined) summary.table = table;
  return summary;
}
