// A bare HTTP/1.1 client on a real socket, for tests that need what `inject` cannot do: send part of a
// body and stop, vanish mid-request, or send two requests on one keep-alive connection.
import { connect as netConnect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RawConnection {
  socket: Socket;
  write: (data: string | Buffer) => Promise<void>;
  /** The next complete response on this connection; rejects when the connection ends before one. */
  nextResponse: () => Promise<RawResponse>;
  /** Resolves when the server has closed (or reset) the connection. */
  closed: Promise<void>;
  destroy: () => void;
}

function parseOne(buffer: Buffer): { response: RawResponse; rest: Buffer } | null {
  const headEnd = buffer.indexOf('\r\n\r\n');
  if (headEnd < 0) return null;
  const lines = buffer.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number((lines[0] ?? '').split(' ')[1]);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const start = headEnd + 4;
  if (headers['transfer-encoding'] === 'chunked') {
    let at = start;
    const parts: Buffer[] = [];
    for (;;) {
      const lineEnd = buffer.indexOf('\r\n', at);
      if (lineEnd < 0) return null;
      const size = parseInt(buffer.subarray(at, lineEnd).toString('latin1'), 16);
      if (buffer.length < lineEnd + 2 + size + 2) return null;
      if (size === 0) {
        return {
          response: { status, headers, body: Buffer.concat(parts).toString('utf8') },
          rest: buffer.subarray(lineEnd + 4),
        };
      }
      parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
  }
  const length = Number(headers['content-length'] ?? '0');
  if (buffer.length < start + length) return null;
  return {
    response: { status, headers, body: buffer.subarray(start, start + length).toString('utf8') },
    rest: buffer.subarray(start + length),
  };
}

export async function rawConnect(port: number): Promise<RawConnection> {
  const socket = netConnect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let buffered: Buffer = Buffer.alloc(0);
  let ended = false;
  const parsed: RawResponse[] = [];
  const waiting: { resolve: (r: RawResponse) => void; reject: (e: Error) => void }[] = [];
  const settle = (): void => {
    for (;;) {
      const one = parseOne(buffered);
      if (one === null) break;
      buffered = one.rest;
      parsed.push(one.response);
    }
    while (waiting.length > 0 && parsed.length > 0) {
      const next = parsed.shift();
      const waiter = waiting.shift();
      if (next !== undefined) waiter?.resolve(next);
    }
    if (ended) {
      for (const waiter of waiting.splice(0))
        waiter.reject(new Error('the connection ended before a response'));
    }
  };
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    settle();
  });
  const closed = new Promise<void>((resolve) => {
    socket.once('close', () => {
      ended = true;
      settle();
      resolve();
    });
  });
  // A reset from the server ends the connection like a close; the test looks at what arrived.
  socket.on('error', () => undefined);
  return {
    socket,
    write: (data) =>
      new Promise<void>((resolve, reject) => {
        socket.write(data, (error) => {
          if (error === undefined || error === null) resolve();
          else reject(error);
        });
      }),
    nextResponse: () =>
      new Promise<RawResponse>((resolve, reject) => {
        waiting.push({ resolve, reject });
        settle();
      }),
    closed,
    destroy: () => {
      socket.destroy();
    },
  };
}

/** The request line and headers of a POST whose body follows separately. */
export function requestHead(options: {
  method?: string;
  path: string;
  headers: Record<string, string | number>;
}): string {
  const lines = [`${options.method ?? 'POST'} ${options.path} HTTP/1.1`, 'Host: 127.0.0.1'];
  for (const [name, value] of Object.entries(options.headers)) lines.push(`${name}: ${String(value)}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Polls until `check` holds; fails with `what` when it has not after `limitMs` (a hang guard, not a speed test). */
export async function waitFor(what: string, check: () => Promise<boolean>, limitMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limitMs) throw new Error(`still waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
