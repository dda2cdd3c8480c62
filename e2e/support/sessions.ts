import { request } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoLogin, type DemoRole } from './demoLogins';
import { BASE_URL, REPO_ROOT } from './environment';

/**
 * Logins are rate-limited (20 a minute per address). The case-finding tests share one session per
 * role, logged in once before the run, instead of logging in per test.
 */
export const SHARED_SESSION_ROLES = ['admin', 'secretary', 'nurse'] as const satisfies readonly DemoRole[];
export type SharedSessionRole = (typeof SHARED_SESSION_ROLES)[number];

const STATE_DIR = join(REPO_ROOT, '.test-output', 'e2e-sessions');

/** The browser storage (session cookie) of a role's shared session, for `test.use({ storageState })`. */
export function sessionState(role: SharedSessionRole): string {
  return join(STATE_DIR, `${role}.json`);
}

export async function saveSharedSessions(): Promise<void> {
  mkdirSync(STATE_DIR, { recursive: true });
  for (const role of SHARED_SESSION_ROLES) {
    const context = await request.newContext({ baseURL: BASE_URL });
    const { username, password } = demoLogin(role);
    const response = await context.post('/api/auth/login', { data: { username, password } });
    if (response.status() !== 200) {
      throw new Error(`Could not log in the shared ${role} session: HTTP ${String(response.status())}`);
    }
    await context.storageState({ path: sessionState(role) });
    await context.dispose();
  }
}
