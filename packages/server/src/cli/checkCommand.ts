// `osteopad check`: verifies the pathway invariant over the whole database (integrity/pathwayInvariant.ts).
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openRuntime } from '../runtime';
import { checkPathwayInvariant, pathwayCheckLines } from '../integrity/pathwayInvariant';
import { EXIT_CODE } from './exitCodes';

/**
 * Prints every episode that breaks the invariant (ids only) and a summary; exits 0 when there is none,
 * EXIT_CODE.violations when there is one. It reads as the owner, like the other maintenance commands:
 * row-level security would hide every organisation but one.
 */
export async function checkCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, limit: { type: 'string' } },
  });
  const limit = values.limit === undefined ? 10_000 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 0) {
    console.error('--limit must be a whole number of at least 0.');
    return EXIT_CODE.refused;
  }
  const runtime = await openRuntime();
  const owner = new pg.Client({ connectionString: runtime.ownerUrl, application_name: 'osteopad-check' });
  try {
    await owner.connect();
    await owner.query('SET default_transaction_read_only = on');
    const check = await checkPathwayInvariant(owner, { limit });
    if (values.json === true) console.log(JSON.stringify(check));
    else for (const line of pathwayCheckLines(check)) console.log(line);
    return check.counts.open_dated_task + check.counts.end_reason === 0 ? EXIT_CODE.ok : EXIT_CODE.violations;
  } finally {
    await owner.end().catch(() => undefined);
    await runtime.shutdown();
  }
}
