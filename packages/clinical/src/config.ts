// Every conflict (C1–C18) and every [UNCONFIRMED]/[INFERRED] value of RULES.md is a configuration value with the
// reference's default, its source and its marker. A clinic changes values with a JSON file (parseClinicalConfig);
// each assessment reports the configuration version and a fingerprint so old decisions stay reproducible.
import { MONTH_END_RULES } from './calendarDate';
import { DRUG_CODES, FOOD_CODES, TREATMENT_ADVICES, type FoodCode } from './codes';
import {
  booleanSpec,
  calciumTableSpec,
  enumSpec,
  listSpec,
  nullableSpec,
  numberSpec,
  recordSpec,
  type ValueShape,
  type ValueSpec,
} from './configSpec';
import { ClinicalConfigError } from './errors';
import type { ConfidenceMarker, ConflictId } from './explanation';
import { ENGINE_VERSION } from './version';

export type { CalciumAgeBand, ValueShape } from './configSpec';

interface ConfigDefinition<T> {
  readonly spec: ValueSpec<T>;
  readonly value: T;
  readonly marker: ConfidenceMarker;
  readonly source: string;
  readonly description: string;
  readonly conflicts: readonly ConflictId[];
}

function define<T>(
  spec: ValueSpec<T>,
  value: NoInfer<T>,
  marker: ConfidenceMarker,
  source: string,
  description: string,
  conflicts: readonly ConflictId[] = [],
): ConfigDefinition<T> {
  return { spec, value, marker, source, description, conflicts };
}

const age = numberSpec(0, 130, true);
const months = numberSpec(0, 600, true);
const mlMin = numberSpec(0, 200);
const advice = enumSpec(TREATMENT_ADVICES);

