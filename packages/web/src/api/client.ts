import type { z } from 'zod/mini';
import { problemSchema } from '@osteopad/contract';

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
    /** The whole problem document, for the details a screen reads with its own schema (a clinic's phone …). */
    readonly problem?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryParams = Record<string, string | number | boolean | undefined>;

export interface RequestOptions<T> {
  query?: QueryParams;
  body?: unknown;
  schema?: z.ZodMiniType<T>;
}

export interface FileRequestOptions {
  query?: QueryParams;
  /** Sent as JSON. */
  body?: unknown;
}

export interface UploadOptions<T> {
  query?: QueryParams;
  file: Blob;
  /** The file's name, sent in the X-File-Name header (percent-encoded), never in the URL. */
  fileName: string;
  contentType: string;
  schema: z.ZodMiniType<T>;
  /**
   * Error statuses whose body is an answer in `schema`'s shape rather than a problem: an import the
   * server refused still reports what it found (422 with the summary).
   */
  answerStatuses?: readonly number[];
}

export interface UploadAnswer<T> {
  status: number;
  body: T;
}

export interface ApiClient {
  get<T>(path: string, schema: z.ZodMiniType<T>, query?: QueryParams): Promise<T>;
  post<T>(path: string, options?: RequestOptions<T>): Promise<T | undefined>;
  /**
   * A read whose criteria name people (a patient's name, BSN or date of birth, a username): POSTed
   * as JSON, because a URL ends up in proxy logs and browser history. The server refuses such
   * criteria in a query string.
   */
  search<T>(path: string, schema: z.ZodMiniType<T>, criteria: Record<string, unknown>): Promise<T>;
  /** A document the server renders (a PDF letter), as a Blob of the expected type. */
  file(method: 'GET' | 'POST', path: string, accept: string, options?: FileRequestOptions): Promise<Blob>;
  /** Sends a file as the raw request body (imports); the server streams it, nothing is re-encoded. */
  upload<T>(path: string, options: UploadOptions<T>): Promise<UploadAnswer<T>>;
  /** The token the server handed out with the session; sent back on every state-changing request. */
  setCsrfToken(token: string | null): void;
  /** Replaces a record (a correction or a form saved whole, carrying the version it was read at). */
  put<T>(path: string, options?: RequestOptions<T>): Promise<T | undefined>;
  /** Changes some fields of a record (an account's role or status). */
  patch<T>(path: string, options?: RequestOptions<T>): Promise<T | undefined>;
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

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function problemError(response: Response, body: unknown): ApiError {
  const parsed = problemSchema.safeParse(body ?? null);
  // Not a problem document (a proxy's error page, say): the status alone must do.
  if (!parsed.success) return new ApiError(response.status, `http_${response.status}`, response.statusText);
  const issues = (parsed.data.issues ?? []).map((i) => ({ ...i, code: i.code ?? '' }));
  return new ApiError(response.status, parsed.data.error, parsed.data.message ?? '', issues, body);
}

async function toApiError(response: Response): Promise<ApiError> {
  return problemError(response, await readJson(response));
}

function parseAnswer<T>(status: number, body: unknown, schema: z.ZodMiniType<T>): T {
  if (body === undefined) throw new ApiError(status, 'invalid_response', 'The answer is not JSON.');
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(status, 'invalid_response', parsed.error.message);
  return parsed.data;
}

interface SendOptions {
  query?: QueryParams | undefined;
  accept: string;
  contentType?: string;
  body?: BodyInit;
  headers?: Record<string, string>;
}

export function createApiClient(fetchImpl: typeof fetch = (...args) => fetch(...args)): ApiClient {
  let csrfToken: string | null = null;

  /** Every request: same-origin cookie, CSRF token on state changes, no answer → `network`. */
  async function send(method: string, path: string, options: SendOptions): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers, Accept: options.accept };
    if (options.contentType !== undefined) headers['Content-Type'] = options.contentType;
    if (!SAFE_METHODS.has(method) && csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;
    try {
      return await fetchImpl(path + toQueryString(options.query), {
        method,
        headers,
        credentials: 'same-origin',
        ...(options.body === undefined ? {} : { body: options.body }),
      });
    } catch (cause) {
      throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'network error');
    }
  }

  const jsonBody = (body: unknown): Pick<SendOptions, 'contentType' | 'body'> =>
    body === undefined ? {} : { contentType: 'application/json', body: JSON.stringify(body) };

  async function request<T>(
    method: string,
    path: string,
    options: RequestOptions<T>,
  ): Promise<T | undefined> {
    const response = await send(method, path, {
      query: options.query,
      accept: 'application/json',
      ...jsonBody(options.body),
    });
    if (!response.ok) throw await toApiError(response);
    if (response.status === 204 || options.schema === undefined) return undefined;
    return parseAnswer(response.status, await readJson(response), options.schema);
  }

  return {
    async get(path, schema, query) {
      const result = await request('GET', path, { schema, ...(query === undefined ? {} : { query }) });
      if (result === undefined) throw new ApiError(204, 'invalid_response', 'Expected a body.');
      return result;
    },
    post: (path, options = {}) => request('POST', path, options),
    async search(path, schema, criteria) {
      const result = await request('POST', path, { schema, body: criteria });
      if (result === undefined) throw new ApiError(204, 'invalid_response', 'Expected a body.');
      return result;
    },
    async file(method, path, accept, options = {}) {
      const response = await send(method, path, {
        query: options.query,
        // The problem document of a refusal is JSON.
        accept: `${accept}, application/json;q=0.5`,
        ...jsonBody(options.body),
      });
      if (!response.ok) throw await toApiError(response);
      const type = response.headers.get('Content-Type') ?? '';
      if (!type.startsWith(accept)) {
        throw new ApiError(response.status, 'invalid_response', `Expected ${accept}, got ${type}.`);
      }
      return response.blob();
    },
    async upload(path, options) {
      const response = await send('POST', path, {
        query: options.query,
        accept: 'application/json',
        contentType: options.contentType,
        body: options.file,
        // The name may name a patient: a header, never the URL (the server refuses it there).
        headers: { 'X-File-Name': encodeURIComponent(options.fileName) },
      });
      if (response.ok) {
        return {
          status: response.status,
          body: parseAnswer(response.status, await readJson(response), options.schema),
        };
      }
      if (!(options.answerStatuses ?? []).includes(response.status)) throw await toApiError(response);
      const body = await readJson(response);
      const answer = options.schema.safeParse(body);
      // The same status can still carry a plain problem (a refused query parameter, say).
      if (!answer.success) throw problemError(response, body);
      return { status: response.status, body: answer.data };
    },
    setCsrfToken(token) {
      csrfToken = token;
    },
    put: (path, options = {}) => request('PUT', path, options),
    patch: (path, options = {}) => request('PATCH', path, options),
  };
}

/** The one client the app uses. */
export const api = createApiClient();

/** The session ended on the server (idle timeout, logout elsewhere): the user must log in again. */
export function isSessionEnded(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === 'unauthenticated';
}
