import { describe, expect, it } from 'vitest';
import { bytesStream, collect, fixtureStream, rejectionOf } from '../testFixtures';
import { ImportFileError, type ImportRowError, type ParsedRow } from '../types';
import {
  parseCsvFractureBatches,
  parseCsvFractures,
  type CsvFileInfo,
  type CsvImportOptions,
} from './parseCsvFractures';

const TODAY = '2025-06-30';
const HEADER = 'patient_id,bsn,family_name,birth_date,sex,fracture_date,fracture_site';

async function parse(
  content: string | Uint8Array,
  options: Partial<CsvImportOptions> = {},
): Promise<ParsedRow[]> {
  return collect(parseCsvFractures(bytesStream(content), { today: TODAY, ...options }));
}

async function parseFixture(name: string, options: Partial<CsvImportOptions> = {}): Promise<ParsedRow[]> {
  return collect(parseCsvFractures(fixtureStream(`csv/${name}`), { today: TODAY, ...options }));
}

async function fileError(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

function errorsOf(row: ParsedRow | undefined): ImportRowError[] {
  if (row === undefined || row.ok) throw new Error(`expected a failed row, got ${JSON.stringify(row)}`);
  return row.errors;
}

function recordOf(row: ParsedRow | undefined) {
  if (row === undefined || !row.ok) throw new Error(`expected a record, got ${JSON.stringify(row)}`);
  return row;
}

describe('parseCsvFractures — valid files', () => {
  it('reads a UTF-8 comma file into complete registrations', async () => {
    const rows = await parseFixture('valid-utf8-comma.csv', { sourceSystem: 'HIX-UMC' });
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.ok)).toBe(true);
    expect(recordOf(rows[0]).record).toEqual({
      source: { format: 'csv', row: 1, line: 2, system: 'HIX-UMC' },
      patient: {
        sourceId: 'Z1000001',
        sourceSystem: 'HIX-UMC',
        bsn: '999900006',
        familyName: 'de Vries',
        givenNames: 'Anna Maria',
        initials: 'A.M.',
        birthDate: '1950-03-14',
        sex: 'female',
        address: { street: 'Dorpsstraat', houseNumber: '12', postalCode: '3511 AB', city: 'Utrecht' },
        phone: '0301234567',
        gp: { name: 'Dr. A. de Jong', agbCode: '01012345' },
      },
      fracture: {
        date: '2025-01-10',
        siteCode: 'femur_proximal',
        siteText: 'heupfractuur',
        icd10Code: 'S72.0',
        sourceCodes: [{ system: 'icd10', code: 'S72.0' }],
        encounterType: 'emergency',
        traumaMechanism: 'low',
        pathological: false,
      },
    });
    expect(recordOf(rows[0]).warnings).toEqual([]);
  });

  it('reads day-first dates, quoted fields with commas, and English and Dutch values', async () => {
    const rows = await parseFixture('valid-utf8-comma.csv');
    const second = recordOf(rows[1]).record;
    expect(second.patient).toMatchObject({
      birthDate: '1948-11-12',
      sex: 'male',
      address: { houseNumber: '3a' },
    });
    expect(second.fracture).toMatchObject({
      date: '2025-02-03',
      siteCode: 'radius_forearm_wrist',
      encounterType: 'outpatient',
      pathological: false,
    });
    const third = recordOf(rows[2]).record;
    expect(third.patient.bsn).toBeUndefined();
    expect(third.patient).toMatchObject({
      sourceId: 'Z1000003',
      familyName: 'Bakker, van den',
      address: { street: 'Laan van Nieuw-Oost, 1' },
    });
    expect(third.fracture).toMatchObject({
      siteCode: 'spine_thoracolumbar',
      encounterType: 'inpatient',
      pathological: null,
    });
    expect(recordOf(rows[3]).record.fracture).toMatchObject({
      siteCode: 'toes',
      encounterType: 'emergency',
      traumaMechanism: 'unknown',
    });
  });

  it('keeps fractures whose site is unknown, with siteCode null and a warning', async () => {
    const rows = await parseFixture('valid-utf8-comma.csv');
    const osteoporotic = recordOf(rows[4]);
    expect(osteoporotic.record.fracture).toMatchObject({ siteCode: null, icd10Code: 'M80.08' });
    expect(osteoporotic.warnings).toEqual([
      expect.objectContaining({ row: 5, field: 'icd10', code: 'site.unresolved' }),
    ]);
    const sesamoid = recordOf(rows[5]);
    expect(sesamoid.record.fracture).toMatchObject({ siteCode: null, siteText: 'sesamoïd hallux' });
    expect(sesamoid.record.patient.birthDate).toBe('1952-02-29');
  });

  it('reads a Windows-1252 file with ";" and Dutch headers (Müller, Çelik, Gödel, Zoë)', async () => {
    let info: CsvFileInfo | undefined;
    const rows = await parseFixture('valid-windows1252-semicolon.csv', { onFileInfo: (i) => (info = i) });
    expect(info).toMatchObject({ encoding: 'windows-1252', encodingDetectedBy: 'sniff', separator: ';' });
    expect(info?.columns[0]).toBe('Patiëntnummer');
    expect(rows.map((r) => recordOf(r).record.patient.familyName)).toEqual([
      'Müller',
      'Çelik',
      'Gödel',
      'de Wit-Zoë',
    ]);
    expect(recordOf(rows[0]).record.patient).toMatchObject({
      givenNames: 'Jürgen',
      gp: { name: 'Dr. Ö. Öztürk', agbCode: '01034567' },
    });
    expect(recordOf(rows[1]).record.patient.gp?.name).toBe('Huisartsenpraktijk Zoë');
    expect(recordOf(rows[3]).record.fracture).toMatchObject({
      siteCode: 'pelvis',
      pathological: true,
      encounterType: 'inpatient',
    });
  });

  it('gives the same rows through the batched API', async () => {
    const flat = await parseFixture('valid-utf8-comma.csv');
    const batches = await collect(
      parseCsvFractureBatches(fixtureStream('csv/valid-utf8-comma.csv'), { today: TODAY }),
    );
    expect(batches.flat()).toEqual(flat);
  });
});

