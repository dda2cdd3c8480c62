import { hash, verify, type Options } from '@node-rs/argon2';

// OWASP-recommended argon2id parameters (19 MiB, 2 iterations, 1 lane). The package's default
// algorithm is argon2id; its `Algorithm` const enum cannot be read under isolated modules, and the
// login test asserts the `$argon2id$` prefix of stored hashes.
const ARGON2ID: Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// The length bounds of a password are the API's (@osteopad/contract: MIN_/MAX_PASSWORD_LENGTH).

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against a throw-away hash so that a login for an unknown or locked account costs the
 * same time as one for a real account: response time does not reveal which usernames exist.
 */
export async function spendVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('osteopad-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
