// Throughput of the whole clinical pathway (assessPatient) on one core, over a varied, deterministic set of
// realistic FLS patients. Budget (DESIGN.md): ≥ 50,000 patients/s.
import {
  assessPatient,
  DEFAULT_CONFIG,
  DRUG_CODES,
  FRACTURE_SITE_CODES,
  configIdentity,
  type DrugCode,
  type FoodCode,
  type PatientInput,
} from '@osteopad/clinical';

const PATIENT_COUNT = 4000;
const WARM_UP_MS = 1500;
const MEASURE_MS = 3000;
const BUDGET = 50_000;
const TODAY = '2025-06-15';

/** Mulberry32: small, fast, seeded — the same patients on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isoDay(year: number, dayOfYear: number): string {
  const date = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return date.toISOString().slice(0, 10);
}

export function makePatients(count: number): PatientInput[] {
  const random = prng(20250615);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number): boolean => random() < p;
  const normal = (mean: number, sd: number): number => {
    const u = Math.max(random(), 1e-9);
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const round1 = (x: number): number => Math.round(x * 10) / 10;
  const tScore = (mean: number): number => Math.max(-6, Math.min(3, round1(normal(mean, 0.9))));
  const commonSites = [
    'radius_forearm_wrist',
    'femur_proximal',
    'humerus',
    'ankle',
    'spine_thoracolumbar',
    'metatarsals',
    'pelvis',
  ] as const;
  const foods: readonly FoodCode[] = [
    'milkGlass',
    'yoghurtPot',
    'cheeseSlice',
    'buttermilkGlass',
    'porridgeBowl',
    'wholemealBreadSlice',
  ];
  const patients: PatientInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const female = chance(0.72);
    const age = 50 + Math.floor(random() * 45);
    const birthDate = isoDay(2025 - age - 1, Math.floor(random() * 360));
    const fractureDate = isoDay(chance(0.85) ? 2025 : 2023, Math.floor(random() * 150));
    const site = chance(0.8)
      ? pick(commonSites)
      : chance(0.9)
        ? pick(FRACTURE_SITE_CODES)
        : pick(['skull', 'toes', 'sesamoid_hallux']);
    const onGc = chance(0.1);
    const lowest = normal(-1.9, 0.9);
    const drug: DrugCode | undefined = chance(0.45) ? pick(DRUG_CODES) : undefined;
    const servings: Partial<Record<FoodCode, number>> = {};
    for (let s = 0; s < 3; s += 1) servings[pick(foods)] = Math.floor(random() * 3);
    const patient: PatientInput = {
      ...(chance(0.9) ? { birthDate } : { ageYears: age }),
      sex: female ? 'female' : 'male',
      ...(female ? { menopausalStatus: chance(0.95) ? 'postmenopausal' : 'unknown' } : {}),
      weightKg: Math.round(normal(female ? 68 : 80, 12)),
      heightM: round1(normal(female ? 1.65 : 1.78, 0.07) * 10) / 10,
      fractures: [
        {
          date: fractureDate,
          site,
          mechanism: chance(0.92) ? 'lowEnergy' : chance(0.5) ? 'highEnergy' : 'unknown',
          pathological: chance(0.97) ? false : chance(0.5) ? true : null,
          encounterType: pick(['emergency', 'outpatient', 'inpatient', 'unknown'] as const),
        },
        ...(chance(0.2)
          ? [
              {
                date: isoDay(2019, Math.floor(random() * 300)),
                site: pick(commonSites),
                mechanism: 'lowEnergy' as const,
                pathological: false,
              },
            ]
          : []),
      ],
      glucocorticoids: onGc
        ? {
            doseMgPerDayPrednisoneEq: pick([5, 7.5, 10, 20]),
            monthsUsed: Math.floor(random() * 24),
            expectedDurationMonths: 6,
            burstsPerYear: 0,
          }
        : { doseMgPerDayPrednisoneEq: 0, monthsUsed: 0, burstsPerYear: chance(0.05) ? 4 : 0 },
      falls: {
        fallsPastYear: Math.floor(random() * 3),
        worriedAboutFalling: chance(0.3),
        difficultyWalkingOrBalance: chance(0.25),
        fallRiskIncreasingMedication: chance(0.3),
      },
      riskFactors: {
        parentHipFracture: chance(0.15),
        reducedMobility: chance(0.2),
        rheumatoidArthritis: chance(0.05),
        secondaryOsteoporosisCondition: chance(0.15),
        smoker: chance(0.2),
        alcoholUnitsPerDay: Math.floor(random() * 5),
      },
      clinicalFindings: {
        secondaryOsteoporosis: chance(0.08),
        osteomalaciaSymptoms: chance(0.03),
        persistentPain: chance(0.1),
        multipleUnexplainedFractures: chance(0.02),
        severeOrUnexplainedOsteoporosis: chance(0.05),
      },
      contraindications: {
        canStayUpright30Min: chance(0.95),
        oesophagealEmptyingDisorder: chance(0.03),
        historyMyocardialInfarctionOrStroke: chance(0.1),
      },
      circumstances: {
        nursingHomeResident: chance(0.05),
        lifeExpectancyUnder1Year: chance(0.02),
        frail: chance(0.1),
        inPaidWork: chance(0.2),
      },
      dxa: chance(0.95)
        ? {
            date: TODAY,
            lumbarSpine: { tScore: tScore(lowest + 0.3), zScore: tScore(lowest + 1) },
            totalHip: chance(0.97)
              ? { tScore: tScore(lowest + 0.4) }
              : { bmdGcm2: Math.max(0.3, normal(0.8, 0.12)) },
            femoralNeck: { tScore: tScore(lowest + 0.2) },
          }
        : undefined,
      vfa: chance(0.93)
        ? {
            assessable: chance(0.97),
            vertebrae: chance(0.25)
              ? [
                  { level: 'T12', genantGrade: pick([1, 2, 3] as const) },
                  ...(chance(0.3) ? [{ level: 'L1' as const, heightLossPercent: random() * 45 }] : []),
                ]
              : [],
          }
        : undefined,
      labs: {
        eGFRMlMin: Math.round(Math.max(10, normal(65, 20))),
        serum25OHDNmolL: Math.round(Math.max(5, normal(55, 25))),
        albuminCorrectedCalciumFlag: chance(0.95) ? 'normal' : pick(['low', 'high'] as const),
      },
      calciumIntake: { servings, supplementMg: chance(0.2) ? 500 : 0 },
      vitaminD: {
        darkSkin: chance(0.1),
        outdoorsSufficient: chance(0.7),
        bodyCovering: chance(0.05),
        supplementDailyIU: chance(0.5) ? 800 : 400,
      },
      ...(drug === undefined
        ? {}
        : {
            treatment: {
              drug,
              startDate: isoDay(2024, Math.floor(random() * 360)),
              ...(drug === 'denosumab' && chance(0.2)
                ? { stopped: true, lastInjectionDate: '2025-01-31' }
                : {}),
            },
          }),
    };
    // Patients reach the engine as JSON (API, import), which also drops the undefined sections.
    patients.push(JSON.parse(JSON.stringify(patient)) as PatientInput);
  }
  return patients;
}

function percentile(sorted: Float64Array, p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export async function run(): Promise<Record<string, unknown>> {
  const patients = makePatients(PATIENT_COUNT);
  configIdentity(DEFAULT_CONFIG);
  // Every generated patient must be valid input: a benchmark that silently measured error paths would lie.
  for (const patient of patients) assessPatient(patient, TODAY, DEFAULT_CONFIG);

  let sink = 0;
  const warmUntil = performance.now() + WARM_UP_MS;
  for (let i = 0; performance.now() < warmUntil; i += 1) {
    sink += assessPatient(patients[i % patients.length] as PatientInput, TODAY, DEFAULT_CONFIG).ageYears;
  }

  // Patients per second on one core = assessments per CPU-second of this process. Wall-clock throughput is
  // reported too; on a shared machine it also counts the time other processes held the core.
  const durations: number[] = [];
  let assessed = 0;
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(MEASURE_MS) * 1_000_000n;
  let now = started;
  while (now < deadline) {
    const patient = patients[assessed % patients.length] as PatientInput;
    const t0 = process.hrtime.bigint();
    sink += assessPatient(patient, TODAY, DEFAULT_CONFIG).ageYears;
    now = process.hrtime.bigint();
    durations.push(Number(now - t0) / 1000);
    assessed += 1;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const wallSeconds = Number(now - started) / 1e9;
  const sorted = Float64Array.from(durations).sort();
  const patientsPerSecond = Math.round(assessed / cpuSeconds);
  await Promise.resolve();
  return {
    patientsPerSecond,
    method:
      'assessPatient (validated input, DEFAULT_CONFIG) in one thread; patients per CPU-second of the process',
    wallClockPatientsPerSecond: Math.round(assessed / wallSeconds),
    cpuShareOfWallClock: Number((cpuSeconds / wallSeconds).toFixed(2)),
    p50Microseconds: Number(percentile(sorted, 0.5).toFixed(2)),
    p99Microseconds: Number(percentile(sorted, 0.99).toFixed(2)),
    distinctPatients: patients.length,
    assessments: assessed,
    measurementSeconds: Number(wallSeconds.toFixed(3)),
    warmUpMilliseconds: WARM_UP_MS,
    budgetPatientsPerSecond: BUDGET,
    withinBudget: patientsPerSecond >= BUDGET,
    engine: configIdentity(DEFAULT_CONFIG),
    checksum: sink,
  };
}
