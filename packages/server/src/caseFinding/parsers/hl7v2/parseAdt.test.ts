import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { Hl7Message } from '@medplum/core';
import { describe, expect, it } from 'vitest';
import { collect, fixturePath, fixtureStream, rejectionOf } from '../testFixtures';
import { ImportFileError, isPatientUpdate, type ParsedRow } from '../types';
import { parseAdtMessage } from './parseAdt';
import { parseHl7Fractures, parseHl7Messages } from './parseHl7File';

const TODAY = '2025-06-30';

async function messagesOf(name: string) {
  return collect(parseHl7Messages(fixtureStream(`hl7/${name}`), { today: TODAY }));
}

function recordOf(row: ParsedRow | undefined) {
  if (row === undefined || !row.ok) throw new Error(`expected a record, got ${JSON.stringify(row)}`);
  return row;
}

const HEADER = 'MSH|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20250101120000||ADT^A01|M1|P|2.5';

describe('parseAdtMessage — valid messages (fixture)', () => {
  it('reads A01, A04 and A08 from one file with CR, LF and CRLF terminators', async () => {
    const results = await messagesOf('valid-adt.hl7');
    expect(results.map((r) => [r.messageNumber, r.messageType, r.controlId, r.status])).toEqual([
      [1, 'ADT^A01', 'MSG00001', 'accepted'],
      [2, 'ADT^A04', 'MSG00002', 'accepted'],
      [3, 'ADT^A08', 'MSG00003', 'error'],
    ]);
  });

  it('produces one registration per fracture DG1 and skips other diagnoses', async () => {
    const [a01] = await messagesOf('valid-adt.hl7');
    expect(a01?.rows).toHaveLength(2);
    expect(a01?.skippedDiagnoses).toBe(1);
    const [hip, wrist] = (a01?.rows ?? []).map((r) => recordOf(r).record);
    expect(hip).toEqual({
      source: { format: 'hl7v2', row: 1, system: 'ZKH_UTRECHT' },
      patient: {
        sourceId: '1234567',
        sourceSystem: 'ZKH_UTRECHT',
        bsn: '999900006',
        familyName: 'de Vries',
        givenNames: 'Anna',
        initials: 'A.M.',
        birthDate: '1950-03-14',
        sex: 'female',
        address: {
          street: 'Dorpsstraat',
          houseNumber: '12',
          city: 'Utrecht',
          postalCode: '3511 AB',
          country: 'NL',
        },
        phone: '030-1234567',
        gp: { name: 'Dr. A. de Jong', agbCode: '01012345', practiceName: 'Huisartsenpraktijk De Linde' },
        recordedAt: '2025-01-10T09:15:00.000Z',
      },
      fracture: {
        date: '2025-01-10',
        siteCode: 'femur_proximal',
        sourceCodes: [{ system: 'icd10', code: 'S72.0', display: 'Fractuur van collum femoris' }],
        siteText: 'Fractuur van collum femoris',
        icd10Code: 'S72.0',
        encounterType: 'inpatient',
        traumaMechanism: 'unknown',
        pathological: null,
      },
    });
    expect(wrist?.fracture).toMatchObject({ siteCode: 'radius_forearm_wrist', icd10Code: 'S52.5' });
  });

  it('reads the GP from ROL when PD1 is absent, and a house-number addition', async () => {
    const [, a04] = await messagesOf('valid-adt.hl7');
    const record = recordOf(a04?.rows[0]).record;
    expect(record.patient.bsn).toBeUndefined();
    expect(record.patient).toMatchObject({
      sourceId: '7654321',
      gp: { name: 'H.J. Verbeek', agbCode: '01023456' },
      address: { street: 'Kerkstraat', houseNumber: '3 a' },
    });
    expect(record.fracture).toMatchObject({
      siteCode: 'humerus',
      encounterType: 'emergency',
      date: '2025-02-03',
    });
  });

  it('warns about a bone metastasis next to a fracture, and fails only the DG1 without a date', async () => {
    const [, , a08] = await messagesOf('valid-adt.hl7');
    expect(a08?.skippedDiagnoses).toBe(1);
    const [vertebral, undated] = a08?.rows ?? [];
    const ok = recordOf(vertebral);
    // M80.08: the "other" region is ambiguous, the diagnosis text names the vertebra.
    expect(ok.record.fracture).toMatchObject({
      siteCode: 'spine_thoracolumbar',
      icd10Code: 'M80.08',
      pathological: null,
      encounterType: 'outpatient',
    });
    expect(ok.record.patient.bsn).toBe('999900031');
    expect(ok.warnings).toEqual([
      expect.objectContaining({ field: 'DG1[1]-3', code: 'pathological.possible' }),
    ]);
    expect(undated).toEqual({
      ok: false,
      row: 3,
      errors: [
        {
          row: 3,
          field: 'DG1[3]-5',
          code: 'field.required',
          message:
            'the diagnosis date (DG1-5) is empty and PV1-44 has no admission date: the fracture date is unknown',
        },
      ],
    });
  });

  it('accepts an already parsed Hl7Message (as the MLLP server delivers it)', () => {
    const text = readFileSync(fixturePath('hl7/valid-adt.hl7'), 'latin1').split('\r\n')[0] ?? '';
    const result = parseAdtMessage(Hl7Message.parse(text), { today: TODAY });
    expect(result.status).toBe('accepted');
    expect(result.rows).toHaveLength(2);
    expect(result.message).toBeInstanceOf(Hl7Message);
  });
});