describe('parseCsvFractures — file-level defects (fixtures)', () => {
  it('UTF-16 file', async () => {
    const error = await fileError(parseFixture('utf16.csv'));
    expect(error.code).toBe('file.utf16');
    expect(error.message).toMatch(/UTF-16.*Save it as UTF-8 or Windows-1252/);
  });

  it('missing required columns are named', async () => {
    const error = await fileError(parseFixture('missing-column.csv'));
    expect(error.code).toBe('csv.missingColumns');
    expect(error.message).toBe('Missing required columns: birth_date, fracture_date.');
    expect(error.details).toEqual(['birth_date', 'fracture_date']);
  });

  it('duplicated columns are named with their spellings', async () => {
    const error = await fileError(parseFixture('duplicated-column.csv'));
    expect(error.code).toBe('csv.duplicateColumns');
    expect(error.message).toContain('"bsn" and "BSN" (both mean bsn)');
    expect(error.message).toContain('"family_name" and "achternaam" (both mean family_name)');
  });

  it('unknown columns are rejected unless ignored on purpose', async () => {
    const error = await fileError(parseFixture('unknown-column.csv'));
    expect(error.code).toBe('csv.unknownColumns');
    expect(error.message).toContain('"pathologisch_fractuur_jn"');
    const rows = await parseFixture('unknown-column.csv', { ignoreColumns: ['Pathologisch_fractuur_JN'] });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.ok).toBe(true);
  });

  it('empty file', async () => {
    expect(await fileError(parseFixture('empty.csv'))).toMatchObject({
      code: 'file.empty',
      message: 'The file is empty.',
    });
  });

  it('header only', async () => {
    expect(await fileError(parseFixture('header-only.csv'))).toMatchObject({
      code: 'csv.noRows',
      message: 'The file has a header line but no data rows.',
    });
  });

  it('binary garbage', async () => {
    const error = await fileError(parseFixture('binary-garbage.csv'));
    expect(error.code).toBe('file.binary');
    expect(error.message).toContain('PNG image');
  });
});