const CONFIG_DEFINITIONS = {
  // ── Calendar ────────────────────────────────────────────────────────────────────────────────────────────
  'calendar.monthEndRule': define(
    enumSpec(MONTH_END_RULES),
    'clampToMonthEnd',
    'INFERRED',
    'RULES.md R11.4 (end-of-month handling not fixed by a public case)',
    'What "+ n calendar months" gives when the start day does not exist in the target month (2024-08-31 + 6 months).',
  ),

  // ── R1 eligibility ──────────────────────────────────────────────────────────────────────────────────────
  'eligibility.minimumAgeYears': define(
    age,
    50,
    'SOURCE',
    'S1 (NIV 2022), S6 (current NHG) — C1',
    'Minimum age (inclusive, completed years) for the FLS work-up.',
    ['C1'],
  ),
  'eligibility.recentFractureWindowMonths': define(
    numberSpec(1, 120, true),
    24,
    'INFERRED',
    'C2: NIV [S1] sets no number; current NHG risk group 1 uses < 2 years [S6]',
    'FLS invitation window: a fracture less than this many calendar months ago is recent (exclusive bound).',
    ['C2'],
  ),
  'eligibility.ageReferenceDate': define(
    enumSpec(['indexFractureDate', 'today']),
    'indexFractureDate',
    'INFERRED',
    'QUALITY-KPIS 1.1 (age on the index fracture date); RULES.md R1.1 silent',
    'Date on which the age test of R1.1 is applied when a birth date is known.',
  ),

  // ── R2 NHG risk groups ──────────────────────────────────────────────────────────────────────────────────
  'riskGroups.group1MinimumAgeYears': define(
    age,
    50,
    'SOURCE',
    'S6 (current NHG) R2.1',
    'Risk group 1: minimum age (inclusive).',
  ),
  'riskGroups.group1FractureWindowMonths': define(
    numberSpec(1, 120, true),
    24,
    'SOURCE',
    'S6 (current NHG) R2.1 — C2',
    'Risk group 1: fracture less than this many months ago (exclusive).',
    ['C2'],
  ),
  'riskGroups.group1CountsOnlyFragilityFractures': define(
    booleanSpec,
    true,
    'INFERRED',
    'RULES.md R2.1 says "a (vertebral) fracture"; pathological and high-energy fractures are left out by inference from R1.3',
    'Whether only fractures not known to be pathological or high-energy count for risk group 1.',
  ),
  'riskGroups.group2MinimumAgeYears': define(
    age,
    40,
    'SOURCE',
    'S6 (current NHG) R2.1',
    'Risk group 2: minimum age (inclusive).',
  ),
  'riskGroups.group2MinimumBurstsPerYear': define(
    numberSpec(1, 52, true),
    4,
    'SOURCE',
    'S6 (current NHG) R2.1 — C4',
    'Risk group 2: glucocorticoid bursts per year (inclusive).',
    ['C4'],
  ),
  'riskGroups.group2MinimumSystemicGcMonths': define(
    numberSpec(0, 120),
    3,
    'SOURCE',
    'S6 (current NHG) R2.1 — C4',
    'Risk group 2: months of systemic glucocorticoid use (inclusive, ≥).',
    ['C4'],
  ),
  'riskGroups.group3MinimumAgeYears': define(
    age,
    60,
    'SOURCE',
    'S6 (current NHG) R2.1',
    'Risk group 3: minimum age (inclusive).',
  ),

  // ── R3 case-finding score ───────────────────────────────────────────────────────────────────────────────
  'riskScore.caseFindingInstrument': define(
    enumSpec(['CBO2011', 'NHG2005']),
    'CBO2011',
    'SOURCE',
    'S9 (CBO 2011 table), S10 (NHG 2005 / CBO 2002, historic) — C3',
    'Point score used in the assessment (R3.1 current; R3.2 only for data migration).',
    ['C3'],
  ),
  'riskScore.dxaThresholdPoints': define(
    numberSpec(1, 20, true),
    4,
    'SOURCE',
    'S9 R3.1',
    'DXA indicated at a score of at least this many points.',
  ),
  'riskScore.lowWeightKg': define(
    numberSpec(20, 200),
    60,
    'SOURCE',
    'S9 R3.1',
    'Low body weight: weight below this (kg).',
  ),
  'riskScore.lowBmi': define(
    numberSpec(10, 40),
    20,
    'SOURCE',
    'S9 R3.1',
    'Low body weight: BMI below this (kg/m²).',
  ),
  'riskScore.bmiOnlyBelowHeightM': define(
    numberSpec(1, 2.5),
    1.73,
    'SOURCE',
    'S9 R3.1 footnote',
    'Below this height only the BMI criterion counts for low body weight.',
  ),
  'riskScore.bmiRoundedBeforeComparison': define(
    booleanSpec,
    false,
    'INFERRED',
    'RULES.md R3.1: "BMI < 20" and output `bmi` to 1 decimal; whether the comparison uses the rounded value is not stated (R4.3 rounding is for T-scores)',
    'Compare the BMI rounded to 1 decimal (as reported) instead of the computed BMI with the BMI threshold.',
  ),
  'riskScore.priorFractureAfter50Points': define(
    numberSpec(0, 10, true),
    1,
    'SOURCE',
    'S9 (two copies give 1; the osteoporosestichting copy shows 2, read as a footnote marker)',
    'Points for a fracture after age 50 in the CBO 2011 table.',
  ),
  'riskScore.glucocorticoidMinDoseMgPerDay': define(
    numberSpec(0, 100),
    7.5,
    'SOURCE',
    'S9 R3.1 — C4',
    'CBO 2011 glucocorticoid point: dose threshold (prednisone-equivalent mg/day).',
    ['C4'],
  ),
  'riskScore.glucocorticoidDoseComparison': define(
    enumSpec(['>=', '>']),
    '>=',
    'SOURCE',
    'S9 (osteoporosestichting copy "7,5 mg of meer"; other copies "> 7,5 mg") — C4',
    'How the dose is compared with the threshold in the CBO 2011 table.',
    ['C4'],
  ),
  'riskScore.glucocorticoidMinMonthsExclusive': define(
    numberSpec(0, 120),
    3,
    'SOURCE',
    'S9 R3.1 (every copy: more than 3 months) — C4',
    'CBO 2011 glucocorticoid point: duration must exceed this many months.',
    ['C4'],
  ),
  'riskScore.recentFractureAlwaysDxaMonths': define(
    numberSpec(0, 60),
    3,
    'SOURCE',
    'S9 R3.1 footnote — C2',
    'A fracture less than this many months ago justifies DXA whatever the score.',
    ['C2'],
  ),
  'riskScore.nhg2005AgePointsCumulative': define(
    booleanSpec,
    false,
    'INFERRED',
    'S10 R3.2 (the table does not say whether > 60 and > 70 add up)',
    'Historic NHG 2005 instrument: add the > 60 point to the > 70 points.',
  ),

  // ── R3.4 risk-factor inventory ──────────────────────────────────────────────────────────────────────────
  'riskFactors.alcoholUnitsPerDay': define(
    numberSpec(0, 20),
    3,
    'SOURCE',
    'S11, S22/001, S22/004 (Dutch "more than 3 units/day") — C13',
    'Alcohol threshold (units per day).',
    ['C13'],
  ),
  'riskFactors.alcoholComparison': define(
    enumSpec(['>', '>=']),
    '>',
    'SOURCE',
    'Dutch sources "> 3"; FRAX "≥ 3" [UNCONFIRMED] — C13',
    'How alcohol intake is compared with the threshold.',
    ['C13'],
  ),

  // ── R4 densitometry ─────────────────────────────────────────────────────────────────────────────────────
  'densitometry.diagnosticScheme': define(
    enumSpec(['WHO', 'NHG2012binary']),
    'WHO',
    'SOURCE',
    'S18, S35 (WHO), S7 (NHG 2012 binary) — C18',
    'Diagnostic BMD label: WHO three classes (+ severe) or NHG 2012 osteoporosis/normal.',
    ['C18'],
  ),
  'densitometry.minusOneHandling': define(
    enumSpec(['lowForNhgAndLab', 'normalEverywhere']),
    'lowForNhgAndLab',
    'SOURCE',
    'S8 (NHG table rows), S3 (NIV lab "T ≤ −1.0") — C5',
    'Whether T = −1.0 counts as "≤ −1.0" for the NHG treatment table and the NIV lab trigger (the WHO label stays normal).',
    ['C5'],
  ),
  'densitometry.reportSevereOsteoporosis': define(
    booleanSpec,
    true,
    'UNCONFIRMED',
    'WHO 1994 via RULES.md R4.2',
    'Label T ≤ −2.5 with a fragility fracture as severe (established) osteoporosis.',
  ),
  'densitometry.zScoreBelowExpectedMax': define(
    numberSpec(-10, 0),
    -2.0,
    'SOURCE',
    'S35 (ISCD) R4.5',
    'Z-score at or below this is "below the expected range for age".',
  ),
  'densitometry.zScoreMenBelowAgeYears': define(
    age,
    50,
    'SOURCE',
    'S35 (ISCD) R4.5',
    'Men younger than this are classified by Z-score, not by WHO T-score categories.',
  ),
  'densitometry.preferReportedScores': define(
    booleanSpec,
    true,
    'SOURCE',
    'S17 (ISCD), RULES.md R4.4 recommendation — C10',
    'Use T/Z-scores from the DXA report; compute from BMD only when no score is reported.',
    ['C10'],
  ),
  'densitometry.menReferencePopulation': define(
    enumSpec(['whiteFemale', 'male']),
    'whiteFemale',
    'SOURCE',
    'S17 (ISCD 2023: White female reference for men) — C10',
    'Reference population for T-scores the engine computes itself for men (no male constants are available: `male` makes such a computation not covered).',
    ['C10'],
  ),
  'densitometry.nhanesFemoralNeckMeanGcm2': define(
    numberSpec(0.3, 1.5),
    0.858,
    'UNCONFIRMED',
    'S36 (NHANES III, Looker 1998) — value not found in the cited sources',
    'Young-adult mean BMD, femoral neck (g/cm²), fallback T-score computation.',
  ),
  'densitometry.nhanesFemoralNeckSdGcm2': define(
    numberSpec(0.01, 0.5),
    0.12,
    'UNCONFIRMED',
    'S36 (NHANES III, Looker 1998) — value not found in the cited sources',
    'Young-adult SD, femoral neck (g/cm²).',
  ),
  'densitometry.nhanesTotalHipMeanGcm2': define(
    numberSpec(0.3, 1.5),
    0.942,
    'UNCONFIRMED',
    'S36 (NHANES III, Looker 1998) — value not found in the cited sources',
    'Young-adult mean BMD, total hip (g/cm²).',
  ),
  'densitometry.nhanesTotalHipSdGcm2': define(
    numberSpec(0.01, 0.5),
    0.122,
    'UNCONFIRMED',
    'S36 (NHANES III, Looker 1998) — value not found in the cited sources',
    'Young-adult SD, total hip (g/cm²).',
  ),
  'densitometry.useRadius33AsFallback': define(
    booleanSpec,
    true,
    'UNCONFIRMED',
    'S17 (ISCD), S18 (RACGP: "in certain circumstances")',
    'Use the 33 % radius when the hip or the spine cannot be measured or interpreted.',
  ),
  'densitometry.minimumEvaluableVertebrae': define(
    numberSpec(1, 4, true),
    2,
    'UNCONFIRMED',
    'S17 (ISCD spine rules)',
    'Minimum number of evaluable lumbar vertebrae for a usable spine T-score.',
  ),

  // ── R8 treatment indication (NHG table) ─────────────────────────────────────────────────────────────────
  'treatmentIndication.binReading': define(
    enumSpec(['totExclusiveLowerEnd', 'totInclusiveLowerEnd']),
    'totExclusiveLowerEnd',
    'INFERRED',
    'S8 (Dutch "tot" read as an exclusive lower end)',
    'How the T-score bins of the NHG table are bounded (−1.5 in bin C by default).',
  ),
  'treatmentIndication.binE.none': define(
    advice,
    'treat',
    'INFERRED',
    'S8 row E not available; S7, S22/003 agree',
    'NHG table, T ≤ −2.5 without vertebral fracture.',
  ),
  'treatmentIndication.binE.grade1': define(
    advice,
    'treat',
    'INFERRED',
    'S8 row E not available',
    'NHG table, T ≤ −2.5 with a grade 1 vertebral fracture.',
  ),
  'treatmentIndication.binE.grade2_single': define(
    advice,
    'treat',
    'INFERRED',
    'S8 row E not available',
    'NHG table, T ≤ −2.5 with one grade 2 vertebral fracture.',
  ),
  'treatmentIndication.binE.grade2_multiple': define(
    advice,
    'refer',
    'INFERRED',
    'S8 row E not available',
    'NHG table, T ≤ −2.5 with several grade 2 vertebral fractures.',
  ),
  'treatmentIndication.binE.grade3': define(
    advice,
    'refer',
    'INFERRED',
    'S8 row E not available',
    'NHG table, T ≤ −2.5 with a grade 3 vertebral fracture.',
  ),
  'treatmentIndication.binDGroup3Grade2OrWorse': define(
    enumSpec(['notCovered', 'followGroup1']),
    'notCovered',
    'INFERRED',
    'S8 († cells not available; RULES.md: "presumably follows group 1")',
    'NHG table, group 3, T −2.0…−2.5 with grade 2 or 3 fractures: answer not covered, or copy group 1.',
  ),
  'treatmentIndication.vertebralFractureWithTAboveMinus1': define(
    enumSpec(['noTreatment', 'treat']),
    'noTreatment',
    'SOURCE',
    'S8 (current NHG table); S7, S22/000 treat — C6',
    'Advice for a vertebral fracture when T > −1.0 (bin A).',
    ['C6'],
  ),
  'treatmentIndication.multipleGroupsPolicy': define(
    enumSpec(['mostIntensive', 'lowestGroupNumber']),
    'mostIntensive',
    'INFERRED',
    'RULES.md R2.1 (several groups can apply) and R8.1 (one group per row) do not say how to combine',
    'Which advice counts when the patient is in more than one NHG risk group.',
  ),

  // ── R9 glucocorticoids ──────────────────────────────────────────────────────────────────────────────────
  'glucocorticoids.bandLowerMgPerDay': define(
    numberSpec(0, 100),
    7.5,
    'SOURCE',
    'S5 (CBO 2011 GIOP) R9.3',
    'Lower end (inclusive) of the 7.5–15 mg band.',
  ),
  'glucocorticoids.bandUpperMgPerDay': define(
    numberSpec(0, 200),
    15,
    'SOURCE',
    'S5 (CBO 2011 GIOP) R9.3–R9.4',
    'Upper end (inclusive) of the band; above it treatment is indicated.',
  ),
  'glucocorticoids.prophylaxisAboveMonths': define(
    numberSpec(0, 120),
    3,
    'SOURCE',
    'S5 R9.2',
    'Consider prophylaxis when expected use exceeds this many months.',
  ),
  'glucocorticoids.menAgeBoundaryYears': define(
    age,
    70,
    'SOURCE',
    'S5 R9.3 ("under 70" / "over 70")',
    'Age separating the DXA-first and treat branches for men.',
  ),
  'glucocorticoids.manAtBoundaryBranch': define(
    enumSpec(['treat', 'dxaThenDecide']),
    'treat',
    'INFERRED',
    'C14: a man of exactly 70 is in neither branch',
    'Branch for a man exactly at the boundary age.',
    ['C14'],
  ),

  // ── R6 lab panel ────────────────────────────────────────────────────────────────────────────────────────
  'labPanel.minimumAgeYears': define(
    age,
    50,
    'INFERRED',
    'C15: NIV lab module "> 50" [S3]; harmonised with R1 "≥ 50"',
    'Minimum age (inclusive) for the basic lab panel.',
    ['C15'],
  ),
  'labPanel.testosteroneMenBelowAgeYears': define(
    age,
    70,
    'SOURCE',
    'S3 R6.2',
    'Consider testosterone in men younger than this.',
  ),
  'labPanel.referralBelowAgeYears': define(
    age,
    50,
    'SOURCE',
    'S3 R6.5',
    'Osteoporosis below this age → refer to secondary care.',
  ),
  'labPanel.multipleFracturesMinCount': define(
    numberSpec(2, 10, true),
    2,
    'INFERRED',
    'S3 says "multiple fractures" without a number',
    'Number of fragility fractures (registered plus vertebral on VFA) that counts as multiple.',
  ),

  // ── R7 fall risk ────────────────────────────────────────────────────────────────────────────────────────
  'fallRisk.nhgInventoryMinFalls': define(
    numberSpec(1, 20, true),
    2,
    'SOURCE',
    'S6 (current NHG) R7.1 — C16',
    'Falls in the past year that start the NHG fall-risk inventory.',
    ['C16'],
  ),
  'fallRisk.adviceTrigger': define(
    enumSpec(['either', 'nhgInventory', 'threeQuestionScreen']),
    'either',
    'INFERRED',
    'C16: RULES.md computes both screens; which drives fall-prevention advice is not stated',
    'Which positive screen selects fall-prevention advice and interventions.',
    ['C16'],
  ),

  // ── R10 drugs ───────────────────────────────────────────────────────────────────────────────────────────
  'drugs.choiceSequence': define(
    enumSpec(['currentFK', 'olderFK']),
    'currentFK',
    'SOURCE',
    'S11 (current FK citing NIV 2022); S11-old — C12',
    'Drug-choice sequence.',
    ['C12'],
  ),
  'drugs.recentHipFractureDays': define(
    numberSpec(1, 730, true),
    90,
    'UNCONFIRMED',
    'S31 (secondary summary: recent = < 90 days)',
    'A hip fracture less than this many days ago prefers zoledronic acid.',
  ),
  'drugs.renalFunctionSource': define(
    enumSpec(['lowestAvailable', 'creatinineClearance', 'eGFR']),
    'lowestAvailable',
    'INFERRED',
    'RULES.md V: sources mix eGFR and CrCl',
    'Which renal measure the drug thresholds use when both are recorded.',
  ),
  'drugs.alendronateMinRenalMlMin': define(
    mlMin,
    35,
    'SOURCE',
    'S12 (BCFI/SmPC); secondary NHG summary < 30 [S31] — C7',
    'Alendronate blocked below this eGFR/CrCl (ml/min).',
    ['C7'],
  ),
  'drugs.zoledronicAcidMinRenalMlMin': define(
    mlMin,
    35,
    'SOURCE',
    'S14 (MHRA 2010)',
    'Zoledronic acid blocked below this CrCl (ml/min).',
  ),
  'drugs.risedronateMinRenalMlMin': define(
    mlMin,
    30,
    'UNCONFIRMED',
    'SmPC [S41] (not confirmed in a cited source)',
    'Risedronate blocked below this CrCl (ml/min).',
  ),
  'drugs.teriparatideMinRenalMlMin': define(
    mlMin,
    30,
    'UNCONFIRMED',
    'S43 ("severe renal impairment"; 30 ml/min read as severe)',
    'Teriparatide blocked below this eGFR/CrCl (ml/min).',
  ),
  'drugs.denosumabCalciumMonitoringBelowMlMin': define(
    mlMin,
    30,
    'UNCONFIRMED',
    'RULES.md R10.2 (background knowledge)',
    'Denosumab: below this eGFR warn to monitor calcium (no block).',
  ),
  'drugs.romosozumabCalciumMonitoringBelowMlMin': define(
    mlMin,
    30,
    'INFERRED',
    'S13-dk ("severe CKD"; 30 ml/min read as severe)',
    'Romosozumab: below this eGFR warn to monitor calcium (no block).',
  ),
  'drugs.risedronateSharesAlendronateCautions': define(
    booleanSpec,
    true,
    'UNCONFIRMED',
    'RULES.md R10.2 ("as alendronate")',
    'Apply the oesophagus / upright / hypocalcaemia checks of alendronate to risedronate.',
  ),
  'drugs.denosumabCorrectHypocalcaemiaFirst': define(
    booleanSpec,
    true,
    'UNCONFIRMED',
    'RULES.md R10.2 (background knowledge); R10.3',
    'Block denosumab until hypocalcaemia is corrected.',
  ),
  'drugs.teriparatideContraindicationsApply': define(
    booleanSpec,
    true,
    'UNCONFIRMED',
    'S43 and background knowledge (R10.2)',
    'Apply the teriparatide contraindication list of R10.2.',
  ),
  'drugs.teriparatideMaxLifetimeMonths': define(
    numberSpec(1, 120, true),
    24,
    'UNCONFIRMED',
    'S43 (secondary summary)',
    'Lifetime maximum duration of teriparatide (months).',
  ),
  'drugs.teriparatideDoseMicrogramPerDay': define(
    numberSpec(1, 100),
    20,
    'UNCONFIRMED',
    'S43 (secondary summary)',
    'Teriparatide daily dose (µg, subcutaneous).',
  ),
  'drugs.registeredForMen': define(
    listSpec(enumSpec(DRUG_CODES), { minLength: 0, maxLength: DRUG_CODES.length, unique: true }),
    ['alendronate', 'risedronate', 'zoledronicAcid', 'denosumab', 'teriparatide'],
    'UNCONFIRMED',
    'RULES.md R10.5 (only risedronate [S41] and romosozumab [S13] confirmed)',
    'Drugs treated as registered for men; romosozumab is registered for postmenopausal women only [S13].',
  ),

  // ── R11 follow-up ───────────────────────────────────────────────────────────────────────────────────────
  'followUp.visitScheme': define(
    enumSpec(['NIV2022', 'NHGsummary']),
    'NIV2022',
    'SOURCE',
    'S4 (NIV: 3 months + yearly); S31 (4, 13, 26 weeks + yearly) — C17',
    'Control-visit scheme after the start of a drug.',
    ['C17'],
  ),
  'followUp.firstEvaluationMonths': define(
    numberSpec(1, 24, true),
    3,
    'SOURCE',
    'S4 R11.1',
    'First evaluation after the start (months).',
  ),
  'followUp.thenEveryMonths': define(
    numberSpec(1, 60, true),
    12,
    'SOURCE',
    'S4 R11.1',
    'Interval of the later checks (months).',
  ),
  'followUp.standardReevaluationYears': define(
    recordSpec(DRUG_CODES, numberSpec(1, 20, true)),
    { alendronate: 5, risedronate: 5, zoledronicAcid: 3, denosumab: 3, teriparatide: 2, romosozumab: 1 },
    'SOURCE',
    'S4 (NIV 2022) R11.2; NHG (HenW) at most 5 years [S16] — C11',
    'Standard duration before re-evaluation, per drug (years).',
    ['C11'],
  ),
  'followUp.newFractureReevaluationMinMonths': define(
    months,
    12,
    'SOURCE',
    'S4 R11.1',
    'A new fracture after at least this many months of antiresorptive treatment triggers the standard re-evaluation.',
  ),
  'followUp.denosumabIntervalMonths': define(
    numberSpec(1, 24, true),
    6,
    'SOURCE',
    'R10.2 (Prolia, every 6 months)',
    'Interval between denosumab injections (months).',
  ),
  'followUp.denosumabFollowOnAfterMonths': define(
    numberSpec(1, 24, true),
    6,
    'SOURCE',
    'S15 (ECTS 2021), S16 R11.4',
    'Start the follow-on antiresorptive this many months after the last denosumab injection.',
  ),
  'followUp.zoledronicAcidIntervalMonths': define(
    numberSpec(1, 36, true),
    12,
    'SOURCE',
    'R10.2 (Aclasta, once a year)',
    'Interval between zoledronic-acid infusions (months).',
  ),
  'followUp.romosozumabCourseMonths': define(
    numberSpec(1, 24, true),
    12,
    'SOURCE',
    'S13 R10.2',
    'Romosozumab course (monthly injections, months).',
  ),
  'followUp.adherenceCheckWeeks': define(
    listSpec(numberSpec(1, 520, true), { minLength: 0, maxLength: 10, unique: true }),
    [16, 52],
    'INFERRED',
    'QUALITY-KPIS §3 (IOF KPI windows, Javaid 2020: AOM start ≤ 16 weeks, still prescribed at 52 weeks); 1 week = 7 days (QUALITY-KPIS 1.3)',
    'Adherence checks, in weeks after the anchor date.',
  ),
  'followUp.adherenceCheckAnchor': define(
    enumSpec(['treatmentStart', 'indexFracture']),
    'treatmentStart',
    'INFERRED',
    'QUALITY-KPIS §3 counts from the index fracture; the task list counts from the drug start',
    'Date the adherence-check weeks count from (falls back to the start date when no index fracture is known).',
  ),
  'followUp.gpKeepsVitaminDAndGlucocorticoidCauses': define(
    booleanSpec,
    false,
    'SOURCE',
    'S22/003 (secondary osteoporosis → specialist); S7 (NHG 2012: GP keeps vitamin-D deficiency and long-term glucocorticoid use)',
    'Leave secondary osteoporosis due to vitamin-D deficiency or long-term glucocorticoids with the GP.',
  ),

  // ── R12 calcium ─────────────────────────────────────────────────────────────────────────────────────────
  'calcium.requirementByAge': define(
    calciumTableSpec,
    [
      { minAgeYears: 19, maxAgeYears: 50, mgPerDay: 1000 },
      { minAgeYears: 51, maxAgeYears: 70, mgPerDay: 1100 },
      { minAgeYears: 71, maxAgeYears: null, mgPerDay: 1200 },
    ],
    'SOURCE',
    'S22/004 (GR 2000 as printed in leaflet 004); GR 2018 950 mg for 25–50 [S28] — C9',
    'Required calcium intake by age (mg/day); ages outside every band are not covered.',
    ['C9'],
  ),
  'calcium.pregnantMgPerDay': define(
    numberSpec(0, 5000),
    1000,
    'SOURCE',
    'S22/004 — C9',
    'Requirement during pregnancy (mg/day).',
    ['C9'],
  ),
  'calcium.lactatingMgPerDay': define(
    numberSpec(0, 5000),
    1000,
    'SOURCE',
    'S22/004 — C9',
    'Requirement during breastfeeding (mg/day).',
    ['C9'],
  ),
  'calcium.upperLimitMgPerDay': define(
    numberSpec(0, 10000),
    2500,
    'SOURCE',
    'S22/004',
    'Acceptable upper limit, food plus supplements (mg/day).',
  ),
  'calcium.lowIntakeRiskFactorBelowMg': define(
    numberSpec(0, 5000),
    500,
    'SOURCE',
    'S22/004',
    'Intake below this is a risk factor (mg/day).',
  ),
  'calcium.foodContentMg': define(
    recordSpec(FOOD_CODES, numberSpec(0, 2000)),
    {
      milkGlass: 180,
      buttermilkGlass: 165,
      yoghurtPot: 190,
      porridgeBowl: 175,
      custardPot: 160,
      quarkPot: 165,
      cheeseSlice: 155,
      cookedVegetablesSpoon: 24,
      mixedNutsHandful: 16,
      wholemealBreadSlice: 11,
    } satisfies Record<FoodCode, number>,
    'SOURCE',
    'S22/004 R12.2',
    'Calcium per serving (mg).',
  ),
  'calcium.supplementDoseMg': define(
    nullableSpec(numberSpec(0, 2000)),
    null,
    'UNCONFIRMED',
    'Gap: exact dose in [S20] not available; NHG 2012 practice 500 mg [UNCONFIRMED]',
    'Calcium supplement dose to advise when intake is short; null = not covered (the clinician decides).',
  ),

  // ── R13 vitamin D ───────────────────────────────────────────────────────────────────────────────────────
  'vitaminD.scheme': define(
    enumSpec(['GR2012', 'GR2008']),
    'GR2012',
    'SOURCE',
    'S47, S48, S21 (GR 2012); S50, S22/004 (GR 2008) — C8',
    'Population vitamin-D scheme.',
    ['C8'],
  ),
  'vitaminD.gr2008TouchingAgeRule': define(
    enumSpec(['higherDose', 'youngerGroup', 'olderGroup']),
    'higherDose',
    'INFERRED',
    'S22/004: age ranges touch at 50 (women) and 70 (men); the source does not say which line wins',
    'GR 2008 at exactly 50 (women) / 70 (men): take the higher dose, or place the person in the younger or the older group.',
  ),
  'vitaminD.onTherapyIUPerDay': define(
    numberSpec(0, 4000),
    800,
    'SOURCE',
    'S20 R13.3 — C8',
    'Vitamin D3 with fracture-prevention medication (IU/day).',
    ['C8'],
  ),
  'vitaminD.weeklyAlternativeIU': define(
    numberSpec(0, 50000),
    5600,
    'SOURCE',
    'S20 R13.3',
    'Weekly alternative (IU once a week).',
  ),
  'vitaminD.deficiencyBelowNmolL': define(
    numberSpec(0, 200),
    30,
    'SOURCE',
    'S20 R13.4',
    '25(OH)D below this (nmol/L) is deficient before starting medication.',
  ),
  'vitaminD.delayDrugStartWeeks': define(
    numberSpec(0, 52, true),
    6,
    'SOURCE',
    'S20 R13.4',
    'Weeks of vitamin D3 before starting the drug when 25(OH)D is low.',
  ),
  'vitaminD.recheckLevelWhenAdequate': define(
    booleanSpec,
    false,
    'INFERRED',
    'S20 R13.4 (re-check only discussed for the low-level row)',
    'Re-check 25(OH)D when it was already adequate.',
  ),
  'vitaminD.fallRiskDailyIU': define(
    numberSpec(1, 100000),
    3000,
    'SOURCE',
    'S20 R7.3 / R13.3',
    'Daily doses at or above this (IU) are advised against (fall risk).',
  ),
  'vitaminD.fallRiskMonthlyBolusIU': define(
    numberSpec(1, 1000000),
    60000,
    'SOURCE',
    'S20 R7.3 / R13.3',
    'Monthly boluses at or above this (IU) are advised against (fall risk).',
  ),
};

