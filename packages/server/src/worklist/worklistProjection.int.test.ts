// The worklists read the projection worklist_items (migration 0013). After every kind of change — imports,
// invitation, reminder, decline, review, a death, a manual patient and fracture, a name change from a later
// import — the projection must equal a query over the base tables, and every tab, walked page by page
// through its cursors, must list exactly the entries that query gives, in its order.
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { fixturePath } from '../../test/fixtureFiles';
import { SESSION_COOKIE } from '../auth/authenticate';
import { fractureCsvStream } from '../caseFinding/parsers/csv/generateFixture';
import { encodeCursor } from './worklistCursor';
import { WORKLIST_SORTS, WORKLIST_VIEWS, type WorklistView } from '@osteopad/contract';
import { ENTRY_KINDS_OF_VIEW } from './worklistQuery';
import { countStatements } from '../../test/statementCounter';

let h: Harness;
let admin: Session;
let secretary: Session;
let nurse: Session;

const COLUMNS = `item_id, entry_kind, patient_id, episode_id, fracture_id, task_id, episode_state, family_name,
  given_names, initials, bsn, birth_date::text, sex, age_at_fracture, fracture_date::text, site_code, site_text,
  icd10_code, patient_group::text, eligibility, eligibility_reason, assumptions, source, task_due_date::text,
  name_key, site_key, due_key::text`;

/** The worklists as they were queried before the projection: open tasks with their episode, patient and fracture; excluded fractures. */
const TRUTH = `
  SELECT t.id AS item_id, t.kind AS entry_kind, p.id AS patient_id, e.id AS episode_id, f.id AS fracture_id,
         t.id AS task_id, e.state::text AS episode_state, p.family_name, p.given_names, p.initials, p.bsn,
         p.birth_date, p.sex::text AS sex, date_part('year', age(f.fracture_date, p.birth_date))::int AS age_at_fracture,
         f.fracture_date, f.site_code, f.site_text, f.icd10_code, e.patient_group, f.eligibility::text AS eligibility,
         f.eligibility_reason, coalesce(f.eligibility_engine->'assumptions', '[]'::jsonb) AS assumptions,
         f.source_format AS source, t.due_date AS task_due_date, osteopad_name_sort_key(p.family_name) AS name_key,
         coalesce(f.site_code, '') AS site_key, t.due_date AS due_key, t.organization_id
    FROM tasks t JOIN episodes e ON e.id = t.episode_id JOIN patients p ON p.id = t.patient_id
    JOIN fracture_events f ON f.id = e.index_fracture_id
   WHERE t.status = 'open'
  UNION ALL
  SELECT f.id, 'excluded', p.id, NULL, f.id, NULL, NULL, p.family_name, p.given_names, p.initials, p.bsn,
         p.birth_date, p.sex::text, date_part('year', age(f.fracture_date, p.birth_date))::int, f.fracture_date,
         f.site_code, f.site_text, f.icd10_code, NULL, f.eligibility::text, f.eligibility_reason,
         coalesce(f.eligibility_engine->'assumptions', '[]'::jsonb), f.source_format, NULL, osteopad_name_sort_key(p.family_name),
         coalesce(f.site_code, ''), f.fracture_date, f.organization_id
    FROM fracture_events f JOIN patients p ON p.id = f.patient_id
   WHERE f.eligibility = 'excluded'`;

const SORT_KEY = {
  fractureDate: 'fracture_date',
  dueDate: 'due_key',
  name: 'name_key',
  age: 'age_at_fracture',
  site: 'site_key',
} as const;

interface Page {
  items: { patientId: string; taskId: string | null; fractureId: string; familyName: string }[];
  total: number;
  totalIsCapped: boolean;
  nextCursor: string | null;
}

