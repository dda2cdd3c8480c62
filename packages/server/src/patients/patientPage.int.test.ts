// The patient page (GET /api/patients/:patientId): what it answers, what it logs, and what it costs
// the database per request.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import { createHarness, TEST_PASSWORD, cookieValue, type Harness, type Session } from '../../test/appHarness';
import { countStatements } from '../../test/statementCounter';
import { episodes, fractureEvents, patients, tasks } from '../db/schema';
import { inOrganization } from '../audit/auditedTransaction';
import { storedEpisodeReason } from '../episodes/episodeReasons';
import { buildApp } from '../http/app';
import { DEFAULT_APP_CONFIG } from '../http/config';
import { SESSION_COOKIE } from '../auth/authenticate';
import { patientRecordSchema as patientRecordResponse } from '@osteopad/contract';

/**
 * Round trips of one GET of the patient page with a fresh session: the session look-up, then the
 * record, its ownership check and its read event in one statement (before: 12–13 round trips in three
 * transactions — the session, the hook's ownership check, and the audited read of four statements).
 */
const PATIENT_PAGE_ROUND_TRIPS = 2;

let h: Harness;
let nurse: Session;
let patientId: string;

beforeAll(async () => {
  h = await createHarness();
  nurse = await h.login(h.orgA.users.nurse.username);
  patientId = h.orgA.patientIds[0] ?? '';
  // A patient with a bit of everything: a death, two fractures, two episodes (one with a reason), an
  // open and a done task, so every part of the record is read and shaped.
  await inOrganization(h.db.app.db, h.orgA.id, async (tx) => {
    await tx
      .update(patients)
      .set({ deceased: true, deceasedDate: '2026-11-01', gpName: 'Dr. Huisarts', street: 'Laan' })
      .where(eq(patients.id, patientId));
    const fractures = await tx
      .insert(fractureEvents)
      .values([
        {
          organizationId: h.orgA.id,
          patientId,
          fractureDate: '2026-09-01',
          siteCode: 'femur_proximal',
          icd10Code: 'S72.0',
          identityKey: 'femur_proximal',
          eligibility: 'eligible',
          eligibilityReason: 'qualifyingFracture',
          pathological: false,
        },
        {
          organizationId: h.orgA.id,
          patientId,
          fractureDate: '2025-03-10',
          siteText: 'pols',
          identityKey: 'pols',
          eligibility: 'excluded',
          eligibilityReason: 'notAFragilityFracture',
          sourceFormat: 'csv',
        },
      ])
      .returning({ id: fractureEvents.id });
    const opened = await tx
      .insert(episodes)
      .values([
        {
          organizationId: h.orgA.id,
          patientId,
          indexFractureId: fractures[0]?.id ?? null,
          state: 'invited',
          stateReasonCode: 'invitation_sent',
          stateReasonDetails: { sentOn: '2026-09-10' },
          stateReasonNote: 'per post',
          patientGroup: 'hip',
          openedOn: '2026-09-02',
        },
        {
          organizationId: h.orgA.id,
          patientId,
          state: 'closed',
          openedOn: '2025-03-11',
          closedOn: '2025-04-01',
        },
      ])
      .returning({ id: episodes.id });
    const episodeId = opened[0]?.id ?? '';
    await tx.insert(tasks).values([
      {
        organizationId: h.orgA.id,
        episodeId,
        patientId,
        kind: 'invite_reminder',
        dueDate: '2026-10-01',
        assigneeRole: 'secretary',
      },
      {
        organizationId: h.orgA.id,
        episodeId,
        patientId,
        kind: 'no_response_follow_up',
        dueDate: '2026-09-20',
        assigneeRole: 'nurse',
      },
      {
        organizationId: h.orgA.id,
        episodeId,
        patientId,
        kind: 'invite',
        dueDate: '2026-09-03',
        assigneeRole: 'secretary',
        status: 'done',
      },
    ]);
  });
});
afterAll(async () => {
  await h.close();
});

