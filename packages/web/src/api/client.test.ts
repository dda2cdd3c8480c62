import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { ApiError, createApiClient, isSessionEnded, toQueryString } from './client';

interface Call {
  url: string;
  init: RequestInit;
}

/** A stand-in for fetch that records requests and answers from a list. */
function fakeFetch(...answers: (Response | Error)[]) {
  const calls: Call[] = [];
  const fetchImpl = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    calls.push({ url: input instanceof Request ? input.url : String(input), init });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('unexpected request');
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  return { calls, fetchImpl };
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const headersOf = (call: Call | undefined): Headers => new Headers(call?.init.headers);

describe('the API client', () => {
  it('sends the CSRF token on state-changing requests only, and same-origin credentials always', async () => {
    const { calls, fetchImpl } = fakeFetch(json(200, { ok: true }), new Response(null, { status: 204 }));
    const client = createApiClient(fetchImpl);
    client.setCsrfToken('token-123');

    await client.get('/api/patients', z.object({ ok: z.boolean() }));
    await client.post('/api/auth/logout');

    expect(headersOf(calls[0]).get('X-CSRF-Token')).toBeNull();
    expect(headersOf(calls[1]).get('X-CSRF-Token')).toBe('token-123');
    expect(calls.map((c) => c.init.credentials)).toEqual(['same-origin', 'same-origin']);
    expect(calls[1]?.init.method).toBe('POST');
  });

  it('forgets the token when told to', async () => {
    const { calls, fetchImpl } = fakeFetch(new Response(null, { status: 204 }));
    const client = createApiClient(fetchImpl);
    client.setCsrfToken('old');
    client.setCsrfToken(null);
    await client.post('/api/auth/logout');
    expect(headersOf(calls[0]).get('X-CSRF-Token')).toBeNull();
  });

  it('sends JSON bodies with a content type, and none without a body (the server refuses empty JSON)', async () => {
    const { calls, fetchImpl } = fakeFetch(json(200, {}), new Response(null, { status: 204 }));
    const client = createApiClient(fetchImpl);
    await client.post('/api/auth/login', { body: { username: 'nurse', password: 'x' } });
    await client.post('/api/auth/logout');
    expect(headersOf(calls[0]).get('Content-Type')).toBe('application/json');
    expect(calls[0]?.init.body).toBe('{"username":"nurse","password":"x"}');
    expect(headersOf(calls[1]).get('Content-Type')).toBeNull();
    expect(calls[1]?.init.body).toBeUndefined();
  });

  it('turns error answers into ApiError with the code and the field issues', async () => {
    const { fetchImpl } = fakeFetch(
      json(400, {
        error: 'validation',
        message: 'The request is not valid.',
        issues: [{ field: 'querystring.patientId', message: 'Invalid UUID', code: 'invalid_format' }],
      }),
    );
    const client = createApiClient(fetchImpl);
    const error: unknown = await client.get('/api/audit-events', z.object({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation' });
    expect((error as ApiError).issues).toEqual([
      { field: 'querystring.patientId', message: 'Invalid UUID', code: 'invalid_format' },
    ]);
  });

  it('recognises an ended session, but not a refused login', async () => {
    const { fetchImpl } = fakeFetch(
      json(401, { error: 'unauthenticated', message: 'You must be logged in.' }),
      json(401, { error: 'invalid_credentials', message: 'Login failed.' }),
    );
    const client = createApiClient(fetchImpl);
    const expired = await client.get('/api/patients', z.object({})).catch((e: unknown) => e);
    const refused = await client.post('/api/auth/login', { body: {} }).catch((e: unknown) => e);
    expect(isSessionEnded(expired)).toBe(true);
    expect(isSessionEnded(refused)).toBe(false);
  });

  it('reports no answer as a network error and an unexpected answer as invalid_response', async () => {
    const { fetchImpl } = fakeFetch(new TypeError('Failed to fetch'), json(200, { total: 'many' }));
    const client = createApiClient(fetchImpl);
    await expect(client.get('/api/patients', z.object({ total: z.number() }))).rejects.toMatchObject({
      status: 0,
      code: 'network',
    });
    await expect(client.get('/api/patients', z.object({ total: z.number() }))).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it('keeps an error without a JSON body readable', async () => {
    const { fetchImpl } = fakeFetch(new Response('<html>Bad gateway</html>', { status: 502 }));
    const client = createApiClient(fetchImpl);
    await expect(client.get('/api/patients', z.object({}))).rejects.toMatchObject({
      status: 502,
      code: 'http_502',
    });
  });
});

describe('query strings', () => {
  it('leave out empty values so the server applies its defaults', () => {
    expect(toQueryString({ q: '', limit: 20, offset: 0, action: undefined })).toBe('?limit=20&offset=0');
    expect(toQueryString({})).toBe('');
    expect(toQueryString(undefined)).toBe('');
  });

  it('encode what the user typed', () => {
    expect(toQueryString({ q: 'de Vries & zn' })).toBe('?q=de+Vries+%26+zn');
  });
});