describe('parseAdtMessage — broken messages (fixtures)', () => {
  it('missing MSH', async () => {
    const [result] = await messagesOf('broken-missing-msh.hl7');
    expect(result).toMatchObject({ messageNumber: 1, status: 'rejected' });
    expect(result?.errors).toEqual([
      {
        row: 1,
        field: 'MSH',
        code: 'hl7.missingMsh',
        message: 'the message does not start with an MSH segment (it starts with "PID")',
      },
    ]);
  });

  it('wrong field separator in a segment, and broken encoding characters', async () => {
    const [wrongSeparator, brokenEncoding] = await messagesOf('broken-delimiters.hl7');
    expect(wrongSeparator).toMatchObject({ messageNumber: 1, status: 'error', controlId: 'MSG00010' });
    expect(wrongSeparator?.errors.map((e) => [e.field, e.code])).toEqual([
      ['segment 2', 'hl7.segmentSyntax'],
      ['PID', 'hl7.missingSegment'],
    ]);
    expect(wrongSeparator?.errors[0]?.message).toContain('"PID;1;;1234567^^^ZKH…" is not a segment');
    expect(brokenEncoding).toMatchObject({ messageNumber: 2, status: 'rejected', controlId: 'MSG00011' });
    expect(brokenEncoding?.errors).toEqual([
      expect.objectContaining({ row: 2, field: 'MSH-2', code: 'hl7.encodingCharacters' }),
    ]);
  });

  it('truncated segments: reports all problems and imports nothing from the message', async () => {
    const [result] = await messagesOf('broken-truncated.hl7');
    expect(result?.status).toBe('error');
    expect(result?.errors.map((e) => [e.field, e.code])).toEqual([
      ['segment 5', 'hl7.segmentSyntax'],
      ['PID-7', 'date.format'],
      ['DG1[1]-5', 'field.required'],
    ]);
    expect(result?.rows.every((r) => !r.ok)).toBe(true);
  });

  it('non-ADT messages and unsupported events are rejected', async () => {
    const [oru, a03] = await messagesOf('non-adt.hl7');
    expect(oru).toMatchObject({ status: 'rejected', messageType: 'ORU^R01' });
    expect(oru?.errors[0]).toMatchObject({ field: 'MSH-9', code: 'hl7.unsupportedMessageType' });
    expect(a03).toMatchObject({ status: 'rejected', messageType: 'ADT^A03' });
    expect(a03?.errors[0]).toMatchObject({
      field: 'MSH-9',
      code: 'hl7.unsupportedEvent',
      message: 'event A03 is not supported; only A01, A04 and A08 carry new fractures',
    });
  });

  it('a file that holds only message types Osteopad does not take is refused as a whole', async () => {
    const error = await rejectionOf(
      collect(parseHl7Fractures(fixtureStream('hl7/non-adt.hl7'), { today: TODAY })),
    );
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ code: 'hl7.noSupportedMessages' });
    expect((error as Error).message).toMatch(/ORU\^R01, ADT\^A03/);
  });

  it('skips message types it does not take inside a file with a warning, and reads the rest', async () => {
    const text = [
      'MSH|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20250101120000||ADT^A03|D1|P|2.5',
      'PID|1||1^^^ZKH^PI||Visser^Kees||19400101|M',
      HEADER.replace('|M1|', '|A1|'),
      'PID|1||2^^^ZKH^PI||Smit^Ria||19450101|F',
      'PV1|1|E',
      'DG1|1|I10|S72.0^Heup^I10||20250601',
      'MSH|^~\\&|RIS|ZKH|OSTEOPAD|FLS|20250101120000||ORM^O01|O1|P|2.3',
      'PID|1||3^^^ZKH^PI||Mol^Jan||19300101|M',
    ].join('\r');
    const items = await collect(parseHl7Fractures(Readable.from([Buffer.from(text)]), { today: TODAY }));
    expect(items.map((i) => ('kind' in i ? i.kind : i.ok ? 'ok' : 'error'))).toEqual([
      'skipped',
      'ok',
      'skipped',
    ]);
    const skipped = items.flatMap((i) => ('kind' in i && i.kind === 'skipped' ? i.warnings : []));
    expect(skipped).toMatchObject([
      {
        row: 1,
        field: 'MSH-9',
        code: 'hl7.messageSkipped',
        message: expect.stringMatching(/D1 \(ADT\^A03\) was skipped/) as unknown,
      },
      {
        row: 3,
        field: 'MSH-9',
        code: 'hl7.messageSkipped',
        message: expect.stringMatching(/O1 \(ORM\^O01\)/) as unknown,
      },
    ]);
  });

  it('reads an HL7 batch file: the FHS/BHS/BTS/FTS envelope is not part of any message', async () => {
    const text = [
      'FHS|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20250101120000',
      'BHS|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20250101120000',
      HEADER.replace('|M1|', '|B1|'),
      'PID|1||2^^^ZKH^PI||Smit^Ria||19450101|F',
      'DG1|1|I10|S72.0^Heup^I10||20250601',
      HEADER.replace('|M1|', '|B2|'),
      'PID|1||3^^^ZKH^PI||Mol^Jan||19450101|M',
      'DG1|1|I10|S52.5^Pols^I10||20250602',
      'BTS|2',
      'FTS|1',
    ].join('\n');
    const results = await collect(parseHl7Messages(Readable.from([Buffer.from(text)]), { today: TODAY }));
    expect(results.map((r) => [r.controlId, r.status])).toEqual([
      ['B1', 'accepted'],
      ['B2', 'accepted'],
    ]);
  });

  it('an empty file is a file error; binary garbage is refused before parsing', async () => {
    const error = await rejectionOf(
      collect(parseHl7Messages(fixtureStream('csv/empty.csv'), { today: TODAY })),
    );
    expect(error).toMatchObject({ code: 'file.empty' });
    const binary = await rejectionOf(
      collect(parseHl7Messages(fixtureStream('csv/binary-garbage.csv'), { today: TODAY })),
    );
    expect(binary).toBeInstanceOf(ImportFileError);
    expect(binary).toMatchObject({ code: 'file.binary' });
  });
});

