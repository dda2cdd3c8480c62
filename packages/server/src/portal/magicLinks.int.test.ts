import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, cookieValue, type Harness } from '../../test/appHarness';
import { startLoopbackSmtp, type LoopbackSmtp } from '../reminders/test-support/reminderFixtures';
import { DEFAULT_PORTAL_SETTINGS } from './portalSettings';

let h: Harness;
let smtp: LoopbackSmtp;

const ADDRESS = 'ria@example.org';

beforeAll(async () => {
  smtp = await startLoopbackSmtp();
  h = await createHarness({
    portal: {
      ...DEFAULT_PORTAL_SETTINGS,
      rateLimitMax: 1000,
      smtpUrl: smtp.url,
      smtpFrom: 'Kliniek <fls@alpha.example>',
    },
  });
  // The harness's patient account (patientIds[0]) gets an e-mail address; its organisation a portal address.
  await h.db.owner.query(`UPDATE patients SET email = $2 WHERE id = $1`, [h.orgA.patientIds[0], ADDRESS]);
  await h.db.owner.query(
    `UPDATE organizations SET portal_url = 'https://mijn.alpha.example/' WHERE id = $1`,
    [h.orgA.id],
  );
}, 120_000);
afterAll(async () => {
  await h.close();
  await smtp.close();
});

async function mailTo(address: string, count: number): Promise<string[]> {
  for (let i = 0; i < 100; i++) {
    const mails = smtp.received.filter((m) => m.to.toLowerCase().includes(address));
    if (mails.length >= count) return mails.map((m) => m.raw);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no mail to ${address}`);
}

/** The token of the link in a mail (quoted-printable undone). */
function tokenIn(raw: string): string {
  const text = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = /https:\/\/mijn\.alpha\.example\/portal\/link#token=([A-Za-z0-9_-]+)/.exec(text);
  if (match?.[1] === undefined) throw new Error(`no link in ${text}`);
  return match[1];
}

const request = (email: string, locale = 'nl') =>
  h.app.inject({ method: 'POST', url: '/api/portal/magic-link', payload: { email, locale } });
const redeem = (token: string) =>
  h.app.inject({ method: 'POST', url: '/api/portal/magic-link/redeem', payload: { token } });

describe('sign-in by an e-mailed link', () => {
  it('answers the same whether or not the address is known, and mails a link only to a known one', async () => {
    const known = await request(ADDRESS.toUpperCase());
    const unknown = await request('nobody@example.org');
    expect(known.statusCode).toBe(202);
    expect({ status: unknown.statusCode, body: unknown.body }).toEqual({
      status: known.statusCode,
      body: known.body,
    });
    const [mail] = await mailTo(ADDRESS, 1);
    expect(mail).toContain('Inloggen bij Alpha Hospital');
    expect(mail).not.toContain('Alpha Hospital Patient0');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.filter((m) => m.to.includes('nobody@example.org'))).toEqual([]);
  });

  it('signs the patient in once with the link, and never again', async () => {
    const before = smtp.received.length;
    await request(ADDRESS, 'en');
    const mails = await mailTo(ADDRESS, 2);
    expect(smtp.received.length).toBeGreaterThan(before);
    const raw = mails[mails.length - 1] ?? '';
    expect(raw).toContain('Sign in to Alpha Hospital');
    const token = tokenIn(raw);
    const first = await redeem(token);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ user: { role: 'patient', patientId: h.orgA.patientIds[0] } });
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/portal/me',
      cookies: { osteopad_session: cookieValue(first) },
    });
    expect(me.statusCode).toBe(200);
    const second = await redeem(token);
    expect(second.statusCode).toBe(400);
    expect(second.json()).toMatchObject({ error: 'magic_link_invalid', issues: [{ field: 'body.token' }] });
    const stored = await h.db.owner.query(`SELECT token_hash FROM portal_magic_links`);
    expect(JSON.stringify(stored.rows)).not.toContain(token);
  });

  it('refuses a link after its minutes are over', async () => {
    await request(ADDRESS);
    const mails = await mailTo(ADDRESS, 3);
    const token = tokenIn(mails[mails.length - 1] ?? '');
    h.clock.advanceMinutes(DEFAULT_PORTAL_SETTINGS.magicLinkMinutes + 1);
    expect((await redeem(token)).json()).toMatchObject({ error: 'magic_link_invalid' });
    expect((await redeem('x'.repeat(43))).json()).toMatchObject({ error: 'magic_link_invalid' });
  });

  it('refuses an address that is not one at its field', async () => {
    const r = await request('not an address');
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ issues: [{ field: 'body.email' }] });
  });
});
