// Every real input in ../shared/interop-samples/ (HL7 v2 and FHIR written by other projects, see SOURCES.md
// there) through the real importers and database, with the outcome SOURCES.md gives — and every HL7 sample
// over MLLP, where each must get an answer. The files are read where they are; none is copied here.
import { createReadStream, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseClinicalConfig, type ClinicalConfig } from '@osteopad/clinical';
import { createTestDatabase, type TestDatabase } from '../../test/testDatabase';
import { createOrganization } from '../../test/appHarness';
import { interopSample, interopSamplesAvailable } from '../../test/interopSamples';
import { cliSubject } from './channels/cli/cliSubject';
import { importRegistrations, type ImportSummary } from './pipeline/importRegistrations';
import { parseRegistrations } from './pipeline/parseRegistrations';
import type { MllpListener } from './channels/mllp/mllpListener';
import { MllpFrameReader, frameMessage, VT } from './channels/mllp/mllpFrames';
import { startTestMllpListener } from '../../test/mllpTestListener';

const TODAY = '2026-12-01';
const NOW = new Date('2026-12-01T10:00:00Z');

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

/** The default configuration with a longer invitation window (SOURCES.md names the window each outcome needs). */
function withWindow(months: number): ClinicalConfig {
  return parseClinicalConfig(
    JSON.stringify({ version: 'samples', values: { 'eligibility.recentFractureWindowMonths': months } }),
  );
}

interface Imported {
  summary: ImportSummary;
  organizationId: string;
}

let orgCounter = 0;
async function importSample(
  format: 'hl7v2' | 'fhir',
  path: readonly string[],
  config: ClinicalConfig = DEFAULT_CONFIG,
): Promise<Imported> {
  const org = await createOrganization(db, `Samples ${++orgCounter}`, 0);
  const summary = await importRegistrations(
    db.app.db,
    parseRegistrations(format, createReadStream(interopSample(...path)), {
      today: TODAY,
      sourceSystem: 'HIS',
    }),
    {
      organizationId: org.id,
      subject: cliSubject(org.id, 'samples'),
      format,
      channel: 'cli',
      fileName: path.join('/'),
      skipInvalid: false,
      today: TODAY,
      clock: () => NOW,
      config,
    },
  );
  return { summary, organizationId: org.id };
}

async function fracturesOf(organizationId: string) {
  const r = await db.owner.query<{
    fracture_date: string;
    site_code: string | null;
    eligibility: string;
    source_codes: { system: string; code: string }[];
    snomed_code: string;
  }>(
    `SELECT fracture_date::text, site_code, eligibility::text, source_codes, snomed_code
       FROM fracture_events WHERE organization_id = $1 ORDER BY fracture_date`,
    [organizationId],
  );
  return r.rows;
}

