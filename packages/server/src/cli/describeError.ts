// One plain line (or a few) for whatever a command failed with. Promises can be rejected with
// anything — `undefined`, a string, an object — and the user must never be shown just "undefined".

function messageOf(error: Error): string {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : null;
  if (error instanceof AggregateError && error.errors.length > 0) {
    // e.g. a connection attempt to every address of a host: the outer message is often empty
    const inner = [...new Set(error.errors.map((e: unknown) => describeError(e)))].join('; ');
    return error.message === '' ? inner : `${error.message}: ${inner}`;
  }
  if (error.message !== '') return error.message;
  return code === null ? `${error.name} (no message)` : `${error.name} ${code}`;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return messageOf(error);
  if (typeof error === 'string' && error.trim() !== '') return error;
  let shown: string;
  try {
    // JSON.stringify gives undefined for undefined, functions and symbols
    const json = JSON.stringify(error) as string | undefined;
    shown = json ?? (typeof error === 'symbol' ? error.toString() : typeof error);
  } catch {
    shown = Object.prototype.toString.call(error);
  }
  return (
    `Osteopad stopped on a failure that came without a description (the value was ${shown}). ` +
    'This is a fault in Osteopad: please report it with the command you ran.'
  );
}
