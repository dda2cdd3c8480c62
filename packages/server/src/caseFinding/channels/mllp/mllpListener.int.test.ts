import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hl7Message } from '@medplum/core';
import { Hl7Client } from '@medplum/hl7';
import { createTestDatabase, type TestDatabase } from '../../../../test/testDatabase';
import { createOrganization, type TestOrganization } from '../../../../test/appHarness';
import type { MllpListener } from './mllpListener';
import { startTestMllpListener } from '../../../../test/mllpTestListener';

let db: TestDatabase;
let org: TestOrganization;
let listener: MllpListener;
let client: Hl7Client;

const ADT = (controlId: string, event: string, dg1: string) =>
  [
    `MSH|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20261101101500||ADT^${event}^ADT_A01|${controlId}|P|2.5`,
    'PID|1||55501^^^ZKH^PI~999900006^^^NLMINBIZA^NNNLD||de Vries^Anna^A.||19500314|F',
    'PV1|1|E',
    dg1,
  ].join('\r');

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createOrganization(db, 'MLLP Hospital', 0);
  listener = await startTestMllpListener(db.app.db, org.id, { now: new Date('2026-11-10T10:00:00Z') });
  client = new Hl7Client({ host: '127.0.0.1', port: listener.port });
});

afterAll(async () => {
  await client.close();
  await listener.close();
  await db.drop();
});

async function send(text: string): Promise<{ code: string; controlId: string; text: string; err: string }> {
  const ack = await client.sendAndWait(Hl7Message.parse(text));
  return {
    code: ack.getSegment('MSA')?.getField(1).toString() ?? '',
    controlId: ack.getSegment('MSA')?.getField(2).toString() ?? '',
    text: ack.getSegment('MSA')?.getField(3).toString() ?? '',
    err: ack.segments
      .filter((s) => s.name === 'ERR')
      .map((s) => s.toString())
      .join('\n'),
  };
}