async function stored(organizationId: string, table: 'patients' | 'fracture_events' | 'episodes') {
  const r = await db.owner.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`,
    [organizationId],
  );
  return r.rows[0]?.n ?? -1;
}

/** HL7 samples with no fracture of a patient aged 50 or over: read, nothing stored, exit 0. */
const NOTHING_STORED = [
  'msfhirconv_ADT-A01-01.hl7',
  'msfhirconv_ADT01-23.hl7',
  'msfhirconv_ADT04-251.hl7',
  'msfhirconv_ADT04-28.hl7',
  'hapi_testMisplacedAl1_ADT_A04_DG1_textonly.hl7',
  'pythonhl7_sample_file_FHS_BHS_ADT_A04.hl7',
  'pythonhl7_sample_msh_cerner_ADT_A01.hl7',
  'hl7apy_adt_a01_v26.hl7',
  'nodehl7client_dutch_ADT_A08_zis_capelle.hl7',
  'elixirhl7_wikipedia_ADT_A01.hl7',
  'elixirhl7_wikipedia_ADT_A01_alt_delimiters.hl7',
  'uclh_emap_A01.txt',
];

/** HL7 samples of a message type Osteopad does not take: the file is refused as a whole (exit 2). */
const REFUSED_TYPES: readonly (readonly [string, string])[] = [
  ['hapi_adt_a03.txt', 'ADT^A03'],
  ['hapi_segmentfinder_a24.hl7', 'ADT^A24'],
  ['hl7apy_zdt_z01_custom.hl7', 'ZDT^Z01'],
  ['nodehl7client_french_ADT_A03_LF.hl7', 'ADT^A03'],
  ['orthanctools_message3_ORM_DG1_ankle_fracture_mllp.hl7', 'ORM^O01'],
  ['elixirhl7_nist_syndromic_ADT_A03.hl7', 'ADT^A03'],
];

describe.skipIf(!interopSamplesAvailable)('real HL7 v2 samples through the file import', () => {
  it.each(NOTHING_STORED)('%s: read without error, nothing stored', async (file) => {
    const { summary, organizationId } = await importSample('hl7v2', ['hl7v2', file]);
    expect(summary.errors).toEqual([]);
    expect(summary).toMatchObject({ status: 'succeeded', imported: 0, invalid: 0 });
    expect(await stored(organizationId, 'patients')).toBe(0);
  });

  it.each(REFUSED_TYPES)('%s: refused as a whole, naming %s', async (file, type) => {
    const { summary, organizationId } = await importSample('hl7v2', ['hl7v2', file]);
    expect(summary.status).toBe('rejected');
    expect(summary.errors).toEqual([expect.objectContaining({ row: 0, code: 'hl7.noSupportedMessages' })]);
    expect(summary.errors[0]?.message).toContain(type);
    expect(await stored(organizationId, 'patients')).toBe(0);
  });

  it('covers every HL7 sample in the shared folder', async () => {
    const { readdirSync } = await import('node:fs');
    const listed = new Set([...NOTHING_STORED, ...REFUSED_TYPES.map(([f]) => f)]);
    expect(readdirSync(interopSample('hl7v2')).filter((f) => !listed.has(f))).toEqual([]);
  });
});

interface FhirCase {
  file: string;
  /** Stored fractures in date order: [date, site, eligibility]. */
  fractures: readonly (readonly [string, string | null, string])[];
  windowMonths?: number;
}

const SYNTHEA: readonly FhirCase[] = [
  {
    file: 'synthea_Lonnie_Von_28fbf0c8-5a9c-4781-b79f-f6118c3e2816.json',
    fractures: [
      ['1955-10-06', 'radius_forearm_wrist', 'excluded'],
      ['2021-02-12', 'radius_forearm_wrist', 'excluded'],
    ],
  },
  {
    file: 'synthea_Lonnie_Von_28fbf0c8-5a9c-4781-b79f-f6118c3e2816.json',
    windowMonths: 72,
    fractures: [
      ['1955-10-06', 'radius_forearm_wrist', 'excluded'],
      ['2021-02-12', 'radius_forearm_wrist', 'eligible'],
    ],
  },
  {
    file: 'synthea_Tamatha_Witting_55a37df6-b780-4272-8d51-499be0e7df86.json',
    fractures: [['2013-06-29', 'radius_forearm_wrist', 'excluded']],
  },
  {
    file: 'synthea_Kathe_Zieme_646ca118-b7c4-45d3-b1a4-f01e8973873b.json',
    fractures: [['2016-01-03', 'femur_proximal', 'excluded']],
  },
  {
    file: 'synthea_Elisha_Bradtke_3aea739a-56f4-490a-ba74-7b46ee99e721.json',
    fractures: [['2017-08-14', 'radius_forearm_wrist', 'excluded']],
  },
  {
    file: 'synthea_Man_Schamberger_658406c8-d60a-4fce-85c0-602a712aaa86.json',
    fractures: [['2011-06-05', 'clavicle', 'excluded']],
  },
  {
    file: 'synthea_Adán_Portillo_22bbe238-220e-495c-8abc-0ce3aa28a605.json',
    fractures: [
      ['2011-09-30', 'ankle', 'excluded'],
      ['2018-04-26', 'radius_forearm_wrist', 'excluded'],
    ],
  },
  {
    file: 'synthea_Adán_Portillo_22bbe238-220e-495c-8abc-0ce3aa28a605.json',
    windowMonths: 120,
    fractures: [
      ['2011-09-30', 'ankle', 'excluded'],
      ['2018-04-26', 'radius_forearm_wrist', 'eligible'],
    ],
  },
  {
    file: 'synthea_Isaura_Dietrich_633c1ef2-5e5f-479d-99b4-b5f49e6c33b2.json',
    fractures: [['2002-02-19', 'femur_proximal', 'excluded']],
  },
  {
    file: 'synthea_Louis_Erdman_55bbe118-e08d-4408-86e5-6084457500d4.json',
    fractures: [['2018-04-13', 'sternum_ribs', 'excluded']],
  },
];

describe.skipIf(!interopSamplesAvailable)('real FHIR samples through the file import', () => {
  it.each(
    SYNTHEA.map(
      (c) =>
        [`${c.file}${c.windowMonths === undefined ? '' : ` (${c.windowMonths}-month window)`}`, c] as const,
    ),
  )('%s', async (_name, c) => {
    const config = c.windowMonths === undefined ? DEFAULT_CONFIG : withWindow(c.windowMonths);
    const { summary, organizationId } = await importSample('fhir', ['fhir', c.file], config);
    expect(summary.errors).toEqual([]);
    expect(summary.status).toBe('succeeded');
    const fractures = await fracturesOf(organizationId);
    expect(fractures.map((f) => [f.fracture_date, f.site_code, f.eligibility])).toEqual(c.fractures);
    const eligible = c.fractures.filter(([, , e]) => e === 'eligible').length;
    expect(await stored(organizationId, 'episodes')).toBe(eligible);
  });

  it('one injury coded twice on one day is one fracture with both codes (Lonnie Von 2021, Adán Portillo)', async () => {
    for (const file of [SYNTHEA[0]?.file ?? '', SYNTHEA[6]?.file ?? '']) {
      const { organizationId } = await importSample('fhir', ['fhir', file]);
      const fractures = await fracturesOf(organizationId);
      const withOsteoporosis = fractures.filter((f) => f.source_codes.some((s) => s.code === '443165006'));
      expect(withOsteoporosis.length).toBeGreaterThan(0);
      for (const f of withOsteoporosis) expect(f.source_codes.length).toBe(2);
    }
  });

  it('keeps the unmapped SNOMED code of Tamatha Witting and warns about it', async () => {
    const { summary, organizationId } = await importSample('fhir', ['fhir', SYNTHEA[2]?.file ?? '']);
    expect(summary.warnings).toEqual([expect.objectContaining({ code: 'snomed.unmapped' })]);
    expect((await fracturesOf(organizationId))[0]).toMatchObject({
      snomed_code: '263102004',
      source_codes: [expect.objectContaining({ system: 'snomed', code: '263102004' })],
    });
  });

  it('stores the death of Isaura Dietrich (never invited)', async () => {
    const { organizationId } = await importSample('fhir', ['fhir', SYNTHEA[8]?.file ?? '']);
    const r = await db.owner.query<{ deceased: boolean; deceased_date: string }>(
      `SELECT deceased, deceased_date::text FROM patients WHERE organization_id = $1`,
      [organizationId],
    );
    expect(r.rows).toEqual([{ deceased: true, deceased_date: '2008-12-25' }]);
  });

  it.each([
    ['fhirpathjs_r4_patient-example.json', 'fhir.notBundle'],
    ['mii_Condition-diagnose-condition-minimal_icd10gm_S50.0.json', 'fhir.notBundle'],
    ['nictiz_nl-core-Patient-01.xml', 'fhir.xml'],
    ['nictiz_nl-core-Problem-01.xml', 'fhir.xml'],
  ])('%s: refused with a clear file error (%s)', async (file, code) => {
    const { summary, organizationId } = await importSample('fhir', ['fhir', file]);
    expect(summary.status).toBe('rejected');
    expect(summary.errors).toEqual([expect.objectContaining({ row: 0, code })]);
    expect(await stored(organizationId, 'patients')).toBe(0);
  });

  it('fhirpathjs_r4_patient-bundle_searchset.json: three Patients without a fracture, nothing stored, exit 0', async () => {
    const { summary, organizationId } = await importSample('fhir', [
      'fhir',
      'fhirpathjs_r4_patient-bundle_searchset.json',
    ]);
    expect(summary).toMatchObject({ status: 'succeeded', rows: 0, imported: 0 });
    expect(await stored(organizationId, 'patients')).toBe(0);
  });

  it('covers every FHIR sample in the shared folder', async () => {
    const { readdirSync } = await import('node:fs');
    const listed = new Set([
      ...SYNTHEA.map((c) => c.file),
      'fhirpathjs_r4_patient-example.json',
      'mii_Condition-diagnose-condition-minimal_icd10gm_S50.0.json',
      'nictiz_nl-core-Patient-01.xml',
      'nictiz_nl-core-Problem-01.xml',
      'fhirpathjs_r4_patient-bundle_searchset.json',
    ]);
    expect(readdirSync(interopSample('fhir')).filter((f) => !listed.has(f))).toEqual([]);
  });
});

describe.skipIf(!interopSamplesAvailable)('real HL7 v2 samples over MLLP: every one gets its answer', () => {
  let listener: MllpListener;

  beforeAll(async () => {
    const org = await createOrganization(db, 'Samples MLLP', 0);
    listener = await startTestMllpListener(db.app.db, org.id, { now: NOW });
  });
  afterAll(async () => {
    await listener.close();
  });

  /** Sends the file as an interface engine would: its bytes in one frame (a capture that holds its frame as is). */
  async function answerTo(file: string): Promise<string> {
    const bytes = readFileSync(interopSample('hl7v2', file));
    const framed = bytes[0] === VT ? bytes : frameMessage(bytes.toString('utf8'));
    const socket = connect(listener.port, '127.0.0.1');
    const reader = new MllpFrameReader({ maxFrameBytes: 1 << 20 });
    try {
      return await new Promise<string>((resolve, reject) => {
        socket.on('data', (chunk: Buffer) => {
          const frame = reader.push(chunk).find((e) => e.kind === 'frame');
          if (frame?.kind === 'frame') resolve(frame.payload.toString('utf8'));
        });
        socket.on('error', reject);
        socket.on('close', () => {
          reject(new Error('closed without an answer'));
        });
        socket.write(framed);
      });
    } finally {
      socket.destroy();
    }
  }

  const codes = (ack: string) =>
    ack
      .split('\r')
      .filter((s) => s.startsWith('MSA'))
      .map((s) => s.split(s.charAt(3))[1]);

  it.each(NOTHING_STORED.filter((f) => !f.includes('FHS_BHS')))('%s: AA', async (file) => {
    expect(codes(await answerTo(file))).toEqual(['AA']);
  });

  it('the batch file is answered with a batch holding one AA', async () => {
    const ack = await answerTo('pythonhl7_sample_file_FHS_BHS_ADT_A04.hl7');
    expect(ack.startsWith('FHS')).toBe(true);
    expect(codes(ack)).toEqual(['AA']);
  });

  it.each(REFUSED_TYPES.map(([f]) => f))('%s: AR', async (file) => {
    expect(codes(await answerTo(file))).toEqual(['AR']);
  });
});
