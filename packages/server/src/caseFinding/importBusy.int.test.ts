// An import that finds another import of its organisation running waits a bounded time, then gives
// up with a clear answer on every channel: ImportBusyError, upload 409, CLI exit 3, MLLP AE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import { appWithUploads, createHarness, type Harness, type Session } from '../../test/appHarness';
import { fixturePath, textStream } from '../../test/fixtureFiles';
import { runOsteopad, type ProcessResult } from '../../test/osteopadProcess';
import { SESSION_COOKIE } from '../auth/authenticate';
import { ImportBusyError, importRegistrations, IMPORT_LOCK_WAIT_MS } from './pipeline/importRegistrations';
import { parseRegistrations } from './pipeline/parseRegistrations';
import { answerAdtMessage } from './channels/mllp/mllpListener';
import { storedClinicalConfigs } from '../clinicalConfig/clinicalConfigs';
import { cliSubject } from './channels/cli/cliSubject';

const TODAY = '2026-11-10';
const CSV =
  'patient_id,bsn,family_name,birth_date,sex,fracture_date,fracture_site,encounter_type,trauma_mechanism,pathological\n' +
  'B1,,Busy,1950-01-01,V,2026-10-01,heupfractuur,SEH,laag,nee\n';

let h: Harness;
let admin: Session;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login(h.orgA.users.admin.username);
});
afterAll(async () => {
  await h.close();
});

/** Holds organisation A's import lock, as a long import would, until `release`. */
async function holdImportLock(): Promise<{ release: () => Promise<void> }> {
  const client: pg.PoolClient = await h.db.owner.connect();
  await client.query('BEGIN');
  await client.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `osteopad-import:${h.orgA.id}`,
  ]);
  return {
    release: async () => {
      await client.query('ROLLBACK');
      client.release();
    },
  };
}

async function failedImports(fileName: string): Promise<{ status: string; code: string | undefined }[]> {
  const r = await h.db.owner.query<{ status: string; errors: { code: string }[] }>(
    `SELECT status, errors FROM imports WHERE organization_id = $1 AND file_name = $2`,
    [h.orgA.id, fileName],
  );
  return r.rows.map((row) => ({ status: row.status, code: row.errors[0]?.code }));
}

function cliImport(fileName: string, wait: string, text: string) {
  return importRegistrations(
    h.db.app.db,
    parseRegistrations('csv', textStream(text), { today: TODAY, sourceSystem: 'HIS' }),
    {
      organizationId: h.orgA.id,
      subject: cliSubject(h.orgA.id, 'cli'),
      format: 'csv',
      channel: 'cli',
      fileName,
      skipInvalid: false,
      today: TODAY,
      clock: () => new Date('2026-11-10T10:00:00Z'),
      config: DEFAULT_CONFIG,
      lockWaitMs: Number(wait),
    },
  );
}

describe('another import of the organisation is running', () => {
  it('gives up after the lock wait with ImportBusyError, and the attempt shows as failed (busy)', async () => {
    const lock = await holdImportLock();
    try {
      const error: unknown = await cliImport('busy.csv', '300', CSV).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportBusyError);
      expect(error).toMatchObject({
        kind: 'busy',
        code: 'import_busy',
        message: expect.stringMatching(/^Another import of this organisation is running/) as unknown,
      });
    } finally {
      await lock.release();
    }
    expect(await failedImports('busy.csv')).toEqual([{ status: 'failed', code: 'import.busy' }]);
    // The lock is free again: the same file goes in.
    await expect(cliImport('busy-again.csv', '300', CSV)).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('an upload answers 409 import_busy with a clear message', async () => {
    const app = await appWithUploads(h, { idleTimeoutMs: 60_000, lockWaitMs: 300 });
    const lock = await holdImportLock();
    try {
      const r = await app.inject({
        method: 'POST',
        url: '/api/imports?format=csv',
        cookies: { [SESSION_COOKIE]: admin.cookie },
        headers: {
          'x-csrf-token': admin.csrfToken,
          'content-type': 'text/csv',
          'x-file-name': 'busy-upload.csv',
        },
        payload: CSV,
      });
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json()).toEqual({
        error: 'import_busy',
        message: expect.stringMatching(
          /Another import of this organisation is running.*Try again/,
        ) as unknown,
      });
    } finally {
      await lock.release();
      await app.close();
    }
    expect(await failedImports('busy-upload.csv')).toEqual([{ status: 'failed', code: 'import.busy' }]);
  });

  it('an MLLP message is answered AE saying the organisation is busy, and leaves no trace', async () => {
    const message = [
      'MSH|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20261101101500||ADT^A01^ADT_A01|BUSY1|P|2.5',
      'PID|1||77701^^^ZKH^PI||Bezig^Bea||19500314|F',
      'PV1|1|E',
      'DG1|1|I10|S72.0^Heupfractuur^I10||20261101',
    ].join('\r');
    const deps = {
      db: h.db.app.db,
      organizationId: h.orgA.id,
      subject: cliSubject(h.orgA.id, 'mllp'),
      clinicalConfigs: storedClinicalConfigs(h.db.app.db, DEFAULT_CONFIG),
      clock: () => new Date('2026-11-10T10:00:00Z'),
      log: () => undefined,
    };
    const before = await h.db.owner.query('SELECT count(*)::int n FROM imports');
    const lock = await holdImportLock();
    let busy;
    try {
      busy = await answerAdtMessage(message, deps);
    } finally {
      await lock.release();
    }
    expect(IMPORT_LOCK_WAIT_MS.mllp).toBeLessThanOrEqual(10_000);
    expect(busy.getSegment('MSA')?.getField(1).toString()).toBe('AE');
    expect(busy.getSegment('MSA')?.getField(3).toString()).toMatch(
      /Another import of this organisation is running; send the message again later/,
    );
    expect((await h.db.owner.query('SELECT count(*)::int n FROM imports')).rows).toEqual(before.rows);
    const again = await answerAdtMessage(message, deps);
    expect(again.getSegment('MSA')?.getField(1).toString()).toBe('AA');
  }, 30_000);

  it('osteopad import exits 3 with the reason, and imports nothing', async () => {
    const lock = await holdImportLock();
    let result: ProcessResult;
    try {
      result = await runOsteopad(h.db.ownerUrl, [
        'import',
        fixturePath('csv/valid-utf8-comma.csv'),
        '--format',
        'csv',
        '--org',
        h.orgA.id,
        '--wait',
        '0.5',
        '--quiet',
      ]);
    } finally {
      await lock.release();
    }
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/Another import of this organisation is running/);
    expect(await failedImports('valid-utf8-comma.csv')).toEqual([{ status: 'failed', code: 'import.busy' }]);
  }, 60_000);
});