describe('parseCsvFractures — row-level defects (fixtures)', () => {
  it('invalid and future dates name row, column and reason', async () => {
    const rows = await parseFixture('invalid-and-future-dates.csv');
    expect(rows.map((r) => (r.ok ? [] : r.errors.map((e) => [e.row, e.field, e.code])))).toEqual([
      [[1, 'birth_date', 'date.impossible']],
      [[2, 'fracture_date', 'date.impossible']],
      [[3, 'fracture_date', 'date.future']],
      [[4, 'birth_date', 'date.format']],
      [[5, 'fracture_date', 'date.format']],
      [[6, 'birth_date', 'date.tooOld']],
    ]);
    expect(errorsOf(rows[0])[0]?.message).toBe('31-02-1950 does not exist in the calendar');
    expect(errorsOf(rows[2])[0]?.message).toBe(
      'fracture date 2031-05-05 is in the future (today is 2025-06-30)',
    );
    expect(errorsOf(rows[4])[0]?.message).toContain('"01-02-25" is not a date');
    expect(errorsOf(rows[5])[0]?.message).toBe('birth date 1890-06-01 is more than 120 years ago');
  });

  it('BSNs failing the elfproef, malformed or missing', async () => {
    const rows = await parseFixture('bsn-elfproef.csv');
    expect(rows.map((r) => errorsOf(r).map((e) => [e.row, e.field, e.code]))).toEqual([
      [[1, 'bsn', 'bsn.elfproef']],
      [[2, 'bsn', 'bsn.elfproef']],
      [[3, 'bsn', 'bsn.allZero']],
      [[4, 'bsn', 'bsn.format']],
      [[5, 'bsn', 'patient.identifierMissing']],
    ]);
    expect(errorsOf(rows[0])[0]?.message).toBe('BSN 999900007 fails the elfproef (eleven test)');
    expect(errorsOf(rows[1])[0]?.message).toContain('012345678');
  });

  it('birth date after the fracture date', async () => {
    const [row] = await parseFixture('birth-after-fracture.csv');
    expect(errorsOf(row)).toEqual([
      {
        row: 1,
        line: 2,
        field: 'birth_date',
        code: 'date.birthAfterFracture',
        message: 'birth date 1980-05-01 is after the fracture date 1979-12-31',
      },
    ]);
  });
});