describe('parseAdtMessage — fields', () => {
  const message = (...segments: string[]) =>
    parseAdtMessage([HEADER, ...segments].join('\r'), { today: TODAY });

  it('acknowledges a message without fracture diagnoses without judging the patient data', () => {
    const result = message(
      'PID|1||X^^^ZKH^PI~999900007^^^NLMINBIZA^NNNLD||Jansen||nonsense|Q',
      'DG1|1||I10^Hypertensie^I10||20250101',
    );
    expect(result).toMatchObject({ status: 'accepted', rows: [], skippedDiagnoses: 1 });
  });

  it('refuses a BSN failing the elfproef on PID-3', () => {
    const result = message(
      'PID|1||999900007^^^NLMINBIZA^NNNLD||Jansen||19500101|M',
      'DG1|1||S72.0^^I10||20250101',
    );
    expect(result.status).toBe('error');
    expect(result.errors).toEqual([expect.objectContaining({ field: 'PID-3', code: 'bsn.elfproef' })]);
  });

  it('recognises a BSN by its assigning authority OID too', () => {
    const result = message(
      'PID|1||999900006^^^&2.16.840.1.113883.2.4.6.3&ISO||Jansen||19500101|M',
      'DG1|1||S72.0^^I10||20250101',
    );
    expect(recordOf(result.rows[0]).record.patient).toMatchObject({ bsn: '999900006' });
  });

  it('checks dates against today and against each other', () => {
    const future = message('PID|1||1^^^ZKH^PI||Jansen||19500101|M', 'DG1|1||S72.0^^I10||20300101');
    expect(future.errors).toEqual([expect.objectContaining({ field: 'DG1[1]-5', code: 'date.future' })]);
    const reversed = message('PID|1||1^^^ZKH^PI||Jansen||20250201|M', 'DG1|1||S72.0^^I10||20250101');
    expect(reversed.errors).toEqual([
      expect.objectContaining({ field: 'PID-7', code: 'date.birthAfterFracture' }),
    ]);
  });

  it('uses the admission date when DG1-5 is empty, with a warning', () => {
    const pv1 = `PV1|1|I${'|'.repeat(42)}20250105`;
    const result = message('PID|1||1^^^ZKH^PI||Jansen||19500101|M', pv1, 'DG1|1||S82.6^^I10');
    const row = recordOf(result.rows[0]);
    expect(row.record.fracture.date).toBe('2025-01-05');
    expect(row.warnings).toEqual([expect.objectContaining({ code: 'fracture.dateFromAdmission' })]);
  });

  it('reads SNOMED CT codes and falls back to the diagnosis text for unknown code systems', () => {
    const snomed = message(
      'PID|1||1^^^ZKH^PI||Jansen||19500101|M',
      'DG1|1||5913000^Collumfractuur^SCT||20250101',
    );
    expect(recordOf(snomed.rows[0]).record.fracture).toMatchObject({
      siteCode: 'femur_proximal',
      snomedCode: '5913000',
    });
    const local = message(
      'PID|1||1^^^ZKH^PI||Jansen||19500101|M',
      'DG1|1||3401^Polsfractuur links^99DHD||20250101',
    );
    expect(recordOf(local.rows[0]).record.fracture).toMatchObject({
      siteCode: 'radius_forearm_wrist',
      siteText: 'Polsfractuur links',
    });
    const unrelated = message(
      'PID|1||1^^^ZKH^PI||Jansen||19500101|M',
      'DG1|1||3402^Kneuzing pols^99DHD||20250101',
    );
    expect(unrelated).toMatchObject({ status: 'accepted', rows: [], skippedDiagnoses: 1 });
  });

  it('marks pathological fracture codes', () => {
    const result = message('PID|1||1^^^ZKH^PI||Jansen||19500101|M', 'DG1|1||M84.45^^I10||20250101');
    expect(recordOf(result.rows[0]).record.fracture).toMatchObject({ pathological: true, siteCode: null });
  });

  it('unescapes HL7 escape sequences in names', () => {
    const result = message('PID|1||1^^^ZKH^PI||Smit\\T\\Zn^Jan||19500101|M', 'DG1|1||S72.0^^I10||20250101');
    expect(recordOf(result.rows[0]).record.patient.familyName).toBe('Smit&Zn');
  });

  it('refuses unknown sex codes and a missing identifier', () => {
    const result = message('PID|1||||Jansen||19500101|Q', 'DG1|1||S72.0^^I10||20250101');
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['PID-3', 'patient.identifierMissing'],
      ['PID-8', 'sex.value'],
    ]);
  });

  it('rejects a message without control ID or with a non-2.x version', () => {
    expect(
      parseAdtMessage('MSH|^~\\&|A|B|C|D|20250101||ADT^A01||P|2.5\rPID|1', { today: TODAY }).errors[0],
    ).toMatchObject({ field: 'MSH-10', code: 'hl7.controlId' });
    expect(
      parseAdtMessage('MSH|^~\\&|A|B|C|D|20250101||ADT^A01|1|P|3.0\rPID|1', { today: TODAY }).errors[0],
    ).toMatchObject({ field: 'MSH-12', code: 'hl7.version' });
  });
});