/** The record as the page answered it before it was one statement: table by table, through drizzle. */
async function recordReadTableByTable(organizationId: string, id: string): Promise<unknown> {
  const record = await inOrganization(h.db.app.db, organizationId, async (tx) => {
    const patient = (await tx.select().from(patients).where(eq(patients.id, id)))[0];
    if (patient === undefined) throw new Error('no patient');
    const fractures = await tx
      .select()
      .from(fractureEvents)
      .where(eq(fractureEvents.patientId, id))
      .orderBy(desc(fractureEvents.fractureDate));
    const patientEpisodes = await tx
      .select()
      .from(episodes)
      .where(eq(episodes.patientId, id))
      .orderBy(desc(episodes.openedOn));
    const openTasks = await tx
      .select()
      .from(tasks)
      .where(
        and(
          inArray(
            tasks.episodeId,
            patientEpisodes.map((e) => e.id),
          ),
          eq(tasks.status, 'open'),
        ),
      )
      .orderBy(asc(tasks.dueDate));
    return {
      patient: { ...patient, demographicsAsOf: patient.demographicsAsOf.toISOString() },
      fractures,
      episodes: patientEpisodes.map(({ stateReasonCode, stateReasonDetails, stateReasonNote, ...e }) => ({
        ...e,
        stateReason: storedEpisodeReason(stateReasonCode, stateReasonDetails, stateReasonNote),
      })),
      openTasks,
    };
  });
  // What the response schema lets through, as JSON.
  return JSON.parse(JSON.stringify(patientRecordResponse.parse(record))) as unknown;
}

async function deniedEventsFor(id: string): Promise<{ action: string; outcome: string; details: unknown }[]> {
  const r = await h.db.owner.query<{ action: string; outcome: string; details: unknown }>(
    `SELECT action, outcome, details FROM audit_events WHERE details->'params'->>'patientId' = $1 ORDER BY id`,
    [id],
  );
  return r.rows;
}

async function readEventsOf(id: string): Promise<number> {
  const r = await h.db.owner.query<{ n: number }>(
    `SELECT count(*)::int n FROM audit_events
      WHERE patient_id = $1::uuid AND action = 'read' AND object_id = $1::text AND details = '{"view":"record"}'`,
    [id],
  );
  return r.rows[0]?.n ?? -1;
}

describe('the patient page', () => {
  it('answers the record exactly as reading it table by table does', async () => {
    const r = await h.as(nurse, 'GET', `/api/patients/${patientId}`);
    expect(r.statusCode).toBe(200);
    const body = r.json<{
      fractures: unknown[];
      episodes: { stateReason: unknown }[];
      openTasks: { kind: string }[];
    }>();
    expect(body).toEqual(await recordReadTableByTable(h.orgA.id, patientId));
    // The seed reached every part: two fractures, two episodes (one with its reason), the open tasks.
    expect(body.fractures).toHaveLength(2);
    expect(body.episodes[0]?.stateReason).toEqual({
      code: 'invitation_sent',
      details: { sentOn: '2026-09-10' },
      note: 'per post',
    });
    expect(body.openTasks.map((t) => t.kind)).toEqual(['no_response_follow_up', 'invite_reminder']);
  });

  it('answers a patient without fractures, episodes or tasks with empty lists', async () => {
    const bare = h.orgA.patientIds[1] ?? '';
    const r = await h.as(nurse, 'GET', `/api/patients/${bare}`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual(await recordReadTableByTable(h.orgA.id, bare));
    expect(r.json()).toMatchObject({ fractures: [], episodes: [], openTasks: [] });
  });

  it('logs one read event per request, written with the read', async () => {
    const before = await readEventsOf(patientId);
    expect((await h.as(nurse, 'GET', `/api/patients/${patientId}`)).statusCode).toBe(200);
    expect((await h.as(nurse, 'GET', `/api/patients/${patientId}`)).statusCode).toBe(200);
    expect((await readEventsOf(patientId)) - before).toBe(2);
  });

  it('answers 404 for another organisation’s patient, logs it as denied and reads nothing', async () => {
    const foreign = h.orgB.patientIds[0] ?? '';
    const readsBefore = await readEventsOf(foreign);
    const r = await h.as(nurse, 'GET', `/api/patients/${foreign}`);
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ error: 'not_found', message: 'Record not found.' });
    expect(r.body).not.toContain('Beta');
    expect(await deniedEventsFor(foreign)).toEqual([
      {
        action: 'access_denied',
        outcome: 'denied',
        details: { params: { patientId: foreign }, why: 'not_in_organization' },
      },
    ]);
    expect(await readEventsOf(foreign)).toBe(readsBefore);
  });

  it('answers 404 for a patient that does not exist, logged as denied', async () => {
    const missing = '0190f3c2-0000-7000-8000-000000000000';
    const r = await h.as(nurse, 'GET', `/api/patients/${missing}`);
    expect(r.statusCode).toBe(404);
    expect(await deniedEventsFor(missing)).toMatchObject([{ action: 'access_denied', outcome: 'denied' }]);
  });
});