describe('parseCsvFractures — values and structure', () => {
  it('reports every error of a row at once', async () => {
    const [row] = await parse(
      `${HEADER},encounter_type,trauma_mechanism,pathological\n,,,gisteren,X?,2025-01-01,,ziekenhuis,middel,misschien\n`,
    );
    expect(errorsOf(row).map((e) => [e.field, e.code])).toEqual([
      ['bsn', 'patient.identifierMissing'],
      ['family_name', 'field.required'],
      ['birth_date', 'date.format'],
      ['sex', 'sex.value'],
      ['fracture_site', 'site.missing'],
    ]);
    const [values] = await parse(
      `${HEADER},encounter_type,trauma_mechanism,pathological\nZ1,,Jansen,1950-01-01,M,2025-01-01,pols,ziekenhuis,middel,misschien\n`,
    );
    expect(errorsOf(values).map((e) => [e.field, e.code])).toEqual([
      ['encounter_type', 'encounterType.value'],
      ['trauma_mechanism', 'traumaMechanism.value'],
      ['pathological', 'pathological.value'],
    ]);
    expect(errorsOf(values)[0]?.message).toContain(
      '"ziekenhuis" is not a known encounter type; use one of seh, ed',
    );
  });

  it('uses the header spelling of the file in error fields', async () => {
    const [row] = await parse(
      'Patiëntnummer;Achternaam;Geboortedatum;Geslacht;Fractuurdatum;Locatie\n1;Jansen;31-02-1950;V;2025-01-01;pols\n',
    );
    expect(errorsOf(row)[0]).toMatchObject({ field: 'Geboortedatum', code: 'date.impossible' });
  });

  it('refuses a row with the wrong number of values, and an unclosed quote', async () => {
    const rows = await parse(
      `${HEADER}\nZ1,999900006,Jansen,1950-01-01,M,2025-01-01\nZ2,,"Jansen,1950-01-01,M,2025-01-01,pols\n`,
    );
    expect(errorsOf(rows[0])).toEqual([
      {
        row: 1,
        line: 2,
        field: '*',
        code: 'csv.fieldCount',
        message: 'has 6 values but the header has 7 columns',
      },
    ]);
    expect(errorsOf(rows[1])[0]).toMatchObject({ row: 2, line: 3, code: 'csv.unclosedQuote' });
  });

  it('counts blank lines as rows (so row N stays line N + 1) but yields nothing for them', async () => {
    const rows = await parse(
      `${HEADER}\nZ1,,Jansen,1950-01-01,M,2025-01-01,pols\n\n,,,,,,\nZ2,,Jansen,1950-01-01,M,2025-01-01,pols\n`,
    );
    expect(rows.map((r) => (r.ok ? r.record.source.row : r.row))).toEqual([1, 4]);
  });

  it('tracks physical lines across quoted line breaks', async () => {
    const rows = await parse(
      `${HEADER},street\nZ1,,Jansen,1950-01-01,M,2025-01-01,pols,"Dorpsstraat\n12"\nZ2,,Jansen,1950-01-01,M,2025-01-01,pols,x\n`,
    );
    expect(recordOf(rows[1]).record.source).toMatchObject({ row: 2, line: 4 });
    expect(recordOf(rows[0]).record.patient.address?.street).toBe('Dorpsstraat\n12');
  });

  it('refuses values longer than the column allows', async () => {
    const [row] = await parse(`${HEADER}\nZ1,,${'x'.repeat(201)},1950-01-01,M,2025-01-01,pols\n`);
    expect(errorsOf(row)).toEqual([
      expect.objectContaining({
        field: 'family_name',
        code: 'field.tooLong',
        message: 'is 201 characters long; the maximum is 200',
      }),
    ]);
  });

  it('refuses a value under a column without a header name', async () => {
    const ok = await parse(`${HEADER},\nZ1,,Jansen,1950-01-01,M,2025-01-01,pols,\n`);
    expect(ok[0]?.ok).toBe(true);
    const [row] = await parse(`${HEADER},\nZ1,,Jansen,1950-01-01,M,2025-01-01,pols,oeps\n`);
    expect(errorsOf(row)).toEqual([
      expect.objectContaining({ field: 'column 8', code: 'csv.unnamedColumn' }),
    ]);
  });

  it('keeps a row with a malformed GP AGB code, without the code, and warns', async () => {
    const [row] = await parse(
      `${HEADER},gp_name,gp_agb\nZ1,,Jansen,1950-01-01,M,2025-01-01,pols,Dr. X,123\n`,
    );
    const parsed = recordOf(row);
    expect(parsed.record.patient.gp).toEqual({ name: 'Dr. X' });
    expect(parsed.warnings).toEqual([expect.objectContaining({ field: 'gp_agb', code: 'agb.format' })]);
  });
});

