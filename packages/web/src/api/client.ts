import type { z } from 'zod/mini';
import { problemSchema } from './schemas';

export interface FieldIssue {
  /** Where the server found the problem, e.g. `body.username` or `querystring.from`. */
  field: string;
  message: string;
  code: string;
}

/**
 * A failed request. `code` is the server's stable error code (`unauthenticated`, `forbidden`,
 * `not_found`, `validation` …) or one of ours: `network` (no answer) and `invalid_response`
 * (an answer we cannot read). Screens translate the code; the server's English message is only
 * kept for developers.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryParams = Record<string, string | number | undefined>;

export interface RequestOptions<T> {
  query?: QueryParams;
  body?: unknown;
  schema?: z.ZodMiniType<T>;
}

export interface ApiClient {
  get<T>(path: string, schema: z.ZodMiniType<T>, query?: QueryParams): Promise<T>;
  post<T>(path: string, options?: RequestOptions<T>): Promise<T | undefined>;
  /** The token the server handed out with the session; sent back on every state-changing request. */
  setCsrfToken(token: string | null): void;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Builds `?a=1&b=x`, leaving out empty values so the server's defaults apply. */
export function toQueryString(query: QueryParams | undefined): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, say): the status alone must do.
  }
  const parsed = problemSchema.safeParse(body);
  if (!parsed.success) return new ApiError(response.status, `http_${response.status}`, response.statusText);
  const issues = (parsed.data.issues ?? []).map((i) => ({ ...i, code: i.code ?? '' }));
  return new ApiError(response.status, parsed.data.error, parsed.data.message ?? '', issues);
}

export function createApiClient(fetchImpl: typeof fetch = (...args) => fetch(...args)): ApiClient {
  let csrfToken: string | null = null;

  async function request<T>(
    method: string,
    path: string,
    options: RequestOptions<T>,
  ): Promise<T | undefined> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (!SAFE_METHODS.has(method) && csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;
    let response: Response;
    try {
      response = await fetchImpl(path + toQueryString(options.query), {
        method,
        headers,
        credentials: 'same-origin',
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
    } catch (cause) {
      throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'network error');
    }
    if (!response.ok) throw await toApiError(response);
    if (response.status === 204 || options.schema === undefined) return undefined;
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ApiError(response.status, 'invalid_response', 'The answer is not JSON.');
    }
    const parsed = options.schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiError(response.status, 'invalid_response', parsed.error.message);
    }
    return parsed.data;
  }

  return {
    async get(path, schema, query) {
      const result = await request('GET', path, { schema, ...(query === undefined ? {} : { query }) });
      if (result === undefined) throw new ApiError(204, 'invalid_response', 'Expected a body.');
      return result;
    },
    post: (path, options = {}) => request('POST', path, options),
    setCsrfToken(token) {
      csrfToken = token;
    },
  };
}

/** The one client the app uses. */
export const api = createApiClient();

/** The session ended on the server (idle timeout, logout elsewhere): the user must log in again. */
export function isSessionEnded(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === 'unauthenticated';
}