type ConfigDefinitions = typeof CONFIG_DEFINITIONS;
export type ConfigKey = keyof ConfigDefinitions;
export type ConfigValue<K extends ConfigKey> =
  ConfigDefinitions[K] extends ConfigDefinition<infer T> ? T : never;

export interface ConfigEntry<T> {
  readonly value: T;
  readonly marker: ConfidenceMarker;
  readonly source: string;
  readonly description: string;
  readonly conflicts: readonly ConflictId[];
  /** `clinic` when the clinic's configuration file set the value (even to the default). */
  readonly origin: 'default' | 'clinic';
  /** Who confirmed an [UNCONFIRMED]/[INFERRED] value for this clinic, and when (free text). */
  readonly confirmedBy?: string;
  readonly note?: string;
}

export type ConfigEntries = { readonly [K in ConfigKey]: ConfigEntry<ConfigValue<K>> };

export interface ClinicalConfig {
  readonly version: string;
  readonly entries: ConfigEntries;
}

export const CONFIG_KEYS: readonly ConfigKey[] = Object.freeze(
  Object.keys(CONFIG_DEFINITIONS) as ConfigKey[],
);
const CONFIG_KEY_SET: ReadonlySet<string> = new Set(CONFIG_KEYS);

export function isConfigKey(key: string): key is ConfigKey {
  return CONFIG_KEY_SET.has(key);
}

