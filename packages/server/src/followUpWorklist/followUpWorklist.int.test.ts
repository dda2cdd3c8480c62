import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import {
  FOLLOW_UP_TASK_KINDS,
  TASK_KINDS,
  type FollowUpWorklist,
  type FollowUpWorklistItem,
} from '@osteopad/contract';
import { inOrganization } from '../audit/auditedTransaction';
import { episodes, tasks } from '../db/schema';
import { decideWithDrug } from '../../test/decideWithDrug';
import { openInvestigatedEpisode } from '../../test/followUpEpisode';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { clockDue, NO_CLOCK_DUE, type ClockFacts } from '../clocks/qualityClocks';

let h: Harness;
let nurse: Session;
let specialist: Session;
let secretary: Session;
let otherNurse: Session;
let patient = 0;

async function newEpisode(orgId: string, patientIds: string[], fractureDate: string): Promise<string> {
  const patientId = patientIds[patient++ % patientIds.length] ?? '';
  return openInvestigatedEpisode(h.db.app.db, orgId, patientId, fractureDate);
}

async function decide(episodeId: string, drug: string) {
  await decideWithDrug(h, specialist, episodeId, drug);
}

async function openTask(episodeId: string, kind: string) {
  const rows = await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
    tx
      .select()
      .from(tasks)
      .where(and(eq(tasks.episodeId, episodeId), eq(tasks.kind, kind), eq(tasks.status, 'open'))),
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`no open ${kind}`);
  return row;
}

