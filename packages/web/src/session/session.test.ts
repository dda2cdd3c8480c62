import { describe, expect, it } from 'vitest';
import { ROLES } from '@osteopad/contract';
import {
  canImport,
  canReviewClinically,
  canUseAuditLog,
  canUsePatientList,
  canUseWorklist,
  canViewClinicalConfig,
  homeFor,
  seesClinicalConfigNotice,
} from './permissions';
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

  it('gives the audit log and the imports to administrators only', () => {
    expect(ROLES.filter(canUseAuditLog)).toEqual(['admin']);
    expect(ROLES.filter(canImport)).toEqual(['admin']);
  });

  it('gives the worklist to the patient-record staff, and clinical review to nurses and specialists', () => {
    expect(ROLES.filter(canUseWorklist)).toEqual(['specialist', 'nurse', 'secretary']);
    expect(ROLES.filter(canReviewClinically)).toEqual(['specialist', 'nurse']);
  });

  it('shows the clinical configuration to all staff, and its reminder to administrators and specialists', () => {
    expect(ROLES.filter(canViewClinicalConfig)).toEqual([
      'admin',
      'specialist',
      'nurse',
      'secretary',
      'quality',
    ]);
    expect(ROLES.filter(seesClinicalConfigNotice)).toEqual(['admin', 'specialist']);
    expect(ROLES.filter(seesClinicalConfigNotice).every(canViewClinicalConfig)).toBe(true);
  });

  it('lands every role on a screen it may use', () => {
    for (const role of ROLES) {
      const home = homeFor(role);
      if (home === '/worklist') expect(canUseWorklist(role)).toBe(true);
      if (home === '/audit') expect(canUseAuditLog(role)).toBe(true);
      if (home === 'placeholder') {
        expect(canUsePatientList(role) || canUseWorklist(role) || canUseAuditLog(role)).toBe(false);
      }
    }
  });
});