/** What a key's value may be, as data (the configuration screen's field and its allowed range). */
export function configValueShape(key: ConfigKey): ValueShape {
  return CONFIG_DEFINITIONS[key].spec.shape;
}

/** Checks one value for `key` as a configuration file would give it; a wrong one raises ClinicalConfigError. */
export function parseConfigValue<K extends ConfigKey>(key: K, raw: unknown): ConfigValue<K> {
  const spec: ValueSpec<unknown> = CONFIG_DEFINITIONS[key].spec;
  return spec.parse(raw, key) as ConfigValue<K>;
}

/** Describes the value type of a key (for documentation and error messages). */
export function describeConfigValue(key: ConfigKey): string {
  return CONFIG_DEFINITIONS[key].spec.describe;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function defaultEntry(key: ConfigKey): ConfigEntry<unknown> {
  const definition: ConfigDefinition<unknown> = CONFIG_DEFINITIONS[key];
  return {
    value: definition.value,
    marker: definition.marker,
    source: definition.source,
    description: definition.description,
    conflicts: definition.conflicts,
    origin: 'default',
  };
}

// Object.fromEntries keeps V8's fast property layout for ~100 keys (a keyed-store loop would fall back to a
// dictionary), and configValue runs hundreds of times per assessment.
function entriesFrom(entryOf: (key: ConfigKey) => ConfigEntry<unknown>): ConfigEntries {
  return Object.fromEntries(CONFIG_KEYS.map((key) => [key, entryOf(key)])) as unknown as ConfigEntries;
}

export const DEFAULT_CONFIG_VERSION = 'osteopad-default-1';

/** The reference defaults of RULES.md (every entry `origin: 'default'`). */
export const DEFAULT_CONFIG: ClinicalConfig = deepFreeze({
  version: DEFAULT_CONFIG_VERSION,
  entries: entriesFrom(defaultEntry),
});

/** Reads one value; the single access path keeps every rule's configuration use greppable by key. */
export function configValue<K extends ConfigKey>(config: ClinicalConfig, key: K): ConfigValue<K> {
  return config.entries[key].value;
}

// ── Parsing a clinic's override file ─────────────────────────────────────────────────────────────────────────

const OVERRIDE_TOP_KEYS = new Set(['version', 'values']);
const WRAPPED_KEYS = new Set(['value', 'confirmedBy', 'note']);

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalText(raw: unknown, key: string): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.trim().length === 0 || raw.length > 500) {
    throw new ClinicalConfigError(key, 'wrongType', 'expected a non-empty string of at most 500 characters');
  }
  return raw;
}

