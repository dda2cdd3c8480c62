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

  it('sends search criteria as a JSON body with the CSRF token, never in the URL', async () => {
    const { calls, fetchImpl } = fakeFetch(json(200, { total: 1 }));
    const client = createApiClient(fetchImpl);
    client.setCsrfToken('token-123');
    const answer = await client.search('/api/patients/search', z.object({ total: z.number() }), {
      q: 'de Vries 999990019',
      limit: 20,
    });
    expect(answer).toEqual({ total: 1 });
    expect(calls[0]?.url).toBe('/api/patients/search');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe('{"q":"de Vries 999990019","limit":20}');
    expect(headersOf(calls[0]).get('Content-Type')).toBe('application/json');
    expect(headersOf(calls[0]).get('X-CSRF-Token')).toBe('token-123');
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
    expect(toQueryString({ site: '', limit: 20, offset: 0, action: undefined })).toBe('?limit=20&offset=0');
    expect(toQueryString({})).toBe('');
    expect(toQueryString(undefined)).toBe('');
  });

  it('encode what the user chose (never patient data: searches use `search`, a JSON body)', () => {
    expect(toQueryString({ encoding: 'windows-1252', note: 'mei & juni' })).toBe(
      '?encoding=windows-1252&note=mei+%26+juni',
    );
  });
});

describe('uploads and files', () => {
  const summary = z.object({ status: z.string(), imported: z.number() });

  it('sends the file as the raw body with its content type, the options in the query, its name in a header and the CSRF token', async () => {
    const { calls, fetchImpl } = fakeFetch(json(200, { status: 'succeeded', imported: 6 }));
    const client = createApiClient(fetchImpl);
    client.setCsrfToken('token-9');
    const file = new Blob(['a,b\n1,2\n'], { type: 'text/csv' });
    const answer = await client.upload('/api/imports', {
      query: { format: 'csv', skipInvalid: false },
      file,
      fileName: 'fracturen de Vries & zn.csv',
      contentType: 'text/csv',
      schema: summary,
      answerStatuses: [422],
    });
    expect(answer).toEqual({ status: 200, body: { status: 'succeeded', imported: 6 } });
    // The name may name a patient: never in the URL, which proxies log.
    expect(calls[0]?.url).toBe('/api/imports?format=csv&skipInvalid=false');
    expect(headersOf(calls[0]).get('X-File-Name')).toBe('fracturen%20de%20Vries%20%26%20zn.csv');
    expect(calls[0]?.init.body).toBe(file);
    expect(headersOf(calls[0]).get('Content-Type')).toBe('text/csv');
    expect(headersOf(calls[0]).get('X-CSRF-Token')).toBe('token-9');
  });

  it('reads a refused import (422) as its summary, not as an error', async () => {
    const { fetchImpl } = fakeFetch(json(422, { status: 'rejected', imported: 0 }));
    const client = createApiClient(fetchImpl);
    const answer = await client.upload('/api/imports', {
      file: new Blob(['x']),
      fileName: 'x.csv',
      contentType: 'text/csv',
      schema: summary,
      answerStatuses: [422],
    });
    expect(answer).toEqual({ status: 422, body: { status: 'rejected', imported: 0 } });
  });

  it('still reports other refusals as ApiError, also a 422 that is a plain problem', async () => {
    const { fetchImpl } = fakeFetch(
      json(413, { error: 'upload_too_large', message: 'Too large.' }),
      json(422, { error: 'something_else', message: 'No.' }),
    );
    const client = createApiClient(fetchImpl);
    const options = {
      file: new Blob(['x']),
      fileName: 'x.csv',
      contentType: 'text/csv',
      schema: summary,
      answerStatuses: [422],
    };
    await expect(client.upload('/api/imports', options)).rejects.toMatchObject({
      status: 413,
      code: 'upload_too_large',
    });
    await expect(client.upload('/api/imports', options)).rejects.toMatchObject({
      status: 422,
      code: 'something_else',
    });
  });

  it('fetches a PDF as a Blob, and turns a refusal into ApiError with its issues', async () => {
    const pdf = new Response('%PDF-1.7', { status: 200, headers: { 'Content-Type': 'application/pdf' } });
    const { calls, fetchImpl } = fakeFetch(
      pdf,
      json(422, {
        error: 'letters_not_printable',
        message: 'Some letters cannot be printed.',
        issues: [{ field: 'episodeIds[1].patient.street', message: 'x', code: 'patient_data' }],
      }),
    );
    const client = createApiClient(fetchImpl);
    client.setCsrfToken('t');
    const blob = await client.file('POST', '/api/invitation-letters', 'application/pdf', {
      body: { episodeIds: ['a'], locale: 'nl' },
    });
    expect(await blob.text()).toBe('%PDF-1.7');
    expect(headersOf(calls[0]).get('Content-Type')).toBe('application/json');
    expect(headersOf(calls[0]).get('X-CSRF-Token')).toBe('t');
    const error: unknown = await client
      .file('POST', '/api/invitation-letters', 'application/pdf', { body: {} })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, code: 'letters_not_printable' });
    expect((error as ApiError).issues[0]?.field).toBe('episodeIds[1].patient.street');
  });

  it('refuses an answer of the wrong type instead of offering it as a PDF', async () => {
    const { fetchImpl } = fakeFetch(
      new Response('<html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    );
    const client = createApiClient(fetchImpl);
    await expect(
      client.file('GET', '/api/episodes/x/invitation-letter', 'application/pdf'),
    ).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });
});
