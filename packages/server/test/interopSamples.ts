// Where the real inputs written by other projects live: ../shared/interop-samples next to the repository
// (or OSTEOPAD_INTEROP_SAMPLES_DIR). Tests read them there; the repository keeps no copy (SOURCES.md).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const INTEROP_SAMPLES_DIR =
  process.env.OSTEOPAD_INTEROP_SAMPLES_DIR ?? resolve(repoRoot, '..', 'shared', 'interop-samples');

/** False on a checkout without the shared folder: the sample tests are skipped, with their names shown. */
export const interopSamplesAvailable = existsSync(join(INTEROP_SAMPLES_DIR, 'SOURCES.md'));

export function interopSample(...parts: string[]): string {
  return join(INTEROP_SAMPLES_DIR, ...parts);
}
