// Writes N realistic, valid fracture rows (deterministic for a seed) for benchmarks and load tests.
//   npx tsx packages/server/src/imports/csv/generateFixture.ts 1000000 > /tmp/fractures.csv
//   npx tsx packages/server/src/imports/csv/generateFixture.ts 1000 --separator ';' --seed 7
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { bsnCheckDigit } from '../../../patients/bsn';

export interface FixtureOptions {
  seed?: number;
  separator?: ',' | ';';
  /** Fracture dates fall in the two years before this date (no clock here). */
  today?: string;
  /** Rows per yielded chunk. */
  batchSize?: number;
}

export const FIXTURE_HEADER = [
  'patient_id',
  'bsn',
  'family_name',
  'given_names',
  'initials',
  'birth_date',
  'sex',
  'street',
  'house_number',
  'postal_code',
  'city',
  'phone',
  'gp_name',
  'gp_agb',
  'fracture_date',
  'fracture_site',
  'icd10',
  'encounter_type',
  'trauma_mechanism',
  'pathological',
] as const;

const FAMILY_NAMES = [
  'de Vries',
  'Jansen',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Müller',
  'Çelik',
  'Yılmaz',
  'El Amrani',
  'Nguyen',
  "D'Souza",
];
const FEMALE_NAMES = [
  'Maria',
  'Johanna',
  'Anna',
  'Cornelia',
  'Wilhelmina',
  'Elisabeth',
  'Geertruida',
  'Zoë',
  'Fatima',
  'Henriëtte',
];
const MALE_NAMES = [
  'Johannes',
  'Cornelis',
  'Hendrik',
  'Jan',
  'Willem',
  'Pieter',
  'Gerrit',
  'Mohammed',
  'Jürgen',
  'Kees',
];
const STREETS = [
  'Dorpsstraat',
  'Kerkstraat',
  'Stationsweg',
  'Molenweg',
  'Schoolstraat',
  'Julianalaan',
  'Beatrixstraat',
  'Nieuwe Gracht',
];
const CITIES = [
  'Utrecht',
  'Amersfoort',
  'Zeist',
  'Nieuwegein',
  'Houten',
  'IJsselstein',
  'Bunnik',
  "'s-Hertogenbosch",
];
const GPS = ['Dr. A. de Jong', 'H.J. Verbeek', 'M. Öztürk', 'Huisartsenpraktijk De Linde'];
const SITES: readonly (readonly [text: string, icd10: string])[] = [
  ['heupfractuur', 'S72.0'],
  ['distale radius', 'S52.5'],
  ['wervelfractuur L1', 'S32.0'],
  ['proximale humerus', 'S42.2'],
  ['enkel', 'S82.6'],
  ['bekken', 'S32.5'],
  ['rib', 'S22.3'],
  ['', 'S62.3'],
  ['pertrochantere femurfractuur', ''],
  ['teen', 'S92.5'],
];
const ENCOUNTERS = ['SEH', 'poli', 'opname', 'ED', 'outpatient', 'inpatient'];
const MECHANISMS = ['laag', 'laag', 'laag', 'hoog', 'onbekend', ''];

/** mulberry32: tiny, fast, good enough for fixtures. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function csvField(value: string, separator: string): string {
  return value.includes(separator) || value.includes('"') || value.includes('\n')
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/**
 * Valid, unique BSNs from 900000000 upwards: the 9-prefix is not issued to residents, so generated rows never
 * collide with a real person.
 */
function* testBsns(): Generator<string> {
  for (let base = 90000000; base <= 99999999; base++) {
    const digits = String(base);
    const check = bsnCheckDigit(digits);
    if (check !== null) yield digits + String(check);
  }
}

export function* fractureCsvChunks(rows: number, options: FixtureOptions = {}): Generator<string> {
  const random = seededRandom(options.seed ?? 20240101);
  const separator = options.separator ?? ',';
  const todayYear = Number((options.today ?? '2025-06-30').slice(0, 4));
  const batchSize = options.batchSize ?? 2000;
  const bsns = testBsns();
  let chunk = FIXTURE_HEADER.join(separator) + '\n';
  for (let i = 1; i <= rows; i++) {
    const female = random() < 0.7;
    const birthYear = todayYear - 50 - Math.floor(random() * 45);
    const fractureYear = todayYear - 1 - Math.floor(random() * 2);
    const birth = `${birthYear}-${pad2(1 + Math.floor(random() * 12))}-${pad2(1 + Math.floor(random() * 28))}`;
    const fractureDay = pad2(1 + Math.floor(random() * 28));
    const fractureMonth = pad2(1 + Math.floor(random() * 12));
    const fracture =
      i % 2 === 0
        ? `${fractureYear}-${fractureMonth}-${fractureDay}`
        : `${fractureDay}-${fractureMonth}-${fractureYear}`;
    const [siteText, icd10] = pick(SITES, random);
    const given = pick(female ? FEMALE_NAMES : MALE_NAMES, random);
    const bsn = bsns.next();
    const fields = [
      `Z${String(1000000 + i)}`,
      bsn.done === true ? '' : bsn.value,
      pick(FAMILY_NAMES, random),
      given,
      `${given.charAt(0)}.`,
      birth,
      female ? 'V' : 'M',
      pick(STREETS, random),
      String(1 + Math.floor(random() * 250)),
      `${String(1000 + Math.floor(random() * 9000))} ${String.fromCharCode(65 + Math.floor(random() * 26))}${String.fromCharCode(65 + Math.floor(random() * 26))}`,
      pick(CITIES, random),
      `06${String(10000000 + Math.floor(random() * 89999999))}`,
      pick(GPS, random),
      `01${String(100000 + Math.floor(random() * 899999))}`,
      fracture,
      siteText,
      icd10,
      pick(ENCOUNTERS, random),
      pick(MECHANISMS, random),
      random() < 0.02 ? 'ja' : 'nee',
    ];
    chunk += fields.map((f) => csvField(f, separator)).join(separator) + '\n';
    if (i % batchSize === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

export function fractureCsvStream(rows: number, options: FixtureOptions = {}): Readable {
  return Readable.from(
    (function* () {
      for (const chunk of fractureCsvChunks(rows, options)) yield Buffer.from(chunk, 'utf8');
    })(),
  );
}

export async function writeFractureCsv(
  out: Writable,
  rows: number,
  options: FixtureOptions = {},
): Promise<void> {
  await pipeline(fractureCsvStream(rows, options), out);
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const rows = Number(process.argv[2] ?? '1000');
  const separator = argument('--separator') === ';' ? ';' : ',';
  const seed = Number(argument('--seed') ?? '20240101');
  await writeFractureCsv(process.stdout, rows, { separator, seed });
}
