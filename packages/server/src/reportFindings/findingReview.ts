import { and, asc, count, eq, sql } from 'drizzle-orm';
import { type ClinicalConfig } from '@osteopad/clinical';
import type { Database } from '../db/connection';
import { patients, reportFindings } from '../db/schema';
import type { Actor } from '../auth/actor';
import { subjectOf } from '../audit/auditLog';
import { auditedTransaction } from '../audit/auditedTransaction';
import { HttpProblem, badRequest, notFound } from '../http/problems';
import type { FractureRegistration, ParsedRow } from '../imports/types';
import { importRegistrations, type ImportSummary } from '../caseFinding/importRegistrations';

export async function listFindings(
  db: Database,
  actor: Actor,
  filter: { status: 'open' | 'confirmed' | 'dismissed'; limit: number; offset: number },
) {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const where = and(
      eq(reportFindings.organizationId, actor.organizationId),
      eq(reportFindings.status, filter.status),
    );
    const [rows, totals] = await Promise.all([
      tx
        .select({
          id: reportFindings.id,
          patientId: reportFindings.patientId,
          familyName: patients.familyName,
          givenNames: patients.givenNames,
          birthDate: patients.birthDate,
          patientRef: reportFindings.patientRef,
          reportId: reportFindings.reportId,
          reportDate: reportFindings.reportDate,
          sentence: reportFindings.sentence,
          highlightStart: reportFindings.highlightStart,
          highlightEnd: reportFindings.highlightEnd,
          levels: reportFindings.levels,
          genantGrade: reportFindings.genantGrade,
          known: reportFindings.known,
          status: reportFindings.status,
        })
        .from(reportFindings)
        .leftJoin(patients, eq(patients.id, reportFindings.patientId))
        .where(where)
        .orderBy(asc(reportFindings.reportDate), asc(reportFindings.id))
        .limit(filter.limit)
        .offset(filter.offset),
      tx.select({ n: count() }).from(reportFindings).where(where),
    ]);
    trail.recordMany(
      rows.map((r) => ({
        action: 'read' as const,
        objectType: 'report_finding',
        objectId: r.id,
        patientId: r.patientId,
      })),
    );
    return { items: rows, total: totals[0]?.n ?? 0 };
  });
}

async function* one(row: ParsedRow): AsyncGenerator<ParsedRow> {
  yield row;
  await Promise.resolve();
}

async function markReviewed(
  db: Database,
  actor: Actor,
  findingId: string,
  status: 'confirmed' | 'dismissed',
  patientId: string | null,
  note: string,
): Promise<void> {
  await auditedTransaction(db, actor, async (tx, trail) => {
    const updated = await tx
      .update(reportFindings)
      .set({ status, patientId, updatedAt: sql`now()` })
      .where(
        and(
          eq(reportFindings.id, findingId),
          eq(reportFindings.organizationId, actor.organizationId),
          eq(reportFindings.status, 'open'),
        ),
      )
      .returning({ id: reportFindings.id });
    if (updated.length === 0)
      throw new HttpProblem(409, 'already_reviewed', 'This finding was already reviewed.');
    trail.record({
      action: 'update',
      objectType: 'report_finding',
      objectId: findingId,
      patientId,
      details: { decision: status, note },
    });
  });
}

/** The finding and the patient it is about, as a fracture registration for the import pipeline. */
async function registrationFor(
  db: Database,
  actor: Actor,
  findingId: string,
  patientOverride: string | undefined,
) {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const rows = await tx
      .select()
      .from(reportFindings)
      .where(and(eq(reportFindings.id, findingId), eq(reportFindings.organizationId, actor.organizationId)));
    const finding = rows[0];
    if (finding === undefined) throw notFound('Finding');
    if (finding.status !== 'open')
      throw new HttpProblem(409, 'already_reviewed', 'This finding was already reviewed.');
    const patientId = patientOverride ?? finding.patientId;
    if (patientId === null) {
      throw badRequest(
        'body.patientId',
        'The report’s patient is not known to Osteopad: choose the patient first.',
      );
    }
    const found = await tx
      .select()
      .from(patients)
      .where(and(eq(patients.id, patientId), eq(patients.organizationId, actor.organizationId)));
    const patient = found[0];
    if (patient === undefined) throw badRequest('body.patientId', 'No such patient in your organisation.');
    trail.record({
      action: 'read',
      objectType: 'patient',
      objectId: patientId,
      patientId,
      details: { view: 'finding-review' },
    });
    const record: FractureRegistration = {
      source: { format: 'csv', row: 1, system: 'radiology' },
      patient: {
        ...(patient.bsn === null ? {} : { bsn: patient.bsn }),
        ...(patient.sourceId === null
          ? {}
          : { sourceId: patient.sourceId, sourceSystem: patient.sourceSystem ?? '' }),
        familyName: patient.familyName,
        birthDate: patient.birthDate,
        sex: patient.sex,
      },
      fracture: {
        date: finding.reportDate,
        siteCode: 'spine_thoracolumbar',
        siteText: finding.sentence.slice(0, 500),
        encounterType: 'unknown',
        traumaMechanism: 'unknown',
        pathological: null,
        sourceFractureId: finding.reportId,
      },
    };
    return { patientId, record };
  });
}

/**
 * A nurse confirms or dismisses a vertebral fracture found in a radiology report. Confirming brings
 * the patient into the pathway exactly as an imported fracture would (same rules, identity and
 * episode logic), with the report date as the fracture date; the fracture is stored before the
 * finding is marked, and storing it twice is harmless.
 */
export async function reviewFinding(
  db: Database,
  actor: Actor,
  findingId: string,
  decision: { confirm: boolean; patientId?: string | undefined; note: string },
  context: { today: string; clock: () => Date; config: ClinicalConfig },
): Promise<{ status: 'confirmed' | 'dismissed'; import: ImportSummary | null }> {
  if (!decision.confirm) {
    await markReviewed(db, actor, findingId, 'dismissed', decision.patientId ?? null, decision.note);
    return { status: 'dismissed', import: null };
  }
  const { patientId, record } = await registrationFor(db, actor, findingId, decision.patientId);
  const summary = await importRegistrations(db, one({ ok: true, record, warnings: [] }), {
    organizationId: actor.organizationId,
    subject: subjectOf(actor),
    format: 'reports',
    channel: 'review',
    fileName: `report finding ${findingId}`,
    skipInvalid: false,
    today: context.today,
    clock: context.clock,
    config: context.config,
  });
  if (summary.status !== 'succeeded') {
    throw new HttpProblem(422, 'finding_not_importable', 'The finding could not be recorded as a fracture.', {
      issues: summary.errors.map((e) => ({ field: e.field, message: e.message, code: e.code })),
    });
  }
  await markReviewed(db, actor, findingId, 'confirmed', patientId, decision.note);
  return { status: 'confirmed', import: summary };
}
