import { sql } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import type { AuditSubject } from '../audit/auditLog';
import { STAGE_TABLE } from './importStage';

export const NEW_FRACTURES_TABLE = 'osteopad_import_new';
export const NEW_PATIENTS_TABLE = 'osteopad_import_new_patients';

/** Per batch: the fractures and patients it created, for episodes and the audit trail. */
export async function createBatchTables(tx: Executor): Promise<void> {
  await tx.execute(
    sql.raw(`CREATE TEMP TABLE ${NEW_FRACTURES_TABLE} (
      fracture_id uuid NOT NULL, patient_id uuid NOT NULL, fracture_date date NOT NULL,
      eligibility text NOT NULL, patient_group text, row_no integer NOT NULL, source_row integer NOT NULL,
      episode_id uuid
    ) ON COMMIT DROP`),
  );
  await tx.execute(sql.raw(`CREATE TEMP TABLE ${NEW_PATIENTS_TABLE} (id uuid PRIMARY KEY) ON COMMIT DROP`));
}

export interface BatchContext {
  organizationId: string;
  importId: string;
  today: string;
  subject: AuditSubject;
  sourceFormat: string;
}

export interface BatchResult {
  imported: number;
  eligible: number;
  excluded: number;
  manualReview: number;
  duplicates: number;
  newPatients: number;
  /** Rows refused because their identifiers point at two different patients. */
  identityConflicts: { row: number; field: string; message: string }[];
}

const stage = sql.raw(STAGE_TABLE);
const fresh = sql.raw(NEW_FRACTURES_TABLE);
const newPatients = sql.raw(NEW_PATIENTS_TABLE);

/**
 * Patient look-ups are index probes per staged row (correlated subqueries), never joins: inside one
 * long import transaction the planner has no statistics for the rows just written and would pick
 * nested loops over the whole table.
 */
async function matchExistingPatients(tx: Executor, org: string): Promise<void> {
  await tx.execute(sql`
    UPDATE ${stage} s SET patient_id = (
      SELECT p.id FROM patients p WHERE p.organization_id = ${org} AND p.bsn = s.bsn)
    WHERE s.patient_id IS NULL AND s.bsn IS NOT NULL`);
  await tx.execute(sql`
    UPDATE ${stage} s SET patient_id = (
      SELECT p.id FROM patients p
      WHERE p.organization_id = ${org} AND p.source_system = s.source_system AND p.source_id = s.source_id)
    WHERE s.patient_id IS NULL AND s.source_id IS NOT NULL`);
}

/**
 * A row whose BSN and hospital number lead to two different patients cannot be placed safely:
 * it is refused with a reason instead of merging or splitting records.
 */
async function findIdentityConflicts(tx: Executor, org: string): Promise<BatchResult['identityConflicts']> {
  const result = await tx.execute<{ row_no: number; source_row: number; field: string }>(sql`
    SELECT s.row_no, s.source_row, 'bsn' AS field FROM ${stage} s
      WHERE s.bsn IS NOT NULL AND s.patient_id IS NOT NULL
        AND coalesce((SELECT p.bsn FROM patients p WHERE p.id = s.patient_id), s.bsn) <> s.bsn
    UNION
    SELECT s.row_no, s.source_row, 'patient_id' AS field FROM ${stage} s
      WHERE s.source_id IS NOT NULL AND s.patient_id IS NOT NULL
        AND coalesce((SELECT q.id FROM patients q WHERE q.organization_id = ${org}
              AND q.source_system = s.source_system AND q.source_id = s.source_id), s.patient_id) <> s.patient_id
    UNION
    SELECT s.row_no, s.source_row, 'patient_id' AS field FROM ${stage} s
      WHERE s.patient_id IS NULL AND s.source_id IS NOT NULL AND (s.source_system, s.source_id) IN (
        SELECT source_system, source_id FROM ${stage}
        WHERE patient_id IS NULL AND source_id IS NOT NULL AND bsn IS NOT NULL
        GROUP BY source_system, source_id HAVING count(DISTINCT bsn) > 1)
    ORDER BY 1`);
  const conflicts = result.rows.map((r) => ({
    seq: r.row_no,
    row: r.source_row,
    field: r.field,
    message:
      r.field === 'bsn'
        ? 'This hospital patient number belongs to a patient with a different BSN.'
        : 'This BSN and this hospital patient number belong to different patients.',
  }));
  if (conflicts.length > 0) {
    await tx.execute(
      sql`DELETE FROM ${stage} WHERE row_no = ANY(${sql.param(conflicts.map((c) => c.seq))}::integer[])`,
    );
  }
  return conflicts.map(({ row, field, message }) => ({ row, field, message }));
}

