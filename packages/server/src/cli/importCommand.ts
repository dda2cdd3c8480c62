import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { FRACTURE_IMPORT_FORMATS, IMPORT_ENCODINGS } from '@osteopad/contract';
import { openRuntime } from '../runtime';
import { localIsoDate } from '../time/localDate';
import {
  IMPORT_LOCK_WAIT_MS,
  importRegistrations,
  type ImportFormatName,
  type ImportSummary,
} from '../caseFinding/pipeline/importRegistrations';
import { DEFAULT_SOURCE_SYSTEM, parseRegistrations } from '../caseFinding/pipeline/parseRegistrations';
import { chooseOrganization } from '../caseFinding/channels/cli/organizationChoice';
import { cliSubject } from '../caseFinding/channels/cli/cliSubject';
import type { TextEncodingOption } from '../caseFinding/parsers/encoding';
import { DomainError } from '../domain/errors';
import { exitCodeFor } from './exitCodes';

const FORMATS: readonly ImportFormatName[] = FRACTURE_IMPORT_FORMATS;
const ENCODINGS: readonly TextEncodingOption[] = IMPORT_ENCODINGS;

export const IMPORT_USAGE = `Usage: osteopad import FILE --format csv|hl7v2|fhir [--json] [--skip-invalid]
         [--org ID|NAME] [--encoding auto|utf-8|windows-1252] [--source-system NAME] [--quiet]
         [--wait SECONDS]

Imports fracture registrations in one transaction. Exit code 0 when the import succeeded,
2 when the input was invalid (nothing imported), 3 when another import of the organisation
was still running after --wait SECONDS (default ${IMPORT_LOCK_WAIT_MS.cli / 1000}; nothing imported, run it again
later), 1 on any other failure.`;

/** The JSON the issue tracker and scripts rely on: counts and errors with row, field and reason. */
export function summaryJson(summary: ImportSummary): string {
  return JSON.stringify({
    rows: summary.rows,
    imported: summary.imported,
    eligible: summary.eligible,
    excluded: summary.excluded,
    manualReview: summary.manualReview,
    duplicates: summary.duplicates,
    errors: summary.errors.map((e) => ({ row: e.row, field: e.field, message: e.message })),
  });
}

/** The JSON summary of a file that was not imported at all, with the reason as a file-level error. */
function refusalJson(message: string): string {
  return JSON.stringify({
    rows: 0,
    imported: 0,
    eligible: 0,
    excluded: 0,
    manualReview: 0,
    duplicates: 0,
    errors: [{ row: 0, field: 'file', message }],
  });
}

function humanSummary(s: ImportSummary): string {
  const lines = [
    s.status === 'succeeded' ? 'Import succeeded.' : 'Import rejected: nothing was imported.',
    `  rows read:       ${s.rows}`,
    `  imported:        ${s.imported} (eligible ${s.eligible}, excluded ${s.excluded}, manual review ${s.manualReview})`,
    `  duplicates:      ${s.duplicates}`,
    `  invalid rows:    ${s.invalid}`,
  ];
  for (const e of s.errors.slice(0, 50)) lines.push(`  row ${e.row}, ${e.field}: ${e.message}`);
  const more = s.errors.length - 50 + s.errorsNotListed;
  if (more > 0) lines.push(`  … and ${more} more errors (use --json for the full list)`);
  const warningCount = s.warnings.length + s.warningsNotListed;
  if (warningCount > 0) {
    lines.push(`  to look at:      ${warningCount} (imported, but worth a look)`);
    for (const w of s.warnings.slice(0, 20)) lines.push(`  row ${w.row}, ${w.field}: ${w.message}`);
    if (warningCount > 20) lines.push(`  … and ${warningCount - 20} more`);
  }
  if (s.status === 'rejected' && s.invalid > 0)
    lines.push('Fix the rows above, or import the valid rows with --skip-invalid.');
  return lines.join('\n');
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function importCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        json: { type: 'boolean', default: false },
        'skip-invalid': { type: 'boolean', default: false },
        org: { type: 'string' },
        encoding: { type: 'string', default: 'auto' },
        'source-system': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        wait: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  const format = FORMATS.find((f) => f === values.format);
  const encoding = ENCODINGS.find((e) => e === values.encoding);
  const waitSeconds = values.wait === undefined ? IMPORT_LOCK_WAIT_MS.cli / 1000 : Number(values.wait);
  if (
    file === undefined ||
    positionals.length > 1 ||
    format === undefined ||
    encoding === undefined ||
    !Number.isFinite(waitSeconds) ||
    waitSeconds <= 0
  ) {
    console.error(IMPORT_USAGE);
    return 2;
  }
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a regular file');
    size = info.size;
  } catch (error) {
    const message = `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`;
    if (values.json) console.log(refusalJson(message));
    else console.error(message);
    return 2;
  }

  const runtime = await openRuntime();
  const bar = values.quiet
    ? null
    : new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: 'importing [{bar}] {percentage}% | {rows} rows | {eta_formatted} left',
          noTTYOutput: true,
          notTTYSchedule: 5000,
          etaBuffer: 200,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
  try {
    const organizationId = await chooseOrganization(runtime.database.db, values.org);
    const today = localIsoDate(new Date());
    const digest = await sha256(file);
    let rowsDone = 0;
    bar?.start(Math.max(size, 1), 0, { rows: 0 });
    const rows = parseRegistrations(format, createReadStream(file), {
      today,
      encoding,
      sourceSystem: values['source-system'] ?? DEFAULT_SOURCE_SYSTEM,
      onBytes: (bytes) => bar?.update(bytes, { rows: rowsDone }),
    });
    let summary: ImportSummary;
    try {
      summary = await importRegistrations(runtime.database.db, rows, {
        organizationId,
        subject: cliSubject(organizationId, 'cli'),
        format,
        channel: 'cli',
        fileName: basename(file),
        fileSha256: () => digest,
        skipInvalid: values['skip-invalid'],
        today,
        clock: () => new Date(),
        config: await runtime.clinicalConfigs.forOrganization(organizationId),
        onProgress: (n) => {
          rowsDone = n;
        },
        lockWaitMs: waitSeconds * 1000,
      });
    } catch (error) {
      // Another import of the organisation held the lock for longer than --wait (exit 3).
      if (!(error instanceof DomainError)) throw error;
      bar?.stop();
      if (values.json) console.log(refusalJson(error.message));
      else console.error(error.message);
      return exitCodeFor(error);
    }
    bar?.update(Math.max(size, 1), { rows: summary.rows });
    bar?.stop();
    console.log(values.json ? summaryJson(summary) : humanSummary(summary));
    return summary.status === 'succeeded' ? 0 : 2;
  } finally {
    bar?.stop();
    await runtime.shutdown();
  }
}