/**
 * Validates a clinic's override object and merges it over {@link DEFAULT_CONFIG}. Shape:
 * `{ "version": "ETZ-2025-03", "values": { "<key>": <value> | { "value": <value>, "confirmedBy"?: "…", "note"?: "…" } } }`.
 * Unknown keys anywhere are rejected with a {@link ClinicalConfigError} naming the key. A JSON string is also accepted.
 */
export function parseClinicalConfig(json: unknown): ClinicalConfig {
  let document: unknown = json;
  if (typeof json === 'string') {
    try {
      document = JSON.parse(json) as unknown;
    } catch (error) {
      throw new ClinicalConfigError('$', 'invalidJson', error instanceof Error ? error.message : undefined);
    }
  }
  if (!isPlainObject(document)) throw new ClinicalConfigError('$', 'notAnObject');
  for (const key of Object.keys(document)) {
    if (!OVERRIDE_TOP_KEYS.has(key))
      throw new ClinicalConfigError(key, 'unknownKey', 'top level allows "version" and "values"');
  }
  const version = document.version;
  if (version === undefined) throw new ClinicalConfigError('version', 'required');
  if (typeof version !== 'string' || version.trim().length === 0 || version.length > 100) {
    throw new ClinicalConfigError(
      'version',
      'wrongType',
      'expected a non-empty string of at most 100 characters',
    );
  }
  const values = document.values ?? {};
  if (!isPlainObject(values)) throw new ClinicalConfigError('values', 'notAnObject');

  const entries: Record<string, ConfigEntry<unknown>> = {
    ...(DEFAULT_CONFIG.entries as unknown as Record<string, ConfigEntry<unknown>>),
  };
  for (const [key, raw] of Object.entries(values)) {
    if (!isConfigKey(key)) throw new ClinicalConfigError(key, 'unknownKey', 'not a configuration key');
    const definition: ConfigDefinition<unknown> = CONFIG_DEFINITIONS[key];
    const wrapped = isPlainObject(raw) && Object.prototype.hasOwnProperty.call(raw, 'value');
    let rawValue: unknown = raw;
    let confirmedBy: string | undefined;
    let note: string | undefined;
    if (wrapped) {
      for (const k of Object.keys(raw)) {
        if (!WRAPPED_KEYS.has(k))
          throw new ClinicalConfigError(`${key}.${k}`, 'unknownKey', 'allowed: value, confirmedBy, note');
      }
      rawValue = raw.value;
      confirmedBy = optionalText(raw.confirmedBy, `${key}.confirmedBy`);
      note = optionalText(raw.note, `${key}.note`);
    }
    const base = entries[key];
    if (base === undefined) throw new ClinicalConfigError(key, 'unknownKey');
    entries[key] = {
      ...base,
      value: definition.spec.parse(rawValue, key),
      origin: 'clinic',
      ...(confirmedBy === undefined ? {} : { confirmedBy }),
      ...(note === undefined ? {} : { note }),
    };
  }
  const config: ClinicalConfig = deepFreeze({
    version,
    entries: entriesFrom((key) => entries[key] ?? defaultEntry(key)),
  });
  rememberValidated(config);
  return config;
}