describe('parseAdtMessage — when the details were recorded, and A08 updates', () => {
  const message = (...segments: string[]) =>
    parseAdtMessage([HEADER, ...segments].join('\r'), { today: TODAY });
  const a08 = (msh7: string, ...segments: string[]) =>
    parseAdtMessage([`MSH|^~\\&|HIX|ZKH|OSTEOPAD|FLS|${msh7}||ADT^A08|U1|P|2.5`, ...segments].join('\r'), {
      today: TODAY,
    });
  const PID = 'PID|1||123^^^ZKH^PI||Jansen^Anna||19500101|F|||Dorpsstraat 2^^Utrecht^^3511AB^NL';

  it('dates a registration by EVN-2, else by MSH-7, as Dutch local time', () => {
    const withEvn = message(
      'EVN|A01|202503010830',
      'PID|1||1^^^ZKH^PI||Jansen||19500101|M',
      'DG1|1||S72.0^^I10||20250101',
    );
    expect(recordOf(withEvn.rows[0]).record.patient.recordedAt).toBe('2025-03-01T07:30:00.000Z');
    const withoutEvn = message('PID|1||1^^^ZKH^PI||Jansen||19500101|M', 'DG1|1||S72.0^^I10||20250101');
    expect(recordOf(withoutEvn.rows[0]).record.patient.recordedAt).toBe('2025-01-01T11:00:00.000Z');
  });

  it('keeps the fracture but warns when the timestamp cannot be read', () => {
    const result = message(
      'EVN|A01|2025-03-01',
      'PID|1||1^^^ZKH^PI||Jansen||19500101|M',
      'DG1|1||S72.0^^I10||20250101',
    );
    const row = recordOf(result.rows[0]);
    expect(row.record.patient.recordedAt).toBeUndefined();
    expect(row.warnings).toEqual([expect.objectContaining({ field: 'EVN-2', code: 'hl7.timestamp' })]);
  });

  it('hands on an A08 without a fracture as a patient update', () => {
    const result = a08('20250601100000', PID, 'DG1|1||I10^Hypertensie^I10||20250101');
    expect(result).toMatchObject({ status: 'accepted', rows: [] });
    expect(result.patientUpdate).toMatchObject({
      kind: 'patientUpdate',
      source: { format: 'hl7v2', row: 1, system: 'ZKH' },
      patient: {
        sourceId: '123',
        familyName: 'Jansen',
        address: { city: 'Utrecht', postalCode: '3511AB' },
        recordedAt: '2025-06-01T08:00:00.000Z',
      },
    });
  });

  it('passes over an A08 whose PID cannot be read or that does not say when it was recorded', () => {
    const broken = a08('20250601100000', 'PID|1||123^^^ZKH^PI||Jansen||nonsense|F');
    expect(broken).toMatchObject({ status: 'accepted', rows: [], errors: [] });
    expect(broken.patientUpdate).toBeUndefined();
    const undated = a08('', PID);
    expect(undated.patientUpdate).toBeUndefined();
  });

  it('takes only A08 as an update: an A01 without a fracture stays a plain acknowledgement', () => {
    const result = message(PID, 'DG1|1||I10^Hypertensie^I10||20250101');
    expect(result.patientUpdate).toBeUndefined();
  });

  it('the flat stream yields the update after the message rows', async () => {
    const text = [`MSH|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20250601100000||ADT^A08|U1|P|2.5`, PID].join('\r');
    const items = await collect(parseHl7Fractures(Readable.from([Buffer.from(text)]), { today: TODAY }));
    expect(items).toHaveLength(1);
    expect(items[0] !== undefined && isPatientUpdate(items[0])).toBe(true);
  });
});

