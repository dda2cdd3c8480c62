// The OpenAPI document at /api/docs is generated from the routes' schemas, which are the contract's
// (@osteopad/contract). This test reads it as a client would and fails when an operation is
// undocumented or when the document and the contract part ways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import { FRACTURE_IMPORT_FORMATS, worklistItemSchema } from '@osteopad/contract';
import { buildApp, type App } from './app';
import { DEFAULT_APP_CONFIG } from './config';
import type { Database } from '../db/connection';

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
}
interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; schema: JsonSchema }[];
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);

let app: App;
let document: OpenApiDocument;

beforeAll(async () => {
  // Generating the document reads the route schemas only; no request reaches the database.
  app = await buildApp({
    db: undefined as unknown as Database,
    clock: () => new Date('2026-03-02T09:00:00Z'),
    clinical: DEFAULT_CONFIG,
    config: { ...DEFAULT_APP_CONFIG, logLevel: 'silent', webDistDir: null },
  });
  const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
  expect(response.statusCode).toBe(200);
  document = response.json<OpenApiDocument>();
});

afterAll(async () => {
  await app.close();
});

function operations(): { id: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({ id: `${method.toUpperCase()} ${path}`, operation })),
  );
}

function answer(id: string, status: string): JsonSchema {
  const [method = '', path = ''] = id.split(' ');
  const schema =
    document.paths[path]?.[method.toLowerCase()]?.responses?.[status]?.content?.['application/json']?.schema;
  if (schema === undefined) throw new Error(`${id} has no JSON answer for ${status}`);
  return schema;
}

describe('the OpenAPI document (/api/docs/json)', () => {
  it('documents every route of the API', () => {
    const documented = new Set(operations().map(({ id }) => id));
    const routes = app.routeCatalog
      .filter((route) => route.url.startsWith('/api/') && !route.url.startsWith('/api/docs'))
      .map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('gives every operation a summary and a tag', () => {
    const all = operations();
    expect(all.filter(({ operation }) => (operation.summary ?? '').trim() === '').map((o) => o.id)).toEqual(
      [],
    );
    expect(all.filter(({ operation }) => (operation.tags ?? []).length === 0).map((o) => o.id)).toEqual([]);
    const summaries = all.map(({ operation }) => operation.summary);
    expect(new Set(summaries).size).toBe(summaries.length);
  });

  it('gives every operation a success answer with a schema', () => {
    const withoutSchema = operations()
      .filter(({ operation }) => {
        const success = Object.entries(operation.responses ?? {}).filter(([status]) =>
          /^(2\d\d|302)$/.test(status),
        );
        return !success.some(
          ([status, response]) =>
            // The hospital sign-in's routes answer redirects (302) with no body.
            status === '204' ||
            status === '302' ||
            Object.values(response.content ?? {}).some((c) => c.schema !== undefined),
        );
      })
      .map(({ id }) => id);
    expect(withoutSchema).toEqual([]);
  });

  it('is generated from the contract: a worklist item has the contract’s fields', () => {
    const item = answer('GET /api/worklist', '200').properties?.items?.items;
    expect(Object.keys(item?.properties ?? {}).sort()).toEqual(Object.keys(worklistItemSchema.shape).sort());
    expect(item?.properties?.patientId).toMatchObject({ type: 'string', format: 'uuid' });
  });

  it('is generated from the contract: the upload takes the contract’s import formats', () => {
    const format = document.paths['/api/imports']?.post?.parameters?.find((p) => p.name === 'format');
    expect(format?.in).toBe('query');
    expect(format?.schema.enum).toEqual([...FRACTURE_IMPORT_FORMATS]);
  });

  it('documents the PDF letters as bytes', () => {
    const pdf = document.paths['/api/invitation-letters']?.post?.responses?.['200']?.content;
    expect(pdf?.['application/pdf']?.schema).toEqual({ type: 'string', format: 'binary' });
  });

  it('documents the codes an answer may carry, without making them a closed list', () => {
    const state = answer('GET /api/worklist', '200').properties?.items?.items?.properties?.episodeState;
    expect(JSON.stringify(state)).toContain('re_evaluation');
    expect(JSON.stringify(state)).not.toContain('"enum"');
  });
});
