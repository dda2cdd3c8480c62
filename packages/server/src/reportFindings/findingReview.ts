import { and, asc, count, eq, isNull, ne, notInArray, sql } from 'drizzle-orm';
import type { FindingStatus, PatientGroup } from '@osteopad/contract';
import { TERMINAL_STATES } from '../episodes/episodeStateMachine';
import { CTF_GROUP_PRECEDENCE, patientGroup, type ClinicalConfig } from '@osteopad/clinical';
import type { Database, Transaction } from '../db/connection';
import { episodes, fractureEvents, patients, reportFindings } from '../db/schema';
import type { Actor } from '../auth/actor';
import { subjectOf } from '../audit/auditLog';
import { auditedTransaction } from '../audit/auditedTransaction';
import { conflict, invalid, notFound, unprocessable } from '../domain/errors';
import type { FractureRegistration, ParsedRow } from '../caseFinding/parsers/types';
import { importRegistrations, type ImportSummary } from '../caseFinding/pipeline/importRegistrations';
import { fractureIdentityKey } from '../caseFinding/pipeline/importPlan';
import { highestGenantGrade, mergeVertebralLevels } from './fractureLevels';

export async function listFindings(
  db: Database,
  actor: Actor,
  filter: { status: FindingStatus; limit: number; offset: number },
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
          certainty: reportFindings.certainty,
          certaintyCue: reportFindings.certaintyCue,
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

async function markDismissed(
  db: Database,
  actor: Actor,
  findingId: string,
  patientId: string | null,
  note: string,
): Promise<void> {
  await auditedTransaction(db, actor, async (tx, trail) => {
    const updated = await tx
      .update(reportFindings)
      .set({ status: 'dismissed', patientId, updatedAt: sql`now()` })
      .where(
        and(
          eq(reportFindings.id, findingId),
          eq(reportFindings.organizationId, actor.organizationId),
          eq(reportFindings.status, 'open'),
        ),
      )
      .returning({ id: reportFindings.id });
    if (updated.length === 0) throw conflict('already_reviewed', 'This finding was already reviewed.');
    trail.record({
      action: 'update',
      objectType: 'report_finding',
      objectId: findingId,
      patientId,
      details: { decision: 'dismissed', note },
    });
  });
}

type ReportFindingRow = typeof reportFindings.$inferSelect;

export interface Confirmation {
  fractureId: string;
  /** The fracture's levels after this finding's were added. */
  vertebralLevels: string[];
  genantGrade: number | null;
  /** The open episode this fracture became the index fracture of, in place of an unplaced one (see below). */
  linkedEpisodeId: string | null;
}

/**
 * After the import stored (or found) the vertebral fracture: the finding is marked confirmed and points at it,
 * and the fracture keeps the finding's levels and Genant grade, so it reads "vertebral, Th12, grade 2".
 *
 * An open episode still waiting for its eligibility review because its index fracture's site is unknown, with
 * that fracture on the report's date, is about the fracture the report describes: its index fracture becomes
 * the vertebral one (as if both had arrived in one import, where the placed fracture would have opened the
 * episode). The unplaced fracture stays recorded as it was received, and the review stays open for a person
 * to decide: confirming a finding names the fracture, it does not decide eligibility.
 */
async function recordConfirmation(
  db: Database,
  actor: Actor,
  finding: ReportFindingRow,
  patientId: string,
  record: FractureRegistration,
  note: string,
): Promise<Confirmation> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const found = await tx
      .select({
        id: fractureEvents.id,
        vertebralLevels: fractureEvents.vertebralLevels,
        genantGrade: fractureEvents.genantGrade,
      })
      .from(fractureEvents)
      .where(
        and(
          eq(fractureEvents.organizationId, actor.organizationId),
          eq(fractureEvents.patientId, patientId),
          eq(fractureEvents.fractureDate, finding.reportDate),
          eq(fractureEvents.identityKey, fractureIdentityKey(record)),
        ),
      )
      .for('update');
    const fracture = found[0];
    if (fracture === undefined)
      throw conflict('finding_not_importable', 'The fracture of this finding was not recorded.');
    const updated = await tx
      .update(reportFindings)
      .set({ status: 'confirmed', patientId, fractureId: fracture.id, updatedAt: sql`now()` })
      .where(
        and(
          eq(reportFindings.id, finding.id),
          eq(reportFindings.organizationId, actor.organizationId),
          eq(reportFindings.status, 'open'),
        ),
      )
      .returning({ id: reportFindings.id });
    if (updated.length === 0) throw conflict('already_reviewed', 'This finding was already reviewed.');

    const vertebralLevels = mergeVertebralLevels(fracture.vertebralLevels, finding.levels);
    const genantGrade = highestGenantGrade(fracture.genantGrade, finding.genantGrade);
    if (vertebralLevels.join() !== fracture.vertebralLevels.join() || genantGrade !== fracture.genantGrade) {
      await tx
        .update(fractureEvents)
        .set({ vertebralLevels, genantGrade, updatedAt: sql`now()` })
        .where(eq(fractureEvents.id, fracture.id));
      trail.record({
        action: 'update',
        objectType: 'fracture_event',
        objectId: fracture.id,
        patientId,
        details: { findingId: finding.id, vertebralLevels, genantGrade },
      });
    }

    const waiting = await tx
      .select({ id: episodes.id, indexFractureId: episodes.indexFractureId })
      .from(episodes)
      .innerJoin(fractureEvents, eq(fractureEvents.id, episodes.indexFractureId))
      .where(
        and(
          eq(episodes.organizationId, actor.organizationId),
          eq(episodes.patientId, patientId),
          eq(episodes.state, 'identified'),
          isNull(fractureEvents.siteCode),
          eq(fractureEvents.eligibility, 'manual_review'),
          eq(fractureEvents.fractureDate, finding.reportDate),
          ne(fractureEvents.id, fracture.id),
        ),
      )
      .for('update', { of: episodes });
    const episode = waiting[0];
    if (episode !== undefined) {
      await tx
        .update(episodes)
        .set({
          indexFractureId: fracture.id,
          patientGroup: patientGroup('spine_thoracolumbar', record.fracture.encounterType),
          version: sql`${episodes.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(episodes.id, episode.id));
      trail.record({
        action: 'update',
        objectType: 'episode',
        objectId: episode.id,
        patientId,
        details: {
          findingId: finding.id,
          indexFracture: { from: episode.indexFractureId, to: fracture.id },
          why: 'unplacedFractureOfSameDateNamedByReport',
        },
      });
    }
    const regrouped =
      episode === undefined ? await moveOpenEpisodeToVertebralGroup(tx, actor, patientId) : null;
    if (regrouped !== null) {
      trail.record({
        action: 'update',
        objectType: 'episode',
        objectId: regrouped.id,
        patientId,
        details: { findingId: finding.id, patientGroup: { from: regrouped.from, to: 'vertebral' } },
      });
    }
    trail.record({
      action: 'update',
      objectType: 'report_finding',
      objectId: finding.id,
      patientId,
      details: {
        decision: 'confirmed',
        note,
        certainty: finding.certainty,
        fractureId: fracture.id,
        ...(episode === undefined ? {} : { linkedEpisodeId: episode.id }),
      },
    });
    return { fractureId: fracture.id, vertebralLevels, genantGrade, linkedEpisodeId: episode?.id ?? null };
  });
}

/**
 * A confirmed vertebral fracture puts the patient's open episode in the vertebral patient group, unless
 * that group ranks it higher already (QUALITY-KPIS 2.2 precedence, clinical CTF_GROUP_PRECEDENCE: hip
 * before vertebral). The episode's index fracture stays what it was: the group says what the patient
 * has, the index fracture what brought them in. Its version moves on (the episode page shows the group).
 */
async function moveOpenEpisodeToVertebralGroup(
  tx: Transaction,
  actor: Actor,
  patientId: string,
): Promise<{ id: string; from: PatientGroup | null } | null> {
  const open = await tx
    .select({ id: episodes.id, patientGroup: episodes.patientGroup })
    .from(episodes)
    .where(
      and(
        eq(episodes.organizationId, actor.organizationId),
        eq(episodes.patientId, patientId),
        notInArray(episodes.state, [...TERMINAL_STATES]),
      ),
    )
    .for('update');
  const episode = open[0];
  if (episode === undefined) return null;
  const rank = (group: PatientGroup | null): number =>
    group === null ? CTF_GROUP_PRECEDENCE.length : CTF_GROUP_PRECEDENCE.indexOf(group);
  if (rank(episode.patientGroup) <= rank('vertebral')) return null;
  await tx
    .update(episodes)
    .set({ patientGroup: 'vertebral', version: sql`${episodes.version} + 1`, updatedAt: sql`now()` })
    .where(eq(episodes.id, episode.id));
  return { id: episode.id, from: episode.patientGroup };
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
    if (finding.status !== 'open') throw conflict('already_reviewed', 'This finding was already reviewed.');
    const patientId = patientOverride ?? finding.patientId;
    if (patientId === null) {
      throw invalid(
        'body.patientId',
        'The report’s patient is not known to Osteopad: choose the patient first.',
      );
    }
    const found = await tx
      .select()
      .from(patients)
      .where(and(eq(patients.id, patientId), eq(patients.organizationId, actor.organizationId)));
    const patient = found[0];
    if (patient === undefined) throw invalid('body.patientId', 'No such patient in your organisation.');
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
        // A report's sentence may run over lines; the fracture's text is one line of stored text.
        siteText: finding.sentence.replace(/\s+/g, ' ').trim().slice(0, 500),
        encounterType: 'unknown',
        traumaMechanism: 'unknown',
        pathological: null,
        sourceFractureId: finding.reportId,
      },
    };
    return { patientId, record, finding };
  });
}

/**
 * A nurse confirms or dismisses a vertebral fracture found in a radiology report. Confirming brings
 * the patient into the pathway exactly as an imported fracture would (same rules, identity and
 * episode logic), with the report date as the fracture date; the fracture is stored before the
 * finding is marked, and storing it twice is harmless. The fracture then keeps the finding's levels
 * and grade (`recordConfirmation`).
 */
export async function reviewFinding(
  db: Database,
  actor: Actor,
  findingId: string,
  decision: { confirm: boolean; patientId?: string | undefined; note: string },
  context: { today: string; clock: () => Date; config: ClinicalConfig },
): Promise<{
  status: Exclude<FindingStatus, 'open'>;
  import: ImportSummary | null;
  confirmation: Confirmation | null;
}> {
  if (!decision.confirm) {
    await markDismissed(db, actor, findingId, decision.patientId ?? null, decision.note);
    return { status: 'dismissed', import: null, confirmation: null };
  }
  const { patientId, record, finding } = await registrationFor(db, actor, findingId, decision.patientId);
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
    throw unprocessable(
      'finding_not_importable',
      'The finding could not be recorded as a fracture.',
      summary.errors.map((e) => ({ field: e.field, message: e.message, code: e.code })),
    );
  }
  const confirmation = await recordConfirmation(db, actor, finding, patientId, record, decision.note);
  return { status: 'confirmed', import: summary, confirmation };
}
