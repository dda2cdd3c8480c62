import { describe, expect, it } from 'vitest';
import { loginPageWith, safeRedirectPath } from './redirectTarget';

describe('where a hospital sign-in goes afterwards', () => {
  it('follows a path inside the app', () => {
    expect(safeRedirectPath('/patients/1?tab=x')).toBe('/patients/1?tab=x');
    expect(safeRedirectPath(undefined)).toBe('/');
  });
  it('never another site, the login page, the API or a path with control characters', () => {
    for (const value of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'evil',
      '/login',
      '/login?sso=x',
      '/api/auth/session',
      '/ok\n/x',
      '/a\\b',
    ]) {
      expect(safeRedirectPath(value)).toBe('/');
    }
  });
  it('sends refusals to the login page with their code', () => {
    expect(loginPageWith('unknown_account')).toBe('/login?sso=unknown_account');
  });
});