/** A configuration file's content: what parseClinicalConfig reads. */
export interface ClinicalConfigDocument {
  readonly version: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * The file that gives `config` back through {@link parseClinicalConfig}: every value the clinic set, with
 * who confirmed it and the note, and nothing that is the reference's default. A new configuration version
 * is this document with its changes applied.
 */
export function configDocument(config: ClinicalConfig): ClinicalConfigDocument {
  const values: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const entry: ConfigEntry<unknown> = config.entries[key];
    if (entry.origin !== 'clinic') continue;
    values[key] = {
      value: entry.value,
      ...(entry.confirmedBy === undefined ? {} : { confirmedBy: entry.confirmedBy }),
      ...(entry.note === undefined ? {} : { note: entry.note }),
    };
  }
  return { version: config.version, values };
}

// ── Unconfirmed values ───────────────────────────────────────────────────────────────────────────────────────

export interface UnconfirmedValue {
  readonly key: ConfigKey;
  readonly value: unknown;
  readonly marker: Exclude<ConfidenceMarker, 'SOURCE'>;
  readonly source: string;
  readonly description: string;
  readonly conflicts: readonly ConflictId[];
}

/** Every [UNCONFIRMED]/[INFERRED] value a clinic must confirm before go-live (entries without `confirmedBy`). */
export function listUnconfirmedValues(config: ClinicalConfig): readonly UnconfirmedValue[] {
  const result: UnconfirmedValue[] = [];
  for (const key of CONFIG_KEYS) {
    const entry: ConfigEntry<unknown> = config.entries[key];
    if (entry.marker === 'SOURCE' || entry.confirmedBy !== undefined) continue;
    result.push({
      key,
      value: entry.value,
      marker: entry.marker,
      source: entry.source,
      description: entry.description,
      conflicts: entry.conflicts,
    });
  }
  return result;
}