describe('the patient page costs the database', () => {
  it(`${PATIENT_PAGE_ROUND_TRIPS} round trips: the session, then record, check and read event in one statement`, async () => {
    await h.as(nurse, 'GET', `/api/patients/${patientId}`); // the session's last-seen is fresh now
    const counted = await countStatements(h.db.app.pool, async () => {
      const r = await h.as(nurse, 'GET', `/api/patients/${patientId}`);
      expect(r.statusCode).toBe(200);
    });
    expect(counted.texts, counted.texts.join('\n---\n')).toHaveLength(PATIENT_PAGE_ROUND_TRIPS);
    expect(counted.transactions()).toBe(0); // each statement is its own (implicit) transaction
    expect(counted.texts[1]).toMatch(/set_config\('osteopad\.organization_id'/);
    expect(counted.texts[1]).toMatch(/INSERT INTO audit_events/);
  });

  it('a refusal costs one round trip more: the access_denied event', async () => {
    const foreign = h.orgB.patientIds[1] ?? '';
    const counted = await countStatements(h.db.app.pool, async () => {
      expect((await h.as(nurse, 'GET', `/api/patients/${foreign}`)).statusCode).toBe(404);
    });
    expect(counted.texts, counted.texts.join('\n---\n')).toHaveLength(PATIENT_PAGE_ROUND_TRIPS + 1);
  });
});

describe('a route that leaves the ownership check to a unit of work it never opens', () => {
  it('is still checked before its answer leaves', async () => {
    const app = await buildApp({
      db: h.db.app.db,
      clock: h.clock.now,
      clinical: DEFAULT_CONFIG,
      config: { ...DEFAULT_APP_CONFIG, logLevel: 'silent' },
    });
    app.get(
      '/api/test-forgetful/:patientId',
      { config: { access: { roles: ['nurse'], namedRecords: 'unitOfWork' } } },
      () => ({ answered: true }),
    );
    await app.ready();
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: h.orgA.users.nurse.username, password: TEST_PASSWORD },
      });
      const cookies = { [SESSION_COOKIE]: cookieValue(login) };
      const own = await app.inject({ method: 'GET', url: `/api/test-forgetful/${patientId}`, cookies });
      expect(own.statusCode).toBe(200);
      const foreign = h.orgB.patientIds[2] ?? '';
      const other = await app.inject({ method: 'GET', url: `/api/test-forgetful/${foreign}`, cookies });
      expect(other.statusCode).toBe(404);
      expect(other.body).not.toContain('answered');
      expect(await deniedEventsFor(foreign)).toMatchObject([{ action: 'access_denied', outcome: 'denied' }]);
    } finally {
      await app.close();
    }
  });
});
