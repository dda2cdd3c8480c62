import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import { imports } from '../../db/schema';
import type { AuditSubject } from '../../audit/auditLog';
import { auditedWork } from '../../audit/auditedTransaction';
import { ImportFileError, type ImportRowError } from '../parsers/types';
import type { ReportScanRow } from '../parsers/reports/scanReports';
import { importRecord } from './importRecord';

export interface ReportImportSummary {
  importId: string;
  status: 'succeeded' | 'rejected';
  reports: number;
  findings: number;
  /** Findings whose patient Osteopad knows (by BSN or hospital number). */
  matched: number;
  duplicates: number;
  negatedMentions: number;
  /** Questions, hypotheses and general statements about fractures ("ter uitsluiting van"): not findings. */
  notAssertedMentions: number;
  /** The first 1,000 errors; the rest are counted in `errorsNotListed`. */
  errors: ImportRowError[];
  errorsNotListed: number;
}

export interface ReportImportOptions {
  organizationId: string;
  channel?: 'cli' | 'upload';
  subject: AuditSubject;
  fileName: string;
  sourceSystem: string;
  skipInvalid: boolean;
  clock: () => Date;
}

/**
 * Stores every non-negated vertebral fracture finding of the scanned reports on the review worklist
 * (IOF standard 4). Nothing is decided here: a nurse confirms or dismisses each finding. One
 * transaction; re-importing the same reports adds nothing.
 */
export async function importReportFindings(
  db: Database,
  scans: AsyncIterable<ReportScanRow>,
  options: ReportImportOptions,
): Promise<ReportImportSummary> {
  const importId = randomUUID();
  const startedAt = options.clock();
  const summary: ReportImportSummary = {
    importId,
    status: 'succeeded',
    reports: 0,
    findings: 0,
    matched: 0,
    duplicates: 0,
    negatedMentions: 0,
    notAssertedMentions: 0,
    errors: [],
    errorsNotListed: 0,
  };
  const addErrors = (errors: readonly ImportRowError[]): void => {
    for (const e of errors) {
      if (summary.errors.length < 1000) summary.errors.push(e);
      else summary.errorsNotListed++;
    }
  };
  const history = (status: 'succeeded' | 'rejected') =>
    importRecord(
      {
        id: importId,
        organizationId: options.organizationId,
        format: 'reports',
        channel: options.channel ?? 'cli',
        fileName: options.fileName,
        skipInvalid: options.skipInvalid,
        userId: options.subject.userId,
        startedAt,
      },
      {
        status,
        finishedAt: options.clock(),
        rows: summary.reports,
        imported: status === 'succeeded' ? summary.findings - summary.duplicates : 0,
        duplicates: summary.duplicates,
        invalid: new Set(summary.errors.map((e) => e.row)).size,
        errors: summary.errors.slice(0, 1000),
      },
    );
  class Rejected extends Error {}
  try {
    await auditedWork(db, options.subject, options.organizationId, async (tx, trail) => {
      await tx.insert(imports).values(history('succeeded'));
      for await (const scan of scans) {
        summary.reports++;
        if (!scan.ok) {
          addErrors(scan.errors);
          continue;
        }
        const report = scan.report;
        summary.negatedMentions += report.negatedMentions;
        summary.notAssertedMentions += report.notAssertedMentions;
        if (report.findings.length === 0) continue;
        const patient = await tx.execute<{ id: string }>(sql`
          SELECT id FROM patients WHERE organization_id = ${options.organizationId} AND (
            (${report.patientRef.bsn ?? null}::text IS NOT NULL AND bsn = ${report.patientRef.bsn ?? null})
            OR (${report.patientRef.patientId ?? null}::text IS NOT NULL AND source_system = ${options.sourceSystem}
                AND source_id = ${report.patientRef.patientId ?? null}))
          LIMIT 1`);
        const patientId = patient.rows[0]?.id ?? null;
        const ref =
          report.patientRef.bsn !== undefined
            ? `bsn:${report.patientRef.bsn}`
            : (report.patientRef.patientId ?? '');
        for (const finding of report.findings) {
          summary.findings++;
          if (patientId !== null) summary.matched++;
          const inserted = await tx.execute<{ id: string }>(sql`
            INSERT INTO report_findings (organization_id, patient_id, patient_ref, report_id, report_date, sentence,
              highlight_start, highlight_end, levels, genant_grade, known, certainty, certainty_cue, import_id)
            VALUES (${options.organizationId}, ${patientId}, ${ref}, ${report.reportId}, ${report.reportDate},
              ${finding.sentence}, ${finding.highlight.start}, ${finding.highlight.end},
              ${sql.param(finding.levels)}::text[], ${finding.genantGrade ?? null}, ${finding.known},
              ${finding.certainty}::finding_certainty, ${finding.certaintyCue ?? null}, ${importId})
            ON CONFLICT (organization_id, report_id, highlight_start, sentence) DO NOTHING
            RETURNING id`);
          const id = inserted.rows[0]?.id;
          if (id === undefined) {
            summary.duplicates++;
            continue;
          }
          trail.record({
            action: 'create',
            objectType: 'report_finding',
            objectId: id,
            patientId,
            details: { importId, reportId: report.reportId, certainty: finding.certainty },
          });
        }
      }
      if (summary.reports === 0) throw new ImportFileError('file.empty', 'The file contains no reports.');
      if (summary.errors.length > 0 && !options.skipInvalid) throw new Rejected();
      await tx.update(imports).set(history('succeeded')).where(eq(imports.id, importId));
      trail.record({
        action: 'import',
        objectType: 'import',
        objectId: importId,
        details: { format: 'reports', fileName: options.fileName },
      });
    });
    return summary;
  } catch (error) {
    if (error instanceof ImportFileError) {
      addErrors([
        { row: 0, field: error.details.join(', ') || 'file', code: error.code, message: error.message },
      ]);
    } else if (!(error instanceof Rejected)) {
      throw error;
    }
    summary.status = 'rejected';
    await auditedWork(db, options.subject, options.organizationId, async (tx, trail) => {
      await tx.insert(imports).values(history('rejected'));
      trail.record({
        action: 'import',
        objectType: 'import',
        objectId: importId,
        outcome: 'failure',
        details: { format: 'reports' },
      });
    });
    return { ...summary, findings: 0, matched: 0, duplicates: 0 };
  }
}