// ── Identity: version, fingerprint, engine version ──────────────────────────────────────────────────────────

export interface ConfigIdentity {
  readonly configVersion: string;
  readonly configFingerprint: string;
  readonly engineVersion: string;
}

/** JSON with object keys sorted at every level, so equal configurations give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // JSON.stringify returns undefined for undefined, functions and symbols.
    const text = JSON.stringify(value) as string | undefined;
    return text ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((item: unknown) => canonicalJson(item)).join(',')}]`;
  const record = value as Readonly<Record<string, unknown>>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const MASK64 = 0xffffffffffffffffn;

function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000)
      bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      );
  }
  return bytes;
}

/** 64-bit FNV-1a over the UTF-8 bytes of `text`, as 16 lower-case hex digits. */
export function fnv1a64(text: string): string {
  let hash = FNV64_OFFSET;
  for (const byte of utf8Bytes(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV64_PRIME) & MASK64;
  }
  return hash.toString(16).padStart(16, '0');
}

const identities = new WeakMap<ClinicalConfig, ConfigIdentity>();

function rememberValidated(config: ClinicalConfig): ConfigIdentity {
  const identity: ConfigIdentity = {
    configVersion: config.version,
    configFingerprint: `fnv1a64:${fnv1a64(canonicalJson(config))}`,
    engineVersion: ENGINE_VERSION,
  };
  identities.set(config, identity);
  return identity;
}

