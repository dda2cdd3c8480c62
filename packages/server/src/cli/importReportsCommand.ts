import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { openRuntime } from '../runtime';
import { localIsoDate } from '../time/localDate';
import { scanReportFile, type ReportScanRow } from '../caseFinding/parsers/reports/scanReports';
import { explainReport } from '../caseFinding/parsers/reports/explainScan';
import type { TextEncodingOption } from '../caseFinding/parsers/encoding';
import { chooseOrganization } from '../caseFinding/channels/cli/organizationChoice';
import { cliSubject } from '../caseFinding/channels/cli/cliSubject';
import { DEFAULT_SOURCE_SYSTEM } from '../caseFinding/pipeline/parseRegistrations';
import { importReportFindings } from '../caseFinding/pipeline/importReportFindings';

const USAGE = `Usage: osteopad import-reports FILE [--json] [--skip-invalid] [--org ID|NAME]
         [--encoding auto|utf-8|windows-1252] [--source-system NAME] [--explain]

Scans radiology reports (lines "reportId;patient;reportDate;text" or a JSON array) for vertebral
fracture findings and puts each one on the review worklist. --explain prints every finding and every
fracture phrase that was not one (negated, a question, a hypothesis, a general statement, cervical)
with the words that decided, on stderr. Exit 0 = done, 2 = invalid input.`;

/** Passes the scanned reports on, printing the scanner's decisions for each as it goes. */
async function* explained(
  scans: AsyncIterable<ReportScanRow>,
  write: (line: string) => void,
): AsyncGenerator<ReportScanRow> {
  for await (const scan of scans) {
    if (scan.ok) for (const line of explainReport(scan.report)) write(line);
    yield scan;
  }
}

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
        explain: { type: 'boolean', default: false },
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
    const scans = scanReportFile(createReadStream(file), { today: localIsoDate(new Date()), encoding });
    const summary = await importReportFindings(
      runtime.database.db,
      parsed.values.explain
        ? explained(scans, (line) => {
            console.error(line);
          })
        : scans,
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
          notAssertedMentions: summary.notAssertedMentions,
          errors: summary.errors.map((e) => ({ row: e.row, field: e.field, message: e.message })),
        }),
      );
    } else {
      console.log(
        summary.status === 'succeeded'
          ? `Scanned ${summary.reports} reports: ${summary.findings} vertebral fracture findings (${summary.matched} of known patients, ${summary.duplicates} already on the worklist); ${summary.negatedMentions} negated mentions and ${summary.notAssertedMentions} questions, hypotheses or general statements ignored.`
          : 'Rejected: nothing was stored.',
      );
      for (const e of summary.errors.slice(0, 50)) console.log(`  row ${e.row}, ${e.field}: ${e.message}`);
    }
    return summary.status === 'succeeded' ? 0 : 2;
  } finally {
    await runtime.shutdown();
  }
}
