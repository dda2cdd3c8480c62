import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_DATA_DIR } from './environment';

export type DemoRole = 'admin' | 'specialist' | 'nurse' | 'secretary' | 'quality' | 'patient';

interface DemoLogin {
  username: string;
  password: string;
  role: DemoRole;
}

/** The server generates demo passwords on first start and writes them here; nothing is hard-coded. */
export function demoLogin(role: DemoRole): DemoLogin {
  const logins = JSON.parse(readFileSync(join(E2E_DATA_DIR, 'demo-logins.json'), 'utf8')) as DemoLogin[];
  const login = logins.find((l) => l.role === role);
  if (login === undefined) throw new Error(`No demo login for role ${role} in ${E2E_DATA_DIR}`);
  return login;
}

/** The demo's unused portal activation code and the date of birth it needs (server demo/demoPortal.ts). */
export function demoPortalActivation(): { code: string; birthDate: string; patientName: string } {
  const logins = JSON.parse(readFileSync(join(E2E_DATA_DIR, 'demo-logins.json'), 'utf8')) as {
    portalActivation?: { code: string; birthDate: string; patientName: string };
  }[];
  const activation = logins.find((l) => l.portalActivation !== undefined)?.portalActivation;
  if (activation === undefined) throw new Error(`No demo portal activation in ${E2E_DATA_DIR}`);
  return activation;
}

/** A demo login by its username (the demo's extra patient accounts: patient.uitslagen, patient.vragenlijst). */
export function demoLoginNamed(username: string): DemoLogin {
  const logins = JSON.parse(readFileSync(join(E2E_DATA_DIR, 'demo-logins.json'), 'utf8')) as DemoLogin[];
  const login = logins.find((l) => l.username === username);
  if (login === undefined) throw new Error(`No demo login ${username} in ${E2E_DATA_DIR}`);
  return login;
}