describe('parseCsvFractures — fracture site', () => {
  const header =
    'patient_id,family_name,birth_date,sex,fracture_date,site_code,icd10,fracture_site,pathological';
  const row = (site: string) => `${header}\nZ1,Jansen,1950-01-01,V,2025-01-01,${site}\n`;

  it('prefers the site code over ICD-10 over text, and warns when they disagree', async () => {
    const [parsed] = await parse(row('femur_other,S72.0,heup,'));
    expect(recordOf(parsed).record.fracture.siteCode).toBe('femur_other');
    const warnings = recordOf(parsed).warnings;
    expect(warnings.map((w) => [w.field, w.code])).toEqual([['site_code', 'site.conflict']]);
    expect(warnings[0]?.message).toContain('icd10 says femur_proximal');
  });

  it('falls back to ICD-10 when the site code is unknown', async () => {
    const [parsed] = await parse(row('heup_links,S72.1,,'));
    expect(recordOf(parsed).record.fracture.siteCode).toBe('femur_proximal');
    expect(recordOf(parsed).warnings.map((w) => w.code)).toEqual(['siteCode.unknown']);
  });

  it('refuses a malformed ICD-10 code but keeps a non-fracture one with a warning', async () => {
    const [bad] = await parse(row(',heup,,'));
    expect(errorsOf(bad)).toEqual([expect.objectContaining({ field: 'icd10', code: 'icd10.format' })]);
    const [other] = await parse(row(',M81.0,pols,'));
    expect(recordOf(other).record.fracture).toMatchObject({
      siteCode: 'radius_forearm_wrist',
      icd10Code: 'M81.0',
    });
    expect(recordOf(other).warnings.map((w) => w.code)).toEqual(['icd10.notFracture']);
  });

  it('takes pathological from the ICD-10 code when the column is empty', async () => {
    const [parsed] = await parse(row(',M84.43,,'));
    expect(recordOf(parsed).record.fracture).toMatchObject({
      siteCode: 'radius_forearm_wrist',
      pathological: true,
    });
  });

  it('records pathological as unknown when the column says no but the code says pathological', async () => {
    const [parsed] = await parse(row(',C79.5,pols,nee'));
    expect(recordOf(parsed).record.fracture.pathological).toBeNull();
    expect(recordOf(parsed).warnings.map((w) => w.code)).toEqual(['pathological.conflict']);
  });
});

describe('parseCsvFractures — encodings and separators', () => {
  const header = 'patient_id;family_name;birth_date;sex;fracture_date;fracture_site\n';

  it('reports rows with invalid UTF-8 after the sniffed 64 KB, telling the user to pass windows-1252', async () => {
    const good = 'Z1;Jansen;1950-01-01;V;2025-01-01;pols\n';
    const filler = good.repeat(Math.ceil(70_000 / good.length));
    const bad = Buffer.from('Z2;M\xfcller;1950-01-01;V;2025-01-01;pols\n', 'latin1');
    const rows = await parse(Buffer.concat([Buffer.from(header + filler), bad]));
    const last = rows.at(-1);
    expect(errorsOf(last).map((e) => [e.field, e.code])).toEqual([['family_name', 'encoding.invalidBytes']]);
    expect(errorsOf(last)[0]?.message).toContain('windows-1252');
    expect(rows.slice(0, -1).every((r) => r.ok)).toBe(true);
  });

  it('reports the same when UTF-8 is forced on a Windows-1252 file', async () => {
    const content = Buffer.from(
      `${header}Z1;G\xf6del;1950-01-01;V;2025-01-01;pols\nZ2;Jansen;1950-01-01;V;2025-01-01;pols\n`,
      'latin1',
    );
    const rows = await parse(content, { encoding: 'utf-8' });
    expect(errorsOf(rows[0])[0]).toMatchObject({
      row: 1,
      field: 'family_name',
      code: 'encoding.invalidBytes',
    });
    expect(rows[1]?.ok).toBe(true);
  });

  it('refuses a header that cannot be decoded in the forced encoding', async () => {
    const content = Buffer.from('Pati\xebntnummer;achternaam\n', 'latin1');
    const error = await fileError(parse(content, { encoding: 'utf-8' }));
    expect(error).toMatchObject({ code: 'encoding.invalidBytes' });
    expect(error.message).toContain('windows-1252');
  });

  it('detects the separator from the header, or takes it from the options', async () => {
    let info: CsvFileInfo | undefined;
    await parse(`${header}Z1;Jansen;1950-01-01;V;2025-01-01;"pols, links"\n`, {
      onFileInfo: (i) => (info = i),
    });
    expect(info?.separator).toBe(';');
    const forced = await fileError(
      parse(`${header}Z1;Jansen;1950-01-01;V;2025-01-01;pols\n`, { separator: ',' }),
    );
    expect(forced).toMatchObject({ code: 'csv.unknownColumns' });
  });

  it('refuses a header without separators, naming tabs when it sees them', async () => {
    const tabs = await fileError(parse('patient_id\tfamily_name\n1\tx\n'));
    expect(tabs.code).toBe('csv.separator');
    expect(tabs.message).toContain('tabs');
    expect(await fileError(parse('just some text\n'))).toMatchObject({ code: 'csv.separator' });
  });

  it('reads files with old-Mac CR line endings', async () => {
    const rows = await parse(
      `${header.trim()}\rZ1;Jansen;1950-01-01;V;2025-01-01;pols\rZ2;Smit;1950-01-01;V;2025-01-01;heup\r`,
    );
    expect(rows.map((r) => recordOf(r).record.fracture.siteCode)).toEqual([
      'radius_forearm_wrist',
      'femur_proximal',
    ]);
  });

  it('gives the same rows whatever the chunk size of the input', async () => {
    const content = `${header}Z1;Jansen;1950-01-01;V;2025-01-01;"pols;\nlinks"\r\nZ2;Zoë;1950-01-01;V;2025-01-01;heup\n`;
    const whole = await parse(content);
    for (const size of [1, 3, 17]) {
      expect(await collect(parseCsvFractures(bytesStream(content, size), { today: TODAY }))).toEqual(whole);
    }
  });

  it('refuses a malformed today option as a programming error', async () => {
    await expect(parse(header, { today: '30-06-2025' })).rejects.toThrow(TypeError);
  });
});