/**
 * New patients, one per identity. Patients with a BSN go first, so that a row carrying only the
 * hospital number of a patient created a moment ago (with BSN) finds that patient.
 */
async function insertNewPatients(tx: Executor, ctx: BatchContext): Promise<number> {
  await tx.execute(sql`TRUNCATE ${newPatients}`);
  const columns = sql`bsn, source_system, source_id, family_name, given_names, initials, birth_date, sex, street,
    house_number, postal_code, city, country, phone, gp_name, gp_agb_code, gp_practice_name, gp_address, portal_code`;
  const values = sql`bsn, source_system, source_id, family_name, given_names, initials, birth_date, sex::sex, street,
    house_number, postal_code, city, country, phone, gp_name, gp_agb_code, gp_practice_name, gp_address, portal_code`;
  await tx.execute(sql`
    WITH created AS (
      INSERT INTO patients (organization_id, ${columns})
      SELECT DISTINCT ON (bsn) ${ctx.organizationId}::uuid, ${values}
      FROM ${stage} WHERE patient_id IS NULL AND bsn IS NOT NULL
      ORDER BY bsn, row_no
      RETURNING id, bsn
    ), remembered AS (
      INSERT INTO ${newPatients} SELECT id FROM created
    )
    UPDATE ${stage} s SET patient_id = c.id FROM created c WHERE s.patient_id IS NULL AND s.bsn = c.bsn`);
  const withoutBsn = await tx.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM ${stage} WHERE patient_id IS NULL`,
  );
  if ((withoutBsn.rows[0]?.n ?? 0) > 0) {
    // Rows with only a hospital number: first the patients just created, then new ones.
    await matchExistingPatients(tx, ctx.organizationId);
    await tx.execute(sql`
      WITH created AS (
        INSERT INTO patients (organization_id, ${columns})
        SELECT DISTINCT ON (source_system, source_id) ${ctx.organizationId}::uuid, ${values}
        FROM ${stage} WHERE patient_id IS NULL
        ORDER BY source_system, source_id, row_no
        RETURNING id, source_system, source_id
      ), remembered AS (
        INSERT INTO ${newPatients} SELECT id FROM created
      )
      UPDATE ${stage} s SET patient_id = c.id FROM created c
      WHERE s.patient_id IS NULL AND s.source_system = c.source_system AND s.source_id = c.source_id`);
  }
  const created = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${newPatients}`);
  return created.rows[0]?.n ?? 0;
}

async function insertFractures(tx: Executor, ctx: BatchContext): Promise<void> {
  await tx.execute(sql.raw(`TRUNCATE ${NEW_FRACTURES_TABLE}`));
  // The staged row number travels with the fracture (in its engine record), so the rows that became
  // new fractures are known without joining back on the identity key.
  await tx.execute(sql`
    WITH inserted AS (
      INSERT INTO fracture_events (organization_id, patient_id, fracture_date, site_code, site_text, icd10_code,
        snomed_code, encounter_type, trauma_mechanism, pathological, identity_key, eligibility, eligibility_reason,
        eligibility_engine, source_format, source_ref, import_id)
      SELECT ${ctx.organizationId}::uuid, patient_id, fracture_date, site_code, site_text, icd10_code, snomed_code,
        encounter_type::encounter_type, trauma_mechanism::trauma_mechanism, pathological, identity_key,
        eligibility::eligibility_outcome, eligibility_reason,
        engine || jsonb_build_object('importRow', source_row, 'importSeq', row_no), ${ctx.sourceFormat}, source_ref,
        ${ctx.importId}::uuid
      FROM ${stage}
      ORDER BY row_no
      ON CONFLICT (patient_id, fracture_date, identity_key) DO NOTHING
      RETURNING id, patient_id, fracture_date, eligibility, (eligibility_engine->>'importSeq')::int AS seq
    )
    INSERT INTO ${fresh} (fracture_id, patient_id, fracture_date, eligibility, patient_group, row_no, source_row)
    SELECT i.id, i.patient_id, i.fracture_date, i.eligibility::text, s.patient_group, s.row_no, s.source_row
    FROM inserted i JOIN ${stage} s ON s.row_no = i.seq`);
}

/**
 * One episode per index fracture: a patient without an open episode gets one for the most telling new
 * fracture (eligible before manual review, then earliest, then hip > vertebral > other). A further
 * fracture during an open episode is recorded with the patient and starts nothing new.
 */
