// Walks every registered route: none takes a name, BSN or search text from the query string, so a
// client cannot be written (again) that puts patient data into URLs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';

let h: Harness;
let admin: Session;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login(h.orgA.users.admin.username);
});
afterAll(async () => {
  await h.close();
});

const SAMPLE_ID = '0b6f7a7e-1c1d-4c3e-9a55-0c1f2a3b4c5d';
const withQuery = (url: string, query: string): string =>
  `${url.replace(/:[A-Za-z]+/g, SAMPLE_ID).replace(/\*$/, 'x')}?${query}`;

describe('no personal data in URLs', () => {
  const queries = [
    'q=Jansen',
    'bsn=999990020',
    'familyName=Jansen',
    'birthDate=1950-01-01',
    'username=j.jansen',
    'site=999990019',
  ];

  it('every route refuses such a query parameter, logged in or not, naming it but not its value', async () => {
    const routes = h.app.routeCatalog.filter((r) => r.url.startsWith('/api') || r.url.startsWith('/fhir'));
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      for (const query of queries) {
        const url = withQuery(route.url, query);
        const [name = '', value = ''] = query.split('=');
        for (const response of [
          await h.as(admin, route.method, url, {}),
          await h.app.inject({ method: route.method as 'GET', url, payload: {} }),
        ]) {
          const key = `${route.method} ${url}`;
          expect(response.statusCode, key).toBe(400);
          expect(response.body, key).not.toContain(value);
          // The documentation plugin keeps Fastify's own error format; the refusal is the same.
          if (route.url.startsWith('/api/docs')) continue;
          expect(response.json(), key).toMatchObject({
            error: 'personal_data_in_url',
            issues: [{ field: `querystring.${name}`, code: 'personal_data_in_url' }],
          });
        }
      }
    }
  });

  it('an unknown API path refuses them too', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/api/patients-old?q=Jansen' });
    expect(r.statusCode).toBe(400);
  });

  it('ordinary query parameters still work', async () => {
    const r = await h.as(admin, 'GET', '/api/imports?limit=5');
    expect(r.statusCode).toBe(200);
  });
});