describe('parseAdtMessage — deaths, codes and characters that are not text', () => {
  const message = (...segments: string[]) =>
    parseAdtMessage([HEADER, ...segments].join('\r'), { today: TODAY });
  const pid = (death29: string, death30: string) =>
    `PID|1||1^^^ZKH^PI||Jansen^Anna||19400101|F${'|'.repeat(21)}${death29}|${death30}`;

  it('reads the date of death (PID-29) and the death indicator (PID-30)', () => {
    const dated = message(pid('202505031200', 'Y'), 'DG1|1||S72.0^^I10||20250101');
    expect(recordOf(dated.rows[0]).record.patient.deceased).toEqual({ date: '2025-05-03' });
    const flagged = message(pid('', 'Y'), 'DG1|1||S72.0^^I10||20250101');
    expect(recordOf(flagged.rows[0]).record.patient.deceased).toEqual({});
    const alive = message(pid('', 'N'), 'DG1|1||S72.0^^I10||20250101');
    expect(recordOf(alive.rows[0]).record.patient.deceased).toBeUndefined();
    const conflicting = message(pid('20250503', 'N'), 'DG1|1||S72.0^^I10||20250101');
    expect(recordOf(conflicting.rows[0]).record.patient.deceased).toEqual({ date: '2025-05-03' });
    expect(recordOf(conflicting.rows[0]).warnings).toEqual([
      expect.objectContaining({ field: 'PID-30', code: 'patient.deceasedConflict' }),
    ]);
  });

  it('hands on a death in any message without a fracture as an update, without dating other details', () => {
    const result = message(pid('20250503', 'Y'), 'PV1|1|I');
    expect(result.status).toBe('accepted');
    expect(result.patientUpdate?.patient.deceased).toEqual({ date: '2025-05-03' });
    expect(result.patientUpdate?.patient.recordedAt).toBeUndefined();
  });

  it('keeps every code of DG1-3 and folds two diagnoses of one injury on one day', () => {
    const result = message(
      'PID|1||1^^^ZKH^PI||Jansen||19500101|M',
      'DG1|1||S52.5^Distale radiusfractuur^I10^65966004^Fracture of forearm^SCT||20250101',
      'DG1|2||443165006^Osteoporotic fracture of bone^SCT||20250101',
    );
    expect(result.rows).toHaveLength(1);
    expect(recordOf(result.rows[0]).record.fracture).toMatchObject({
      siteCode: 'radius_forearm_wrist',
      sourceCodes: [
        { system: 'icd10', code: 'S52.5', display: 'Distale radiusfractuur' },
        { system: 'snomed', code: '65966004', display: 'Fracture of forearm' },
        { system: 'snomed', code: '443165006', display: 'Osteoporotic fracture of bone' },
      ],
    });
  });

  it('refuses a message with a NUL character as a content error naming the field', () => {
    const result = message('PID|1||1^^^ZKH^PI||Jan\u0000sen||19500101|M', 'DG1|1||S72.0^^I10||20250101');
    expect(result.status).toBe('error');
    expect(result.controlId).toBe('M1');
    expect(result.errors).toEqual([expect.objectContaining({ field: 'PID-5', code: 'text.nul' })]);
  });
});
