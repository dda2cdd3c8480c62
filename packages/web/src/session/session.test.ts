import { describe, expect, it } from 'vitest';
import { ROLES } from '../api/codes';
import { canUseAuditLog, canUsePatientList, homeFor } from './permissions';
import { safeRedirect } from './redirects';

describe('safeRedirect', () => {
  it('follows paths inside the app', () => {
    expect(safeRedirect('/patients')).toBe('/patients');
    expect(safeRedirect('/patients/018a518d-89e0-4323-a368-2e394a211537')).toBe(
      '/patients/018a518d-89e0-4323-a368-2e394a211537',
    );
  });

  it('refuses other sites, odd values and the login page itself', () => {
    for (const value of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example',
      'patients',
      '/login',
      '/login?x=1',
      42,
      undefined,
    ]) {
      expect(safeRedirect(value), String(value)).toBeUndefined();
    }
  });
});

describe('what each role sees', () => {
  it('gives the patient list to clinical and secretarial staff only', () => {
    expect(ROLES.filter(canUsePatientList)).toEqual(['specialist', 'nurse', 'secretary']);
  });

  it('gives the audit log to administrators only', () => {
    expect(ROLES.filter(canUseAuditLog)).toEqual(['admin']);
  });

  it('lands every role on a screen it may use', () => {
    for (const role of ROLES) {
      const home = homeFor(role);
      if (home === '/patients') expect(canUsePatientList(role)).toBe(true);
      if (home === '/audit') expect(canUseAuditLog(role)).toBe(true);
      if (home === 'placeholder') expect(canUsePatientList(role) || canUseAuditLog(role)).toBe(false);
    }
  });
});
