// HTTP load for the benchmarks, with Node's own http client: an open model (requests go out on schedule
// whether or not earlier ones were answered; latency counts from the scheduled moment, so a server that
// falls behind shows it) and a closed loop (each connection sends its next request when answered).
import http from 'node:http';
import zlib from 'node:zlib';

export interface HttpTarget {
  port: number;
  headers: Record<string, string>;
}

export interface LatencyStats {
  requests: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * What one request sends: a path for a GET, or a method, path and JSON body; `answered` sees the status and
 * (when given) the parsed JSON answer, e.g. to carry a record's new version into the user's next save.
 */
export type RequestSpec =
  | string
  | {
      method: 'GET' | 'POST' | 'PUT';
      path: string;
      body?: unknown;
      answered?: (status: number, json: unknown) => void;
    };

function send(agent: http.Agent, target: HttpTarget, spec: RequestSpec): Promise<number> {
  const { method, path, body, answered } =
    typeof spec === 'string'
      ? { method: 'GET' as const, path: spec, body: undefined, answered: undefined }
      : spec;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers =
    payload === undefined
      ? target.headers
      : {
          ...target.headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(payload)),
        };
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port: target.port, path, method, agent, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          if (answered !== undefined) chunks.push(chunk);
        });
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (answered !== undefined) {
            // Sent with `accept-encoding`, the answer may come compressed: read as the browser would.
            answered(status, parsedJson(Buffer.concat(chunks), res.headers['content-encoding']));
          }
          resolve(status);
        });
        res.on('error', () => {
          resolve(0);
        });
      },
    );
    req.setTimeout(30_000, () => req.destroy());
    req.on('error', () => {
      resolve(0);
    });
    req.end(payload);
  });
}

/** The answer as JSON, or null when it is not JSON (an empty body, a proxy's HTML page). */
function parsedJson(raw: Buffer, encoding: string | undefined): unknown {
  try {
    const plain =
      encoding === 'br' ? zlib.brotliDecompressSync(raw) : encoding === 'gzip' ? zlib.gunzipSync(raw) : raw;
    return JSON.parse(plain.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

const succeeded = (status: number): boolean => status >= 200 && status < 300;

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const at = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return Number((sorted[Math.max(0, at)] ?? 0).toFixed(1));
}

function stats(latencies: number[], errors: number): LatencyStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    p50Ms: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    p99Ms: quantile(sorted, 0.99),
    maxMs: quantile(sorted, 1),
  };
}

/** `users` virtual users, each sending one request every `intervalMs` for `seconds`, staggered evenly. */
export async function openLoad(
  target: HttpTarget,
  options: {
    users: number;
    intervalMs: number;
    seconds: number;
    path: (user: number, n: number) => RequestSpec;
  },
): Promise<LatencyStats> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now() + 50;
  const perUser = Math.floor((options.seconds * 1000) / options.intervalMs);
  const sent: Promise<void>[] = [];
  for (let u = 0; u < options.users; u++) {
    const offset = (u * options.intervalMs) / options.users;
    for (let n = 0; n < perUser; n++) {
      const due = started + offset + n * options.intervalMs;
      sent.push(
        new Promise<void>((resolve) => {
          setTimeout(
            () => {
              void send(agent, target, options.path(u, n)).then((status) => {
                latencies.push(performance.now() - due);
                if (!succeeded(status)) errors++;
                resolve();
              });
            },
            Math.max(0, due - performance.now()),
          );
        }),
      );
    }
  }
  await Promise.all(sent);
  agent.destroy();
  return stats(latencies, errors);
}

/** `connections` connections sending without pause for `seconds`: throughput and latency. */
export async function closedLoad(
  target: HttpTarget,
  options: { connections: number; seconds: number; path: (connection: number, n: number) => RequestSpec },
): Promise<LatencyStats & { requestsPerSecond: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + options.seconds * 1000;
  const loops = Array.from({ length: options.connections }, async (_, c) => {
    for (let n = 0; performance.now() < until; n++) {
      const t = performance.now();
      const status = await send(agent, target, options.path(c, n));
      latencies.push(performance.now() - t);
      if (!succeeded(status)) errors++;
    }
  });
  await Promise.all(loops);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { ...stats(latencies, errors), requestsPerSecond: Math.round(latencies.length / seconds) };
}

/** One GET, answered as JSON (for set-up steps). */
export async function getJson<T>(target: HttpTarget, path: string): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${target.port}${path}`, { headers: target.headers });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
