import { describe, expect, it } from 'vitest';
import { DEFAULT_SSO_APP_SETTINGS, readSsoAppSettings } from './ssoAppSettings';

describe('the hospital sign-in’s settings from the environment', () => {
  it('has defaults, and reads the public address, the time-out and the flow minutes', () => {
    expect(readSsoAppSettings({})).toEqual(DEFAULT_SSO_APP_SETTINGS);
    expect(
      readSsoAppSettings({
        OSTEOPAD_PUBLIC_URL: 'https://osteopad.zgo.nl/',
        SSO_PROVIDER_TIMEOUT_SECONDS: '5',
        SSO_FLOW_MINUTES: '3',
      }),
    ).toEqual({ publicUrl: 'https://osteopad.zgo.nl', providerTimeoutMs: 5000, flowMinutes: 3 });
  });
  it('stops the start on a value that does not validate, naming it', () => {
    expect(() => readSsoAppSettings({ OSTEOPAD_PUBLIC_URL: 'ftp://x' })).toThrow(/OSTEOPAD_PUBLIC_URL/);
    expect(() => readSsoAppSettings({ SSO_PROVIDER_TIMEOUT_SECONDS: '0' })).toThrow(
      /SSO_PROVIDER_TIMEOUT_SECONDS/,
    );
  });
});
