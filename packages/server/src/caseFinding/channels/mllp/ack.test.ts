import { Hl7Message } from '@medplum/core';
import { describe, expect, it } from 'vitest';
import { buildAck, buildAckForResult, formatHl7Timestamp } from './ack';
import { parseAdtMessage } from '../../parsers/hl7v2/parseAdt';

const TODAY = '2025-06-30';
const ORIGINAL = [
  'MSH|^~\\&|HIX|ZKH_UTRECHT|OSTEOPAD|FLS|20250110101500||ADT^A01^ADT_A01|MSG00001|P|2.4',
  'PID|1||1234567^^^ZKH^PI||Jansen^Jan||19500101|M',
  'DG1|1||S72.0^Heupfractuur^I10||20250110',
].join('\r');
const OPTIONS = { timestamp: '20250630120000', controlId: 'ACK-1' };

function field(message: Hl7Message, segment: string, index: number): string {
  return message.getSegment(segment)?.getField(index).toString() ?? '';
}

describe('buildAck', () => {
  const original = Hl7Message.parse(ORIGINAL);

  it('answers AA with MSH-9 ACK, MSA-2 = the original MSH-10, sender and receiver swapped', () => {
    const ack = buildAck(original, 'AA', OPTIONS);
    expect(field(ack, 'MSH', 9)).toBe('ACK^A01^ACK');
    expect(field(ack, 'MSH', 3)).toBe('OSTEOPAD');
    expect(field(ack, 'MSH', 4)).toBe('FLS');
    expect(field(ack, 'MSH', 5)).toBe('HIX');
    expect(field(ack, 'MSH', 6)).toBe('ZKH_UTRECHT');
    expect(field(ack, 'MSH', 7)).toBe('20250630120000');
    expect(field(ack, 'MSH', 10)).toBe('ACK-1');
    expect(field(ack, 'MSH', 12)).toBe('2.4');
    expect(field(ack, 'MSA', 1)).toBe('AA');
    expect(field(ack, 'MSA', 2)).toBe('MSG00001');
    expect(ack.getAllSegments('ERR')).toHaveLength(0);
  });

  it('answers AE with the reason in MSA-3 and one ERR per error, escaping separators', () => {
    const ack = buildAck(original, 'AE', {
      ...OPTIONS,
      errors: [
        { row: 1, field: 'PID-7', code: 'date.format', message: 'birth date "1950|01" is not a date' },
      ],
    });
    expect(field(ack, 'MSA', 1)).toBe('AE');
    expect(field(ack, 'MSA', 3)).toBe('PID-7: birth date "1950\\F\\01" is not a date');
    const [err] = ack.getAllSegments('ERR');
    expect(err?.getField(2).toString()).toBe('PID^1^7');
    expect(err?.getField(3).toString()).toBe('102^Data type error^HL70357');
    expect(err?.getField(4).toString()).toBe('E');
    expect(err?.getField(8).toString()).toContain('PID-7: birth date');
    // The ACK survives a round trip through the parser: the escaped separator did not split the field.
    expect(Hl7Message.parse(ack.toString()).getSegment('MSA')?.getField(2).toString()).toBe('MSG00001');
  });

  it('answers AR without an original message, keeping a control ID that could still be read', () => {
    const ack = buildAck(null, 'AR', { ...OPTIONS, text: 'not an HL7 message', originalControlId: 'X9' });
    expect(field(ack, 'MSH', 9)).toBe('ACK^^ACK');
    expect(field(ack, 'MSA', 1)).toBe('AR');
    expect(field(ack, 'MSA', 2)).toBe('X9');
    expect(field(ack, 'MSA', 3)).toBe('not an HL7 message');
  });

  it('limits MSA-3 to 80 characters', () => {
    const ack = buildAck(original, 'AE', { ...OPTIONS, text: 'x'.repeat(200) });
    expect(field(ack, 'MSA', 3)).toHaveLength(80);
  });
});

describe('buildAckForResult', () => {
  it('maps accepted → AA, content errors → AE and unsupported messages → AR', () => {
    const accepted = parseAdtMessage(ORIGINAL, { today: TODAY });
    expect(field(buildAckForResult(accepted, OPTIONS), 'MSA', 1)).toBe('AA');
    const contentError = parseAdtMessage(ORIGINAL.replace('19500101', '20300101'), { today: TODAY });
    const ae = buildAckForResult(contentError, OPTIONS);
    expect(field(ae, 'MSA', 1)).toBe('AE');
    expect(field(ae, 'MSA', 2)).toBe('MSG00001');
    const unsupported = parseAdtMessage(ORIGINAL.replace('ADT^A01^ADT_A01', 'ORM^O01'), { today: TODAY });
    const ar = buildAckForResult(unsupported, OPTIONS);
    expect(field(ar, 'MSA', 1)).toBe('AR');
    expect(ar.getSegment('ERR')?.getField(3).toString()).toBe('200^Unsupported message type^HL70357');
  });

  it('echoes the control ID of a message whose encoding characters were unreadable', () => {
    const broken = parseAdtMessage('MSH|^~|A|B|C|D|20250101||ADT^A01|CTRL7|P|2.5\rPID|1', { today: TODAY });
    const ack = buildAckForResult(broken, OPTIONS);
    expect(field(ack, 'MSA', 1)).toBe('AR');
    expect(field(ack, 'MSA', 2)).toBe('CTRL7');
  });
});

describe('formatHl7Timestamp', () => {
  it('formats a Date as YYYYMMDDHHMMSS in UTC', () => {
    expect(formatHl7Timestamp(new Date(Date.UTC(2025, 5, 30, 8, 5, 9)))).toBe('20250630080509');
  });
});

describe('buildAck — warnings', () => {
  it('adds one ERR with severity W and code 0 per warning to an AA', () => {
    const ack = buildAck(Hl7Message.parse(ORIGINAL), 'AA', {
      ...OPTIONS,
      text: 'imported 1',
      warnings: [
        {
          row: 1,
          field: 'DG1[1]-5',
          code: 'fracture.dateFromAdmission',
          message: 'the fracture date was taken from PV1-44',
        },
      ],
    });
    expect(field(ack, 'MSA', 1)).toBe('AA');
    const errs = ack.getAllSegments('ERR');
    expect(errs).toHaveLength(1);
    expect(errs[0]?.getField(2).toString()).toBe('DG1^1^5');
    expect(errs[0]?.getField(3).toString()).toBe('0^Message accepted^HL70357');
    expect(errs[0]?.getField(4).toString()).toBe('W');
    expect(errs[0]?.getField(5).toString()).toBe('fracture.dateFromAdmission');
  });
});