async function openEpisodes(tx: Executor, ctx: BatchContext): Promise<void> {
  await tx.execute(sql`
    WITH opened AS (
      INSERT INTO episodes (organization_id, patient_id, index_fracture_id, state, patient_group, opened_on)
      SELECT DISTINCT ON (n.patient_id) ${ctx.organizationId}::uuid, n.patient_id, n.fracture_id, 'identified',
        n.patient_group::patient_group, ${ctx.today}::date
      FROM ${fresh} n
      WHERE n.eligibility IN ('eligible', 'manual_review')
        AND (SELECT e.id FROM episodes e
             WHERE e.patient_id = n.patient_id AND e.organization_id = ${ctx.organizationId}
               AND e.state NOT IN ('closed', 'declined', 'not_eligible', 'lost')
             LIMIT 1) IS NULL
      ORDER BY n.patient_id, (n.eligibility = 'eligible') DESC, n.fracture_date,
        array_position(ARRAY['hip', 'vertebral', 'otherInpatient', 'outpatient'], n.patient_group), n.row_no
      RETURNING id, patient_id, index_fracture_id
    ), transitions AS (
      INSERT INTO episode_events (organization_id, episode_id, from_state, to_state, reason, actor_user_id)
      SELECT ${ctx.organizationId}::uuid, id, NULL, 'identified', ${`import ${ctx.importId}`}, ${ctx.subject.userId}::uuid
      FROM opened
    ), work AS (
      INSERT INTO tasks (organization_id, episode_id, patient_id, kind, due_date, assignee_role, details)
      SELECT ${ctx.organizationId}::uuid, o.id, o.patient_id,
        CASE WHEN n.eligibility = 'eligible' THEN 'invite' ELSE 'review_eligibility' END,
        ${ctx.today}::date,
        (CASE WHEN n.eligibility = 'eligible' THEN 'secretary' ELSE 'nurse' END)::user_role,
        jsonb_build_object('fractureId', n.fracture_id::text)
      FROM opened o JOIN ${fresh} n ON n.fracture_id = o.index_fracture_id
    )
    UPDATE ${fresh} n SET episode_id = o.id FROM opened o WHERE n.fracture_id = o.index_fracture_id`);
}

/**
 * One audit event per patient the batch touched (NEN 7513: who, when, which patient, what): `create`
 * for a new patient, `update` for a known one, listing the new fractures and any episode opened.
 */
async function auditBatch(tx: Executor, ctx: BatchContext): Promise<void> {
  await tx.execute(sql`
    INSERT INTO audit_events (user_id, username, role, organization_id, client_address, reason, patient_id, action,
      object_type, object_id, details)
    SELECT ${ctx.subject.userId}::uuid, ${ctx.subject.username}, ${ctx.subject.role}, ${ctx.organizationId}::uuid,
      ${ctx.subject.clientAddress}::inet, ${ctx.subject.reason}, n.patient_id,
      CASE WHEN EXISTS (SELECT 1 FROM ${newPatients} p WHERE p.id = n.patient_id) THEN 'create' ELSE 'update' END,
      'patient', n.patient_id::text,
      jsonb_build_object('importId', ${ctx.importId}::text, 'fractures', jsonb_agg(n.fracture_id ORDER BY n.row_no),
        'rows', jsonb_agg(n.source_row ORDER BY n.row_no),
        'episodes', coalesce(jsonb_agg(n.episode_id) FILTER (WHERE n.episode_id IS NOT NULL), '[]'::jsonb))
    FROM ${fresh} n
    GROUP BY n.patient_id`);
}

/** Writes the staged batch: patients, fractures, episodes with their first task, and the audit trail. */
export async function importStagedBatch(
  tx: Executor,
  ctx: BatchContext,
  staged: number,
): Promise<BatchResult> {
  await matchExistingPatients(tx, ctx.organizationId);
  const identityConflicts = await findIdentityConflicts(tx, ctx.organizationId);
  const newPatients = await insertNewPatients(tx, ctx);
  await insertFractures(tx, ctx);
  await openEpisodes(tx, ctx);
  await auditBatch(tx, ctx);
  const counts = await tx.execute<{
    imported: number;
    eligible: number;
    excluded: number;
    manual_review: number;
  }>(sql`
    SELECT count(*)::int AS imported,
      count(*) FILTER (WHERE eligibility = 'eligible')::int AS eligible,
      count(*) FILTER (WHERE eligibility = 'excluded')::int AS excluded,
      count(*) FILTER (WHERE eligibility = 'manual_review')::int AS manual_review
    FROM ${fresh}`);
  const c = counts.rows[0] ?? { imported: 0, eligible: 0, excluded: 0, manual_review: 0 };
  return {
    imported: c.imported,
    eligible: c.eligible,
    excluded: c.excluded,
    manualReview: c.manual_review,
    duplicates: staged - identityConflicts.length - c.imported,
    newPatients,
    identityConflicts,
  };
}