/** Checks a configuration object that did not come from this module (for example built by hand in code). */
function validateConfigObject(config: unknown): ClinicalConfig {
  if (!isPlainObject(config)) throw new ClinicalConfigError('$', 'notAnObject');
  if (typeof config.version !== 'string' || config.version.length === 0)
    throw new ClinicalConfigError('version', 'wrongType');
  const entries = config.entries;
  if (!isPlainObject(entries)) throw new ClinicalConfigError('entries', 'notAnObject');
  for (const key of Object.keys(entries))
    if (!isConfigKey(key)) throw new ClinicalConfigError(key, 'unknownKey');
  for (const key of CONFIG_KEYS) {
    const entry = entries[key];
    if (!isPlainObject(entry)) throw new ClinicalConfigError(key, 'required');
    CONFIG_DEFINITIONS[key].spec.parse(entry.value, key);
    if (entry.marker !== 'SOURCE' && entry.marker !== 'UNCONFIRMED' && entry.marker !== 'INFERRED') {
      throw new ClinicalConfigError(`${key}.marker`, 'unknownValue');
    }
  }
  // Freezing makes the memoised fingerprint safe: the object can no longer change under it.
  return deepFreeze(config) as unknown as ClinicalConfig;
}

/**
 * Version, fingerprint and engine version of a configuration. Validates a configuration object the first time it
 * is seen and memoises the result per object, so the hot path costs one WeakMap lookup.
 */
export function configIdentity(config: ClinicalConfig): ConfigIdentity {
  const known = identities.get(config);
  if (known !== undefined) return known;
  return rememberValidated(validateConfigObject(config));
}

rememberValidated(DEFAULT_CONFIG);
