import { asc } from 'drizzle-orm';
import type { Database } from '../../../db/connection';
import { organizations } from '../../../db/schema';
import { DomainError, invalid } from '../../../domain/errors';

/**
 * Which organisation a command-line import writes to: the one named, or the only one there is.
 * With several organisations and none named, refusing is safer than guessing.
 */
export async function chooseOrganization(db: Database, requested: string | undefined): Promise<string> {
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .orderBy(asc(organizations.name));
  if (requested !== undefined) {
    const match = rows.find((r) => r.id === requested || r.name.toLowerCase() === requested.toLowerCase());
    if (match === undefined)
      throw invalid(
        '--org',
        `No organisation "${requested}". Known: ${rows.map((r) => `${r.name} (${r.id})`).join(', ')}`,
        'unknown_organization',
      );
    return match.id;
  }
  const only = rows[0];
  if (rows.length === 1 && only !== undefined) return only.id;
  if (rows.length === 0)
    throw new DomainError(
      'conflict',
      'no_organization',
      'There is no organisation yet: run `osteopad seed` or create one first.',
    );
  throw invalid(
    '--org',
    `Several organisations exist; choose one with --org: ${rows.map((r) => `${r.name} (${r.id})`).join(', ')}`,
    'organization_required',
  );
}
