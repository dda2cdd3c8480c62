import { describe, expect, it } from 'vitest';
import { isApiPath, isClientRoute } from './responsePolicy';

describe('isApiPath', () => {
  it('is the API and FHIR prefixes, whatever the query', () => {
    expect(isApiPath('/api/patients/search')).toBe(true);
    expect(isApiPath('/fhir/Patient')).toBe(true);
    expect(isApiPath('/patients?x=/api')).toBe(false);
  });
});

describe('isClientRoute', () => {
  it('answers the app shell for paths of the web app', () => {
    for (const url of [
      '/',
      '/patients',
      '/patients/0b6f7a7e-1c1d-4c3e-9a55-0c1f2a3b4c5d',
      '/worklist?view=x.y',
    ])
      expect(isClientRoute('GET', url), url).toBe(true);
  });

  it('not for files, assets, the API or other methods', () => {
    for (const url of [
      '/assets/index-abc.js',
      '/assets/logo',
      '/assets',
      '/favicon.ico',
      '/x.js.map',
      '/a/b.css',
    ])
      expect(isClientRoute('GET', url), url).toBe(false);
    expect(isClientRoute('GET', '/api/nothing')).toBe(false);
    expect(isClientRoute('POST', '/patients')).toBe(false);
  });
});