async function list(session: Session, query: string): Promise<FollowUpWorklist> {
  const response = await h.as(session, 'GET', `/api/follow-up/worklist?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<FollowUpWorklist>();
}

async function allPages(session: Session, query: string): Promise<FollowUpWorklistItem[]> {
  const out: FollowUpWorklistItem[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page: FollowUpWorklist = await list(
      session,
      `${query}&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`,
    );
    out.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === null) return out;
  }
  throw new Error('too many pages');
}

beforeAll(async () => {
  h = await createHarness();
  h.clock.set('2026-11-02T09:00:00Z');
  nurse = await h.login(h.orgA.users.nurse.username);
  specialist = await h.login(h.orgA.users.specialist.username);
  secretary = await h.login(h.orgA.users.secretary.username);
  otherNurse = await h.login(h.orgB.users.nurse.username);
}, 120_000);
afterAll(async () => {
  await h.close();
});

describe('the follow-up worklist', () => {
  let episodeId = '';

  it('lists the start of the decided treatment for the specialist, due in a week, with its clocks', async () => {
    episodeId = await newEpisode(h.orgA.id, h.orgA.patientIds, '2026-10-01');
    await decide(episodeId, 'denosumab');
    const upcoming = await list(specialist, 'tab=upcoming&days=30');
    const row = upcoming.items.find((i) => i.episodeId === episodeId);
    expect(row).toMatchObject({ taskKind: 'start_treatment', assigneeRole: 'specialist', daysOverdue: 0 });
    expect(row?.clocks.map((c) => `${c.kind} ${c.state} ${String(c.deadline)}`)).toEqual([
      'assessment_12w met 2026-12-24',
      'dxa_90d running 2026-12-30',
      'follow_up_16w running 2027-01-21',
      'persistence_52w running 2027-09-30',
    ]);
    expect(row?.nextClock).toEqual({ kind: 'dxa_90d', deadline: '2026-12-30' });
    // The nurse's own list does not show the specialist's task; "all" does.
    expect((await list(nurse, 'tab=upcoming&days=30')).items.some((i) => i.episodeId === episodeId)).toBe(
      false,
    );
    expect(
      (await list(nurse, 'tab=upcoming&days=30&role=all')).items.some((i) => i.episodeId === episodeId),
    ).toBe(true);
  });

  it('completing the start removes it and lists the course tasks with the clocks stopped by the start', async () => {
    const start = await openTask(episodeId, 'start_treatment');
    const done = await h.as(nurse, 'POST', `/api/tasks/${start.id}/complete`, {
      outcome: 'started',
      outcomeDate: '2026-11-02',
    });
    expect(done.statusCode, done.body).toBe(200);
    const specialistRows = await allPages(specialist, 'tab=upcoming&days=365');
    expect(specialistRows.some((i) => i.taskId === start.id)).toBe(false);
    const nurseRows = (await allPages(nurse, 'tab=upcoming&days=365')).filter(
      (i) => i.episodeId === episodeId,
    );
    expect(nurseRows.map((i) => i.taskKind)).toEqual(
      expect.arrayContaining(['treatment_evaluation', 'denosumab_injection']),
    );
    const evaluation = nurseRows.find((i) => i.taskKind === 'treatment_evaluation');
    expect(evaluation?.clocks.map((c) => `${c.kind} ${c.state}`)).toEqual([
      'assessment_12w met',
      'dxa_90d running',
      'follow_up_16w met',
      'persistence_52w running',
    ]);
    // A course that runs is the 52-week evidence: the next clock at risk is the DXA.
    expect(evaluation?.nextClock).toEqual({ kind: 'dxa_90d', deadline: '2026-12-30' });
  });

  it('a DXA exam stops its clock in every row of the episode', async () => {
    await inOrganization(h.db.app.db, h.orgA.id, async (tx) => {
      const [ep] = await tx.select().from(episodes).where(eq(episodes.id, episodeId));
      await tx.execute(sql`INSERT INTO dxa_exams (organization_id, patient_id, episode_id, exam_date, sites)
        VALUES (${h.orgA.id}, ${ep?.patientId ?? ''}, ${episodeId}, '2026-10-20', '[]'::jsonb)`);
    });
    const rows = (await allPages(nurse, 'tab=upcoming&days=365')).filter((i) => i.episodeId === episodeId);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(row.clocks.find((c) => c.kind === 'dxa_90d')).toMatchObject({
        state: 'met',
        stoppedOn: '2026-10-20',
      });
      expect(row.nextClock).toBeNull();
    }
  });

  it('shows overdue and due-today tasks in their tabs with the days overdue and the dose escalation', async () => {
    const overdueEpisode = await newEpisode(h.orgA.id, h.orgA.patientIds, '2026-06-01');
    const ep = await inOrganization(h.db.app.db, h.orgA.id, async (tx) => {
      const [row] = await tx.select().from(episodes).where(eq(episodes.id, overdueEpisode));
      return row;
    });
    await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      tx.insert(tasks).values([
        {
          organizationId: h.orgA.id,
          episodeId: overdueEpisode,
          patientId: ep?.patientId ?? '',
          kind: 'denosumab_injection',
          dueDate: '2026-09-01',
          assigneeRole: 'nurse',
        },
        {
          organizationId: h.orgA.id,
          episodeId: overdueEpisode,
          patientId: ep?.patientId ?? '',
          kind: 'yearly_check',
          dueDate: '2026-11-02',
          assigneeRole: 'nurse',
        },
      ]),
    );
    const overdue = await list(nurse, 'tab=overdue');
    const dose = overdue.items.find((i) => i.episodeId === overdueEpisode);
    expect(dose).toMatchObject({
      taskKind: 'denosumab_injection',
      daysOverdue: 62,
      overdueLevel: 'critical',
    });
    // A fracture of 2026-06-01 without decision, DXA or contact: three clocks missed by today.
    expect(dose?.clocks.filter((c) => c.state === 'missed').map((c) => c.kind)).toEqual([
      'assessment_12w',
      'dxa_90d',
      'follow_up_16w',
    ]);
    expect(dose?.nextClock).toEqual({ kind: 'assessment_12w', deadline: '2026-08-24' });
    // Handed to the specialist, the yearly check leaves the nurse's list and joins the specialist's.
    await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      tx
        .update(tasks)
        .set({ assigneeRole: 'specialist' })
        .where(and(eq(tasks.episodeId, overdueEpisode), eq(tasks.kind, 'yearly_check'))),
    );
    expect((await list(nurse, 'tab=due_today')).items).toEqual([]);
    expect((await list(specialist, 'tab=due_today')).items.map((i) => i.taskKind)).toEqual(['yearly_check']);
    await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      tx
        .update(tasks)
        .set({ assigneeRole: 'nurse' })
        .where(and(eq(tasks.episodeId, overdueEpisode), eq(tasks.kind, 'yearly_check'))),
    );
    const today = await list(nurse, 'tab=due_today');
    expect(today.items.map((i) => i.taskKind)).toEqual(['yearly_check']);
    expect(today.counts.due_today).toEqual({ total: 1, capped: false });
    expect(today.counts.overdue.total).toBe(overdue.counts.overdue.total);
    // Cancelling the dose removes it from the list.
    await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      tx
        .update(tasks)
        .set({ status: 'cancelled' })
        .where(and(eq(tasks.episodeId, overdueEpisode), eq(tasks.kind, 'denosumab_injection'))),
    );
    expect((await list(nurse, 'tab=overdue')).items.some((i) => i.episodeId === overdueEpisode)).toBe(false);
  });

  it('pages by cursor through every row once, in both orders, and filters by kind', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await newEpisode(h.orgA.id, h.orgA.patientIds, `2026-0${i + 5}-01`));
    const eps = await inOrganization(h.db.app.db, h.orgA.id, (tx) => tx.select().from(episodes));
    const patientOf = new Map(eps.map((e) => [e.id, e.patientId]));
    await inOrganization(h.db.app.db, h.orgA.id, (tx) =>
      tx.insert(tasks).values(
        ids.flatMap((id, i) =>
          ['2026-12-01', '2026-12-01', `2026-12-1${i}`].map((dueDate, j) => ({
            organizationId: h.orgA.id,
            episodeId: id,
            patientId: patientOf.get(id) ?? '',
            kind: j === 2 ? 'adherence_check' : 'control_visit',
            dueDate,
            assigneeRole: 'nurse' as const,
          })),
        ),
      ),
    );
    for (const sort of ['dueDate', 'clock']) {
      for (const order of ['asc', 'desc']) {
        const query = `tab=upcoming&days=365&sort=${sort}&order=${order}`;
        const whole = await list(nurse, `${query}&limit=200`);
        const paged = await allPages(nurse, query);
        expect(paged.map((i) => i.taskId)).toEqual(whole.items.map((i) => i.taskId));
        expect(new Set(paged.map((i) => i.taskId)).size).toBe(paged.length);
        expect(whole.items.length).toBe(whole.counts.upcoming.total);
        const keys = paged.map((i) =>
          sort === 'dueDate'
            ? `${i.dueDate} ${i.nextClock?.deadline ?? NO_CLOCK_DUE}`
            : `${i.nextClock?.deadline ?? NO_CLOCK_DUE} ${i.dueDate}`,
        );
        const sorted = [...keys].sort();
        expect(keys).toEqual(order === 'asc' ? sorted : sorted.reverse());
      }
    }
    const adherence = await allPages(nurse, 'tab=upcoming&days=365&kind=adherence_check');
    expect(adherence.length).toBeGreaterThanOrEqual(4);
    expect(new Set(adherence.map((i) => i.taskKind))).toEqual(new Set(['adherence_check']));
  });

  it('refuses a cursor of another tab or filter, naming the field', async () => {
    const page = await list(nurse, 'tab=upcoming&days=365&limit=1');
    expect(page.nextCursor).not.toBeNull();
    const response = await h.as(
      nurse,
      'GET',
      `/api/follow-up/worklist?tab=upcoming&days=365&limit=1&role=all&cursor=${page.nextCursor ?? ''}`,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json<{ issues: { field: string }[] }>().issues[0]?.field).toBe('querystring.cursor');
  });

  it('shows another organisation nothing of this one, and logs each patient shown as read', async () => {
    const other = await list(otherNurse, 'tab=upcoming&days=365&role=all');
    expect(other.items).toEqual([]);
    expect(other.counts.upcoming.total).toBe(0);
    const before = await h.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE details->>'view' = 'follow_up:due_today'`,
    );
    await list(nurse, 'tab=due_today');
    const after = await h.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE details->>'view' = 'follow_up:due_today'`,
    );
    expect((after.rows[0]?.n ?? 0) - (before.rows[0]?.n ?? 0)).toBe(1);
    expect((await list(secretary, 'tab=due_today')).items).toEqual([]);
  });
});

describe('the projection sort key', () => {
  it('equals the clocks module for every combination of facts', async () => {
    const fracture = '2026-01-01';
    const options = {
      assessedOn: [null, '2026-02-01'],
      dxaOn: [null, '2026-05-01'],
      firstContactOn: [null, '2026-03-01'],
      persistenceOn: [null, '2026-12-01'],
      treatedUntil: [null, '2026-06-01', '9999-12-31'],
      decisionOutcome: [null, 'treating', 'no_treatment'],
    } as const;
    const combos: ClockFacts[] = [];
    for (const a of options.assessedOn)
      for (const d of options.dxaOn)
        for (const c of options.firstContactOn)
          for (const p of options.persistenceOn)
            for (const t of options.treatedUntil)
              for (const o of options.decisionOutcome)
                combos.push({
                  indexFractureDate: fracture,
                  assessedOn: a,
                  dxaOn: d,
                  firstContactOn: c,
                  persistenceOn: p,
                  treatedUntil: t,
                  decisionOutcome: o,
                });
    for (const f of combos) {
      const answered = await h.db.owner.query<{ due: string; kind: string | null }>(
        'SELECT due::text, kind FROM osteopad_follow_up_clock($1, $2, $3, $4, $5, $6, $7)',
        [
          f.indexFractureDate,
          f.assessedOn,
          f.dxaOn,
          f.firstContactOn,
          f.persistenceOn,
          f.treatedUntil,
          f.decisionOutcome,
        ],
      );
      const expected = clockDue(f);
      expect(answered.rows[0], JSON.stringify(f)).toEqual({
        due: expected?.deadline ?? NO_CLOCK_DUE,
        kind: expected?.kind ?? null,
      });
    }
  });
});

describe('the projection', () => {
  it('lists exactly the follow-up kinds of the contract and start_treatment on the follow-up lists', async () => {
    const answered = await h.db.owner.query<{ kind: string; list_key: string | null }>(
      'SELECT k AS kind, osteopad_worklist_list_key(k) AS list_key FROM unnest($1::text[]) k',
      [[...TASK_KINDS]],
    );
    const followUp = answered.rows.filter((r) => r.list_key === 'follow_up').map((r) => r.kind);
    expect(followUp.sort()).toEqual(['start_treatment', ...FOLLOW_UP_TASK_KINDS].sort());
  });

  it('equals its source after all the changes above: derived again, the rows are the same', async () => {
    const columns =
      'item_id, entry_kind, assignee_role, list_key, assessed_on, dxa_on, first_contact_on, persistence_on, treated_until, decision_outcome, clock_due, clock_kind, due_key';
    const stored = await h.db.owner.query(
      `SELECT ${columns} FROM worklist_items WHERE task_id IS NOT NULL ORDER BY item_id`,
    );
    const text = await h.db.owner.query<{ q: string }>(`SELECT osteopad_worklist_task_rows('tasks') AS q`);
    const derived = await h.db.owner.query(
      `WITH d(item_id, organization_id, entry_kind, patient_id, episode_id, fracture_id, task_id, episode_state,
              family_name, given_names, initials, bsn, birth_date, sex, age_at_fracture, fracture_date, site_code,
              site_text, icd10_code, patient_group, eligibility, eligibility_reason, assumptions, source,
              task_due_date, name_key, site_key, due_key, assignee_role, list_key, assessed_on, dxa_on,
              first_contact_on, persistence_on, treated_until, decision_outcome, clock_due, clock_kind)
         AS (${text.rows[0]?.q ?? ''})
       SELECT ${columns} FROM d ORDER BY item_id`,
    );
    expect(stored.rows.length).toBeGreaterThan(10);
    expect(stored.rows).toEqual(derived.rows);
  });
});