describe('parseCsvFractures — deaths and characters that are not text', () => {
  const DEATH_HEADER = `${HEADER},overleden,overlijdensdatum`;

  it('reads the deceased columns: a date alone, yes alone, no, and their conflicts', async () => {
    const rows = await parse(
      [
        DEATH_HEADER,
        'P1,,Jansen,1940-01-01,V,2025-01-05,heup,,2025-03-01',
        'P2,,Bakker,1940-01-01,V,2025-01-05,heup,ja,',
        'P3,,Visser,1940-01-01,V,2025-01-05,heup,nee,',
        'P4,,Smit,1940-01-01,V,2025-01-05,heup,nee,2025-03-01',
        'P5,,Mol,1940-01-01,V,2025-01-05,heup,,2026-01-01',
        'P6,,Bos,1940-01-01,V,2025-01-05,heup,misschien,',
      ].join('\n'),
    );
    expect(recordOf(rows[0]).record.patient.deceased).toEqual({ date: '2025-03-01' });
    expect(recordOf(rows[1]).record.patient.deceased).toEqual({});
    expect(recordOf(rows[2]).record.patient.deceased).toBeUndefined();
    expect(errorsOf(rows[3])).toEqual([
      expect.objectContaining({ field: 'overleden', code: 'deceased.conflict' }),
    ]);
    expect(errorsOf(rows[4])).toEqual([
      expect.objectContaining({ field: 'overlijdensdatum', code: 'date.future' }),
    ]);
    expect(errorsOf(rows[5])).toEqual([
      expect.objectContaining({ field: 'overleden', code: 'deceased.value' }),
    ]);
  });

  it('refuses a row with a NUL character, naming the column, and reads the rows around it', async () => {
    const rows = await parse(
      [
        HEADER,
        'P1,,Jansen,1940-01-01,V,2025-01-05,heup',
        'P2,,Bak\u0000ker,1940-01-01,V,2025-01-05,heup',
        'P3,,Visser,1940-01-01,V,2025-01-05,heup',
      ].join('\n'),
    );
    expect(rows.map((r) => r.ok)).toEqual([true, false, true]);
    expect(errorsOf(rows[1])).toEqual([
      expect.objectContaining({ row: 2, field: 'family_name', code: 'text.nul' }),
    ]);
  });

  it('keeps the codes of a row as its source codes', async () => {
    const rows = await parse(`${HEADER},icd10,snomed\nP1,,Jansen,1940-01-01,V,2025-01-05,,S7200,5913000\n`);
    expect(recordOf(rows[0]).record.fracture.sourceCodes).toEqual([
      { system: 'icd10', code: 'S72.00' },
      { system: 'snomed', code: '5913000' },
    ]);
  });
});
