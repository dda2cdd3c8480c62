import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { elementsOf, staticMarkup } from '../testing/staticMarkup';
import { HospitalSignIn } from './HospitalSignIn';

const alpha = {
  organizationName: 'Ziekenhuis Alfa',
  startUrl: '/api/auth/sso/alfa/start',
  localPasswords: 'allowed' as const,
};
const beta = {
  organizationName: 'Ziekenhuis Beta',
  startUrl: '/api/auth/sso/beta/start',
  localPasswords: 'disabled' as const,
};

describe('the hospital sign-in buttons', () => {
  it('is one link to the server’s start, which carries the page to come back to', () => {
    const html = staticMarkup(
      createElement(HospitalSignIn, { options: [alpha], redirect: '/worklist?tab=new' }),
    );
    const links = elementsOf(html, 'a');
    expect(links.map((a) => a.attributes.href)).toEqual([
      '/api/auth/sso/alfa/start?redirect=%2Fworklist%3Ftab%3Dnew',
    ]);
    expect(links.map((a) => a.text)).toEqual(['loginSso.button']);
    expect(html).not.toContain('loginSso.passwordsOff');
  });

  it('names the organisation on each button when there are several, and says whose passwords are off', () => {
    const html = staticMarkup(createElement(HospitalSignIn, { options: [alpha, beta], redirect: undefined }));
    const links = elementsOf(html, 'a');
    expect(links.map((a) => a.attributes.href)).toEqual([
      '/api/auth/sso/alfa/start',
      '/api/auth/sso/beta/start',
    ]);
    // Without an i18n instance the texts are their keys: one "passwords off" note, for Beta only.
    expect(links.map((a) => a.text)).toEqual(['loginSso.buttonFor', 'loginSso.buttonFor']);
    expect(html.split('loginSso.passwordsOff').length - 1).toBe(1);
  });
});
