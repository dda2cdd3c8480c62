import { hashPortalCode } from '../portal/activationCodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/testDatabase';
import { seedDemo } from './demoData';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const count = async (sql: string): Promise<number> =>
  (await db.owner.query<{ n: number }>(`SELECT count(*)::int n FROM ${sql}`)).rows[0]?.n ?? -1;

describe('demo data', () => {
  it('fills an empty database through the real import, with something on every worklist', async () => {
    const seeded = await seedDemo(db.app.db, '2026-11-21');
    const accounts = seeded?.logins.filter((l) => l.portalActivation === undefined);
    expect(accounts?.map((l) => l.role).sort()).toEqual([
      'admin',
      'nurse',
      'patient',
      // demoPortalResults.ts: the portal account of the patient with results, a plan and a letter.
      'patient',
      // demoPortalIntake.ts: the invited patient who has answered part of the questionnaire online.
      'patient',
      'quality',
      'secretary',
      'specialist',
    ]);
    expect(new Set(accounts?.map((l) => l.password)).size).toBe(8);
    expect(
      await count(
        `users u JOIN intake_responses r ON r.patient_id = u.patient_id AND r.updated_by = u.id
          WHERE u.username = 'patient.vragenlijst' AND r.status = 'in_progress'`,
      ),
    ).toBe(1);
    expect(
      await count(
        `users u JOIN decisions d ON d.patient_id = u.patient_id
           JOIN episode_documents l ON l.patient_id = u.patient_id AND l.kind = 'result_letter'
          WHERE u.username = 'patient.uitslagen' AND d.inputs ? 'dxa' AND d.inputs ? 'vfa'`,
      ),
    ).toBe(1);
    // demoPortal.ts: one unused activation code for a patient without an account, kept only as its hash.
    const activation = seeded?.logins.find((l) => l.portalActivation !== undefined)?.portalActivation;
    expect(activation?.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(
      await count(
        `portal_activation_codes c JOIN patients p ON p.id = c.patient_id
          WHERE c.code_hash = '${hashPortalCode(activation?.code ?? '')}' AND c.used_at IS NULL
            AND p.birth_date = '${activation?.birthDate ?? ''}'
            AND NOT EXISTS (SELECT 1 FROM users u WHERE u.patient_id = p.id)`,
      ),
    ).toBe(1);
    expect(await count(`patients WHERE portal_code IS NOT NULL`)).toBe(0);
    expect(await count('patients')).toBe(40);
    expect(await count(`tasks WHERE kind = 'invite' AND status = 'open'`)).toBeGreaterThan(10);
    expect(await count(`tasks WHERE kind = 'review_eligibility' AND status = 'open'`)).toBeGreaterThan(0);
    expect(
      await count(`tasks WHERE kind IN ('invite_reminder', 'no_response_follow_up') AND status = 'open'`),
    ).toBeGreaterThan(0);
    expect(await count(`fracture_events WHERE eligibility = 'excluded'`)).toBeGreaterThan(0);
    expect(await count(`episodes WHERE state = 'declined'`)).toBe(1);
    // demoDecision.ts: patient 18 decided with one override (patient 17's fracture is excluded); the
    // follow-up demo's four decisions and
    // demoClocks.ts's patient 34 override only the drug.
    // demoPortalResults.ts's patient 14 overrides the drug as well.
    expect(await count(`decisions WHERE items @> '[{"choice": "override"}]'`)).toBe(7);
    expect(
      await count(`decisions WHERE items @> '[{"code": "referral_fall_clinic", "choice": "override"}]'`),
    ).toBe(1);
    expect(await count(`report_findings WHERE status = 'open'`)).toBe(2);
    expect(await count(`audit_events WHERE action = 'create' AND object_type = 'patient'`)).toBe(40);
    // The invitation loop's demo (demoLoop.ts): one attended and one planned appointment, a reopened
    // episode, an included fracture and a second reminder call waiting.
    expect(await count(`appointments WHERE status = 'attended'`)).toBe(1);
    expect(await count(`appointments WHERE status = 'planned'`)).toBe(1);
    expect(await count(`episodes WHERE state_reason_code = 'reopened'`)).toBe(1);
    expect(await count(`episode_events WHERE reason_code = 'fracture_included'`)).toBe(1);
    expect(
      await count(`tasks WHERE kind = 'no_response_follow_up' AND status = 'open' AND details ? 'attempt'`),
    ).toBe(1);
    // demoClinicalConfig.ts: one configuration version, made after the decisions (which name version 0).
    expect(
      await count(`clinical_config_versions WHERE number = 1 AND changes @> '[{"kind": "confirmed"}]'`),
    ).toBe(1);
    expect(await count(`decisions WHERE config_version LIKE '%+%'`)).toBe(0);
  });

  it('shows the four follow-up situations (demoFollowUp.ts), moved along through the real completions', async () => {
    const today = '2026-11-21';
    const openTask = async (drug: string | null, kind: string) =>
      (
        await db.owner.query<{ due: string; level: string }>(
          `SELECT to_char(t.due_date, 'YYYY-MM-DD') due FROM tasks t
             LEFT JOIN treatments r ON r.id = t.treatment_id
            WHERE t.kind = $1 AND t.status = 'open' AND ($2::text IS NULL OR r.drug = $2)`,
          [kind, drug],
        )
      ).rows.map((r) => r.due);
    // Denosumab since ~7 months: the second injection is weeks overdue, nothing else overdue on the episode.
    const injection = await openTask('denosumab', 'denosumab_injection');
    expect(injection).toHaveLength(1);
    const overdueDays = (Date.parse(today) - Date.parse(injection[0] ?? '')) / 86_400_000;
    expect(overdueDays).toBeGreaterThanOrEqual(14);
    expect(overdueDays).toBeLessThan(28); // overdue, not yet urgent (the setting's 28 days)
    expect(await count(`treatments WHERE drug = 'denosumab' AND status = 'active'`)).toBe(1);
    // Zoledronic acid: the first infusion given, the blood test and the next infusion planned ahead.
    const [infusion] = await openTask('zoledronicAcid', 'zoledronic_acid_infusion');
    const [bloodTest] = await openTask('zoledronicAcid', 'pre_infusion_blood_test');
    expect(infusion !== undefined && infusion > today).toBe(true);
    expect(bloodTest !== undefined && bloodTest < (infusion ?? '') && bloodTest > today).toBe(true);
    // Alendronate: the 3-month evaluation falls due within the week.
    const [evaluation] = await openTask('alendronate', 'treatment_evaluation');
    expect(evaluation !== undefined && evaluation >= today && evaluation <= '2026-11-28').toBe(true);
    // The GP letter went out: the hand-over waits for the GP's confirmation, not yet due.
    expect(
      await count(`tasks t JOIN episodes e ON e.id = t.episode_id
        WHERE t.kind = 'gp_handover_confirmation' AND t.status = 'open' AND t.treatment_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM treatments r WHERE r.episode_id = e.id)`),
    ).toBe(1);
    // The invariant: every episode in follow-up has an open dated task.
    expect(
      await count(`episodes e WHERE e.state = 'follow_up'
        AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.episode_id = e.id AND t.status = 'open')`),
    ).toBe(0);
    expect(await count(`episodes WHERE state = 'follow_up'`)).toBe(3);
  });

  it('never seeds a database that already holds an organisation', async () => {
    expect(await seedDemo(db.app.db, '2026-11-21')).toBeNull();
    expect(await count('patients')).toBe(40);
  });
});