async function page(session: Session, query: string): Promise<Page> {
  const r = await h.as(session, 'GET', `/api/worklist?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<Page>();
}

/** Every entry of a tab, page after page through the cursors: the task's id, or the fracture's when excluded. */
async function walk(view: WorklistView, sort: string, order: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const p: Page = await page(
      nurse,
      `view=${view}&sort=${sort}&order=${order}&limit=${limit}${cursor === null ? '' : `&cursor=${cursor}`}`,
    );
    ids.push(...p.items.map((item) => item.taskId ?? item.fractureId));
    cursor = p.nextCursor;
    if (cursor === null) return ids;
    expect(p.items).toHaveLength(limit);
  }
  throw new Error('the cursor never ended');
}

/** The projection equals the query over the base tables, and each tab lists it in order (two sorts each). */
async function expectProjectionCurrent(
  sorts: readonly (typeof WORKLIST_SORTS)[number][] = ['name', 'dueDate'],
) {
  const projected = await h.db.owner.query(`SELECT ${COLUMNS} FROM worklist_items ORDER BY item_id`);
  const truth = await h.db.owner.query(`SELECT ${COLUMNS} FROM (${TRUTH}) w ORDER BY item_id`);
  expect(projected.rows).toEqual(truth.rows);
  for (const view of WORKLIST_VIEWS) {
    for (const sort of sorts) {
      for (const order of ['asc', 'desc'] as const) {
        const direction = order === 'asc' ? 'ASC' : 'DESC';
        const want = await h.db.owner.query<{ item_id: string }>(
          `SELECT item_id FROM (${TRUTH}) w WHERE organization_id = $1 AND entry_kind = ANY($2)
            ORDER BY ${SORT_KEY[sort]} ${direction}, item_id ${direction}`,
          [h.orgA.id, ENTRY_KINDS_OF_VIEW[view]],
        );
        expect(await walk(view, sort, order, 4), `${view} by ${sort} ${order}`).toEqual(
          want.rows.map((r) => r.item_id),
        );
      }
    }
  }
}

async function upload(format: 'csv' | 'hl7v2', body: string | Buffer, sourceSystem = 'HIS') {
  const r = await h.app.inject({
    method: 'POST',
    url: `/api/imports?format=${format}&sourceSystem=${sourceSystem}`,
    cookies: { [SESSION_COOKIE]: admin.cookie },
    headers: { 'x-csrf-token': admin.csrfToken, 'content-type': 'text/plain' },
    payload: body,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ imported: number; patientsUpdated: number; deathsRecorded: number }>();
}

async function openItem(view: WorklistView) {
  const p = await page(nurse, `view=${view}&sort=name&limit=1`);
  const item = p.items[0] as (Page['items'][number] & { episodeId: string }) | undefined;
  if (item === undefined) throw new Error(`nothing on ${view}`);
  return item;
}

beforeAll(async () => {
  h = await createHarness();
  h.clock.set('2026-01-15T09:00:00Z');
  admin = await h.login(h.orgA.users.admin.username);
  secretary = await h.login(h.orgA.users.secretary.username);
  nurse = await h.login(h.orgA.users.nurse.username);
});
afterAll(async () => {
  await h.close();
});

describe('the projection follows every change', () => {
  it('after imports (a fixture file and 120 generated rows with many equal names and dates)', async () => {
    h.clock.set('2025-08-01T09:00:00Z');
    await upload('csv', await readFile(fixturePath('csv/valid-utf8-comma.csv')));
    h.clock.set('2026-01-15T09:00:00Z');
    await upload('csv', await text(fractureCsvStream(120, { seed: 7, today: '2026-11-01' })), 'GEN');
    await expectProjectionCurrent(WORKLIST_SORTS);
  });

  it('after an invitation and a reminder', async () => {
    const invite = await openItem('to_invite');
    const invited = await h.as(secretary, 'POST', `/api/episodes/${invite.episodeId}/invitation`, {
      sentOn: '2026-01-10',
    });
    expect(invited.statusCode, invited.body).toBe(200);
    await expectProjectionCurrent();
    const reminded = await h.as(secretary, 'POST', `/api/episodes/${invite.episodeId}/reminder`, {
      sentOn: '2026-01-14',
    });
    expect(reminded.statusCode, reminded.body).toBe(200);
    await expectProjectionCurrent();
  });

  it('after a decline', async () => {
    const item = await openItem('awaiting_response');
    const r = await h.as(secretary, 'POST', `/api/episodes/${item.episodeId}/decline`, {
      reason: 'treated_elsewhere',
    });
    expect(r.statusCode, r.body).toBe(200);
    await expectProjectionCurrent();
  });

  it('after reviews: eligible (the invitation appears) and not eligible (the fracture is excluded)', async () => {
    const first = await openItem('manual_review');
    const eligible = await h.as(nurse, 'POST', `/api/episodes/${first.episodeId}/eligibility-review`, {
      eligible: true,
      note: '',
    });
    expect(eligible.statusCode, eligible.body).toBe(200);
    await expectProjectionCurrent();
    const second = await openItem('manual_review');
    const excluded = await h.as(nurse, 'POST', `/api/episodes/${second.episodeId}/eligibility-review`, {
      eligible: false,
      reason: 'not_a_fracture',
      note: '',
    });
    expect(excluded.statusCode, excluded.body).toBe(200);
    const onExcluded = await walk('excluded', 'name', 'asc', 50);
    expect(onExcluded).toContain(second.fractureId);
    await expectProjectionCurrent();
  });

  it('after a death reported later (the invitation goes) and a name change from a later import', async () => {
    const patient = await h.db.owner.query<{ source_id: string; id: string; born: string; sex: string }>(
      `SELECT p.source_id, p.id, to_char(p.birth_date, 'YYYYMMDD') AS born,
              CASE p.sex WHEN 'female' THEN 'F' ELSE 'M' END AS sex FROM worklist_items w JOIN patients p ON p.id = w.patient_id
        WHERE w.entry_kind = 'invite' AND p.source_id IS NOT NULL ORDER BY w.item_id LIMIT 2`,
    );
    const [dying, renamed] = patient.rows;
    if (dying === undefined || renamed === undefined) throw new Error('no patients to invite');
    const a08 = (who: { source_id: string; born: string; sex: string }, n: number, pid: string) =>
      [
        `MSH|^~\\&|HIX|ZKH|OSTEOPAD|FLS|2026011510${n}000||ADT^A08^ADT_A01|MSG${n}|P|2.5`,
        `EVN|A08|2026011510${n}000`,
        pid.replace('{id}', who.source_id).replace('{born}', who.born).replace('{sex}', who.sex),
        'PV1|1|I',
      ].join('\r');
    const died = await upload(
      'hl7v2',
      a08(dying, 1, 'PID|1||{id}^^^HIS^PI||Overleden^Anna||{born}|{sex}|||||||||||||||||||||20260114|Y'),
    );
    expect(died.deathsRecorded).toBe(1);
    await expectProjectionCurrent();
    const updated = await upload(
      'hl7v2',
      a08(renamed, 2, 'PID|1||{id}^^^HIS^PI||Aaanieuw^Bea^^^^^L||{born}|{sex}'),
    );
    expect(updated.patientsUpdated).toBe(1);
    const shown = await h.db.owner.query(
      `SELECT DISTINCT family_name, name_key FROM worklist_items WHERE patient_id = $1`,
      [renamed.id],
    );
    expect(shown.rows).toEqual([{ family_name: 'Aaanieuw', name_key: 'aaanieuw' }]);
    await expectProjectionCurrent(['name']);
  });

  it('after a patient entered by hand, then a fracture, episode and task of theirs', async () => {
    const r = await h.as(nurse, 'POST', '/api/patients', {
      familyName: 'Handmatig',
      givenNames: 'Hanna',
      birthDate: '1950-03-03',
      sex: 'female',
      sourceId: 'H-1',
    });
    expect(r.statusCode, r.body).toBe(201);
    const patientId = r.json<{ id: string }>().id;
    await expectProjectionCurrent(['name']);
    // No route records a fracture by hand yet: written as such a route would, in one transaction.
    await h.db.owner.query(
      `WITH f1 AS (
         INSERT INTO fracture_events (organization_id, patient_id, fracture_date, site_code, identity_key, eligibility, eligibility_reason)
         VALUES ($1, $2, '2025-12-01', 'toes', 'toes', 'excluded', 'excludedLocation') RETURNING id
       ) SELECT 1`,
      [h.orgA.id, patientId],
    );
    const f2 = await h.db.owner.query<{ id: string }>(
      `INSERT INTO fracture_events (organization_id, patient_id, fracture_date, site_code, identity_key, eligibility, eligibility_reason)
       VALUES ($1, $2, '2025-12-02', 'femur_proximal', 'femur_proximal', 'eligible', 'eligibleLocation') RETURNING id`,
      [h.orgA.id, patientId],
    );
    const episode = await h.db.owner.query<{ id: string }>(
      `INSERT INTO episodes (organization_id, patient_id, index_fracture_id, state, patient_group, opened_on)
       VALUES ($1, $2, $3, 'identified', 'hip', '2026-01-15') RETURNING id`,
      [h.orgA.id, patientId, f2.rows[0]?.id],
    );
    await h.db.owner.query(
      `INSERT INTO tasks (organization_id, episode_id, patient_id, kind, due_date, assignee_role)
       VALUES ($1, $2, $3, 'invite', '2026-01-15', 'secretary')`,
      [h.orgA.id, episode.rows[0]?.id, patientId],
    );
    const shown = await h.db.owner.query(
      `SELECT entry_kind FROM worklist_items WHERE patient_id = $1 ORDER BY 1`,
      [patientId],
    );
    expect(shown.rows).toEqual([{ entry_kind: 'excluded' }, { entry_kind: 'invite' }]);
    await expectProjectionCurrent(WORKLIST_SORTS);
  });

  it('another organisation sees none of it, through the API or row-level security', async () => {
    const other = await h.login(h.orgB.users.nurse.username);
    for (const view of WORKLIST_VIEWS) {
      expect(await page(other, `view=${view}`)).toMatchObject({ items: [], total: 0, nextCursor: null });
    }
  });
});

describe('the cursor', () => {
  const refused = async (query: string) => {
    const r = await h.as(nurse, 'GET', `/api/worklist?${query}`);
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json()).toMatchObject({ error: 'validation', issues: [{ field: 'querystring.cursor' }] });
  };

  it('a tampered, foreign or made-up cursor is a 400 naming the cursor, never a database error', async () => {
    const first = await page(nurse, 'view=identified&sort=fractureDate&limit=2');
    const cursor = first.nextCursor ?? '';
    expect(cursor).not.toBe('');
    await refused(`view=identified&sort=fractureDate&limit=2&cursor=${cursor.slice(0, -3)}x`);
    await refused(`view=identified&sort=fractureDate&limit=2&cursor=not-base64!`);
    await refused(`view=to_invite&sort=fractureDate&limit=2&cursor=${cursor}`);
    await refused(`view=identified&sort=fractureDate&order=desc&limit=2&cursor=${cursor}`);
    await refused(`view=identified&sort=age&limit=2&cursor=${cursor}`);
    const forged = (body: unknown) => Buffer.from(JSON.stringify(body)).toString('base64url');
    const id = '0190a4b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b';
    await refused(
      `view=identified&limit=2&cursor=${forged({ v: 1, view: 'identified', order: 'asc', id, sort: 'fractureDate', key: "2025-01-01'; DROP TABLE tasks; --" })}`,
    );
    await refused(
      `view=identified&limit=2&cursor=${forged({ v: 1, view: 'identified', order: 'asc', id, sort: 'fractureDate', key: '2025-02-30' })}`,
    );
    await refused(
      `view=identified&sort=age&limit=2&cursor=${forged({ v: 1, view: 'identified', order: 'asc', id, sort: 'age', key: 1e9 })}`,
    );
    await refused(
      `view=identified&sort=age&limit=2&cursor=${forged({ v: 1, view: 'identified', order: 'asc', id, sort: 'age', key: 70, extra: 1 })}`,
    );
    await refused(`view=identified&limit=2&cursor=${forged([1, 2])}`);
    // A name cursor names a patient; one of another organisation is as unknown as a made-up one.
    const otherOrgPatient = h.orgB.patientIds[0] ?? '';
    await refused(
      `view=identified&sort=name&limit=2&cursor=${encodeCursor({ view: 'identified', sort: 'name', order: 'asc' }, { sort: 'name', itemId: id, patientId: otherOrgPatient })}`,
    );
  });

  it('the last page has no next cursor, and an empty list none either', async () => {
    const all = await page(nurse, 'view=identified&limit=200');
    expect(all.nextCursor).toBeNull();
    expect(all.total).toBe(all.items.length);
    const exact = await page(nurse, `view=identified&limit=${all.items.length}`);
    expect(exact.nextCursor).toBeNull();
    const less = await page(nurse, `view=identified&limit=${all.items.length - 1}`);
    const rest = await page(nurse, `view=identified&limit=200&cursor=${less.nextCursor ?? ''}`);
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect((await page(nurse, 'view=to_invite&fractureFrom=2030-01-01')).nextCursor).toBeNull();
  });

  it('pages stay in order across ties (many equal names, ages and dates), with filters', async () => {
    for (const sort of ['name', 'age', 'site'] as const) {
      const pages = await walk('identified', sort, 'asc', 3);
      const whole = (await page(nurse, `view=identified&sort=${sort}&limit=200`)).items.map(
        (i) => i.taskId ?? i.fractureId,
      );
      expect(pages).toEqual(whole);
      expect(new Set(pages).size).toBe(pages.length);
    }
    const filtered: string[] = [];
    let cursor: string | null = null;
    do {
      const p: Page = await page(
        nurse,
        `view=excluded&sort=age&order=desc&ageMin=60&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`,
      );
      filtered.push(...p.items.map((i) => i.fractureId));
      cursor = p.nextCursor;
    } while (cursor !== null);
    const want = await h.db.owner.query<{ item_id: string }>(
      `SELECT item_id FROM (${TRUTH}) w WHERE organization_id = $1 AND entry_kind = 'excluded' AND age_at_fracture >= 60
        ORDER BY age_at_fracture DESC, item_id DESC`,
      [h.orgA.id],
    );
    expect(filtered).toEqual(want.rows.map((r) => r.item_id));
  });

  it('a page whose last entry was dealt with meanwhile still leads on (the name order looks the patient up)', async () => {
    const first = await page(nurse, 'view=to_invite&sort=name&limit=2');
    const gone = first.items[1] as (Page['items'][number] & { episodeId: string }) | undefined;
    const r = await h.as(secretary, 'POST', `/api/episodes/${gone?.episodeId ?? ''}/invitation`, {
      sentOn: '2026-01-15',
    });
    expect(r.statusCode, r.body).toBe(200);
    const next = await page(nurse, `view=to_invite&sort=name&limit=2&cursor=${first.nextCursor ?? ''}`);
    const fresh = await page(nurse, 'view=to_invite&sort=name&limit=3');
    expect(next.items[0]?.taskId).toBe(fresh.items[1]?.taskId);
  });
});

describe('a large import', () => {
  it('is analysed after its commit, and the count stops at 10,000 ("10,000+")', async () => {
    const before = await h.db.owner.query<{ n: number }>(
      `SELECT analyze_count::int AS n FROM pg_stat_user_tables WHERE relname = 'worklist_items'`,
    );
    await upload('csv', await text(fractureCsvStream(22_000, { seed: 11, today: '2026-11-01' })), 'BIG');
    const after = await h.db.owner.query<{ n: number; reltuples: number }>(
      `SELECT s.analyze_count::int AS n, c.reltuples::int AS reltuples FROM pg_stat_user_tables s
         JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'worklist_items'`,
    );
    expect(after.rows[0]?.n).toBe((before.rows[0]?.n ?? 0) + 1);
    expect(after.rows[0]?.reltuples).toBeGreaterThan(20_000);
    const counts = await h.db.owner.query<{ view: string; n: number }>(
      `SELECT v.view, (SELECT count(*)::int FROM worklist_items w WHERE w.organization_id = $1 AND w.entry_kind = ANY(v.kinds)) AS n
         FROM jsonb_each($2::jsonb) j, LATERAL (SELECT j.key AS view, ARRAY(SELECT jsonb_array_elements_text(j.value)) AS kinds) v`,
      [h.orgA.id, JSON.stringify(ENTRY_KINDS_OF_VIEW)],
    );
    expect(counts.rows.some((r) => r.n > 10_000)).toBe(true);
    for (const { view, n } of counts.rows) {
      const p = await page(nurse, `view=${view}&limit=1`);
      expect({ view, total: p.total, totalIsCapped: p.totalIsCapped }).toEqual({
        view,
        total: Math.min(n, 10_000),
        totalIsCapped: n > 10_000,
      });
    }
  });
});

describe('a page costs the database, and logs', () => {
  const readEventsAfter = async (id: number) =>
    (
      await h.db.owner.query<{ patient_id: string; view: string }>(
        `SELECT patient_id, details->>'view' AS view FROM audit_events
          WHERE id > $1 AND action = 'read' ORDER BY id`,
        [id],
      )
    ).rows;
  const lastEventId = async () =>
    (await h.db.owner.query<{ id: number }>(`SELECT coalesce(max(id), 0)::int AS id FROM audit_events`))
      .rows[0]?.id ?? 0;

  it('2 round trips: the session, then page, count and read events in one statement', async () => {
    await page(nurse, 'view=identified&limit=2'); // the session's last-seen is fresh now
    const first = await page(nurse, 'view=identified&limit=2');
    for (const query of [
      'view=identified&limit=2',
      `view=identified&limit=2&cursor=${first.nextCursor ?? ''}`,
    ]) {
      const counted = await countStatements(h.db.app.pool, async () => {
        await page(nurse, query);
      });
      expect(counted.texts, counted.texts.join('\n---\n')).toHaveLength(2);
      expect(counted.transactions()).toBe(0);
      expect(counted.texts[1]).toMatch(/set_config\('osteopad\.organization_id'/);
      expect(counted.texts[1]).toMatch(/INSERT INTO audit_events/);
    }
  });

  it('logs exactly the patients it shows, not the row read to know that a next page exists', async () => {
    for (const sort of ['fractureDate', 'name'] as const) {
      const before = await lastEventId();
      const first = await page(nurse, `view=identified&sort=${sort}&limit=3`);
      expect(first.items).toHaveLength(3);
      expect(first.nextCursor).not.toBeNull();
      const second = await page(
        nurse,
        `view=identified&sort=${sort}&limit=3&cursor=${first.nextCursor ?? ''}`,
      );
      expect(second.items.length).toBeGreaterThan(0);
      expect(await readEventsAfter(before)).toEqual(
        [...first.items, ...second.items].map((i) => ({
          patient_id: i.patientId,
          view: 'worklist:identified',
        })),
      );
    }
  });

  it('an empty page logs no one and still counts its list', async () => {
    const head = await page(nurse, 'view=identified&limit=1');
    // Past the end: the cursor of the list's last row, in the default order (fracture date, ascending).
    const last = await h.db.owner.query<{ item_id: string; key: string }>(
      `SELECT item_id, fracture_date::text AS key FROM worklist_items
        WHERE organization_id = $1 AND entry_kind IN ('invite', 'review_eligibility')
        ORDER BY fracture_date DESC, item_id DESC LIMIT 1`,
      [h.orgA.id],
    );
    const row = last.rows[0];
    expect(row).toBeDefined();
    const pastEnd = encodeCursor(
      { view: 'identified', sort: 'fractureDate', order: 'asc' },
      { sort: 'fractureDate', itemId: row?.item_id ?? '', key: row?.key ?? '' },
    );
    const before = await lastEventId();
    const empty = await page(nurse, `view=identified&limit=20&cursor=${pastEnd}`);
    expect(empty).toEqual({
      items: [],
      total: head.total,
      totalIsCapped: head.totalIsCapped,
      nextCursor: null,
    });
    expect(head.total).toBeGreaterThan(0);
    expect(await readEventsAfter(before)).toEqual([]);
  });
});
