import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { openRuntime } from '../runtime';
import { localIsoDate } from '../time/localDate';
import { scanReportFile } from '../imports/reports/scanReports';
import type { TextEncodingOption } from '../imports/encoding';
import { chooseOrganization } from '../caseFinding/organizationChoice';
import { cliSubject } from '../caseFinding/cliSubject';
import { DEFAULT_SOURCE_SYSTEM } from '../caseFinding/parseRegistrations';
import { importReportFindings } from '../reportFindings/importReportFindings';

const USAGE = `Usage: osteopad import-reports FILE [--json] [--skip-invalid] [--org ID|NAME]
         [--encoding auto|utf-8|windows-1252] [--source-system NAME]

Scans radiology reports (lines "reportId;patient;reportDate;text" or a JSON array) for vertebral
fracture findings and puts each one on the review worklist. Exit 0 = done, 2 = invalid input.`;

const ENCODINGS: readonly TextEncodingOption[] = ['auto', 'utf-8', 'windows-1252'];

export async function importReportsCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'skip-invalid': { type: 'boolean', default: false },
        org: { type: 'string' },
        encoding: { type: 'string', default: 'auto' },
        'source-system': { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const file = parsed.positionals[0];
  const encoding = ENCODINGS.find((e) => e === parsed.values.encoding);
  if (file === undefined || encoding === undefined) {
    console.error(USAGE);
    return 2;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a regular file');
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const runtime = await openRuntime();
  try {
    const organizationId = await chooseOrganization(runtime.database.db, parsed.values.org);
    const summary = await importReportFindings(
      runtime.database.db,
      scanReportFile(createReadStream(file), { today: localIsoDate(new Date()), encoding }),
      {
        organizationId,
        subject: cliSubject(organizationId, 'cli'),
        fileName: basename(file),
        sourceSystem: parsed.values['source-system'] ?? DEFAULT_SOURCE_SYSTEM,
        skipInvalid: parsed.values['skip-invalid'],
        clock: () => new Date(),
      },
    );
    if (parsed.values.json) {
      console.log(
        JSON.stringify({
          reports: summary.reports,
          findings: summary.findings,
          matched: summary.matched,
          duplicates: summary.duplicates,
          negatedMentions: summary.negatedMentions,
          errors: summary.errors.map((e) => ({ row: e.row, field: e.field, message: e.message })),
        }),
      );
    } else {
      console.log(
        summary.status === 'succeeded'
          ? `Scanned ${summary.reports} reports: ${summary.findings} vertebral fracture findings (${summary.matched} of known patients, ${summary.duplicates} already on the worklist); ${summary.negatedMentions} negated mentions ignored.`
          : 'Rejected: nothing was stored.',
      );
      for (const e of summary.errors.slice(0, 50)) console.log(`  row ${e.row}, ${e.field}: ${e.message}`);
    }
    return summary.status === 'succeeded' ? 0 : 2;
  } finally {
    await runtime.shutdown();
  }
}