describe('MLLP listener', () => {
  it('answers AA for an accepted ADT^A01 and stores the fracture', async () => {
    const ack = await send(ADT('M1', 'A01', 'DG1|1|I10|S72.0^Heupfractuur^I10||20261101'));
    expect(ack).toMatchObject({ code: 'AA', controlId: 'M1' });
    const r = await db.owner.query(
      `SELECT site_code, eligibility FROM fracture_events WHERE organization_id = $1`,
      [org.id],
    );
    expect(r.rows).toEqual([{ site_code: 'femur_proximal', eligibility: 'eligible' }]);
  });

  it('answers AA again for a resent message without storing it twice', async () => {
    const ack = await send(ADT('M1', 'A01', 'DG1|1|I10|S72.0^Heupfractuur^I10||20261101'));
    expect(ack.code).toBe('AA');
    expect(ack.text).toMatch(/duplicates 1/);
    const r = await db.owner.query(`SELECT count(*)::int n FROM fracture_events WHERE organization_id = $1`, [
      org.id,
    ]);
    expect(r.rows[0]).toEqual({ n: 1 });
  });

  it('accepts a message with a point worth a look, naming it in an ERR with severity W', async () => {
    const ack = await send(
      [
        'MSH|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20261101101500||ADT^A01^ADT_A01|M7|P|2.5',
        'PID|1||55577^^^ZKH^PI||Smit^Piet||19480101|M',
        `PV1|1|I${'|'.repeat(42)}20261102`,
        'DG1|1|I10|S52.5^Pols^I10',
      ].join('\r'),
    );
    expect(ack).toMatchObject({ code: 'AA', controlId: 'M7' });
    expect(ack.err).toMatch(/\|W\|fracture\.dateFromAdmission\|/);
  });

  it('answers AE with the reason when a field is wrong', async () => {
    const ack = await send(ADT('M2', 'A04', 'DG1|1|I10|S52.5^Pols^I10||20991301'));
    expect(ack.code).toBe('AE');
    expect(ack.controlId).toBe('M2');
    expect(ack.err).toMatch(/DG1/);
  });

  it('answers a NUL character with AE naming the field as a content error, kept in the history', async () => {
    const ack = await send(
      [
        'MSH|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20261101101500||ADT^A01^ADT_A01|NUL1|P|2.5',
        'PID|1||55599^^^ZKH^PI||Ja\u0000nsen^Piet||19480101|M',
        'DG1|1|I10|S52.5^Pols^I10||20261101',
      ].join('\r'),
    );
    expect(ack).toMatchObject({ code: 'AE', controlId: 'NUL1' });
    expect(ack.err).toMatch(/PID\^1\^5\|102\^Data type error\^HL70357\|E\|text\.nul/);
    expect(ack.text).not.toMatch(/send it again/i);
    const history = await db.owner.query<{ status: string; errors: { code: string }[] }>(
      `SELECT status::text, errors FROM imports WHERE organization_id = $1 AND file_name LIKE 'MLLP NUL1%'`,
      [org.id],
    );
    expect(history.rows).toEqual([
      { status: 'rejected', errors: [expect.objectContaining({ code: 'text.nul' })] },
    ]);
    const audit = await db.owner.query<{ outcome: string }>(
      `SELECT outcome FROM audit_events WHERE organization_id = $1 AND action = 'import' AND details->>'fileName' LIKE 'MLLP NUL1%'`,
      [org.id],
    );
    expect(audit.rows).toEqual([{ outcome: 'failure' }]);
  });

  it('answers AR for a message type it does not take', async () => {
    const ack = await send(
      [
        'MSH|^~\\&|LAB|ZKH|OSTEOPAD|FLS|20261101120000||ORU^R01^ORU_R01|M3|P|2.5',
        'PID|1||1^^^ZKH^PI||X^Y||19500101|M',
      ].join('\r'),
    );
    expect(ack).toMatchObject({ code: 'AR', controlId: 'M3' });
  });

  describe('ADT^A08: newer details of a known patient', () => {
    const A08 = (controlId: string, recorded: string, pid: string) =>
      [
        `MSH|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20261101101500||ADT^A08^ADT_A01|${controlId}|P|2.5`,
        `EVN|A08|${recorded}`,
        pid,
        'PV1|1|O',
      ].join('\r');
    const KNOWN_PID =
      'PID|1||55501^^^ZKH^PI~999900006^^^NLMINBIZA^NNNLD||de Vries^Anna^A.||19500314|F|||Kerkweg 5&Kerkweg&5^^Zeist^^3701 AA^NL';

    async function stored() {
      const r = await db.owner.query<{ street: string; city: string; as_of: string }>(
        `SELECT street, city, to_json(demographics_as_of) #>> '{}' AS as_of FROM patients
          WHERE organization_id = $1 AND bsn = '999900006'`,
        [org.id],
      );
      return r.rows[0];
    }

    async function importsKept(): Promise<number> {
      const r = await db.owner.query<{ n: number }>(
        `SELECT count(*)::int n FROM imports WHERE organization_id = $1`,
        [org.id],
      );
      return r.rows[0]?.n ?? -1;
    }

    it('applies a newer address and says so in the ACK and the audit log', async () => {
      const ack = await send(A08('U1', '202611150900', KNOWN_PID));
      expect(ack.code).toBe('AA');
      expect(ack.text).toMatch(/patients updated 1/);
      expect(await stored()).toEqual({
        street: 'Kerkweg',
        city: 'Zeist',
        as_of: '2026-11-15T08:00:00+00:00',
      });
      const audit = await db.owner.query<{ details: { demographics?: { changed: string[] } } }>(
        `SELECT a.details FROM audit_events a JOIN patients p ON p.id = a.patient_id
          WHERE p.bsn = '999900006' AND a.organization_id = $1 AND a.action = 'update'
          ORDER BY a.occurred_at DESC LIMIT 1`,
        [org.id],
      );
      expect(audit.rows[0]?.details.demographics?.changed).toEqual([
        'street',
        'houseNumber',
        'postalCode',
        'city',
      ]);
    });

    it('ignores an older message that arrives late', async () => {
      const ack = await send(
        A08(
          'U2',
          '202611100900',
          'PID|1||55501^^^ZKH^PI~999900006^^^NLMINBIZA^NNNLD||de Vries^Anna^A.||19500314|F|||Oudeweg 1^^Utrecht^^3511 AB^NL',
        ),
      );
      expect(ack.code).toBe('AA');
      expect(ack.text).toMatch(/patients updated 0/);
      expect(await stored()).toMatchObject({ street: 'Kerkweg', city: 'Zeist' });
    });

    it('keeps no trace of an A08 for someone Osteopad does not know, nor of a message without a fracture', async () => {
      const before = await importsKept();
      const unknown = await send(A08('U3', '202611160900', 'PID|1||99999^^^ZKH^PI||Bakker^Jan||19600101|M'));
      expect(unknown.code).toBe('AA');
      const admission = await send(ADT('M9', 'A01', 'DG1|1|I10|I10^Hypertensie^I10||20261101'));
      expect(admission).toMatchObject({ code: 'AA', text: 'no fracture' });
      expect(await importsKept()).toBe(before);
      const r = await db.owner.query(
        `SELECT 1 FROM patients WHERE organization_id = $1 AND source_id = '99999'`,
        [org.id],
      );
      expect(r.rows).toEqual([]);
    });
  });
});
