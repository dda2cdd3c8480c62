import type { LabAnalyte, LabAnalyteView, LabOrderTest, LabResultFlag } from '@osteopad/contract';

/*
 * The analytes the consult takes results of, each in one SI unit. LOINC codes: /work/shared/INTEROP.md §4
 * (the molar code where it names a default for the Netherlands); null where it gives none ([NOT FOUND]:
 * testosterone, M-protein, tryptase, urinary calcium, albumin-corrected calcium) or leaves it to the lab
 * (eGFR: the lab's formula; ESR: per lab). Units follow INTEROP's SI note ([UNCONFIRMED] there: "Dutch
 * laboratories usually report in SI molar units"); units INTEROP does not name (TSH, ESR, ALP, eGFR,
 * testosterone, M-protein, tryptase, urinary calcium) are the customary ones and are listed as unconfirmed
 * in docs/CLINICAL-SAFETY-style review (report of issue 11).
 *
 * Default reference ranges only where RULES.md gives one: 25(OH)D ≥ 30 nmol/L (R13.4, GR 2012 via S49).
 * Every other analyte needs the laboratory's own range, entered with the result.
 *
 * `maxValue` is a plausibility bound, no clinical fact: for the analytes the engine reads it is the
 * engine's own input range (patientInput.ts validateLabs), so a stored value can always be assessed.
 */
export interface LabAnalyteDefinition {
  readonly code: LabAnalyte;
  readonly unit: string;
  readonly loinc: string | null;
  readonly orderTest: LabOrderTest;
  readonly defaultRangeLow: number | null;
  readonly defaultRangeHigh: number | null;
  readonly defaultRangeRule: string | null;
  readonly maxValue: number;
  /** The least value the engine accepts (albumin-corrected calcium: 0.5 mmol/L); 0 otherwise. */
  readonly minValue: number;
}

const analyte = (
  code: LabAnalyte,
  unit: string,
  loinc: string | null,
  orderTest: LabOrderTest,
  maxValue: number,
  extra: Partial<Pick<LabAnalyteDefinition, 'defaultRangeLow' | 'defaultRangeRule' | 'minValue'>> = {},
): LabAnalyteDefinition => ({
  code,
  unit,
  loinc,
  orderTest,
  defaultRangeLow: extra.defaultRangeLow ?? null,
  defaultRangeHigh: null,
  defaultRangeRule: extra.defaultRangeRule ?? null,
  maxValue,
  minValue: extra.minValue ?? 0,
});

export const LAB_ANALYTE_DEFINITIONS: readonly LabAnalyteDefinition[] = [
  analyte('calcium', 'mmol/L', '2000-8', 'calcium', 10),
  analyte('albumin', 'g/L', '1751-7', 'albumin', 100),
  analyte('albuminCorrectedCalcium', 'mmol/L', null, 'calcium', 5, { minValue: 0.5 }),
  analyte('creatinine', 'µmol/L', '14682-9', 'creatinine_eGFR', 5000),
  analyte('eGFR', 'mL/min/1.73m²', null, 'creatinine_eGFR', 300),
  analyte('TSH', 'mU/L', '3016-3', 'TSH', 1000),
  analyte('25OHD', 'nmol/L', '14635-7', '25OHD', 1000, { defaultRangeLow: 30, defaultRangeRule: 'R13.4' }),
  analyte('testosterone', 'nmol/L', null, 'testosterone', 1000),
  analyte('ESR', 'mm/h', null, 'ESR', 200),
  analyte('mProtein', 'g/L', null, 'proteinSpectrumOrMProtein', 200),
  analyte('phosphate', 'mmol/L', '14879-1', 'phosphate', 20),
  analyte('alkalinePhosphatase', 'U/L', '6768-6', 'alkalinePhosphatase', 10000),
  analyte('tryptase', 'µg/L', null, 'tryptase', 10000),
  analyte('urinaryCalcium', 'mmol/24h', null, 'urinaryCalcium', 100),
];

const BY_CODE = new Map(LAB_ANALYTE_DEFINITIONS.map((a) => [a.code, a]));

export function analyteDefinition(code: LabAnalyte): LabAnalyteDefinition {
  const found = BY_CODE.get(code);
  if (found === undefined) throw new Error(`Unknown analyte ${code}`);
  return found;
}

export function analyteView(a: LabAnalyteDefinition): LabAnalyteView {
  return {
    code: a.code,
    unit: a.unit,
    loinc: a.loinc,
    orderTest: a.orderTest,
    defaultRangeLow: a.defaultRangeLow,
    defaultRangeHigh: a.defaultRangeHigh,
    defaultRangeRule: a.defaultRangeRule,
  };
}

/** The result against its range: below the low limit, above the high one, or in between; null without a range. */
export function labFlag(value: number, low: number | null, high: number | null): LabResultFlag | null {
  if (low === null && high === null) return null;
  if (low !== null && value < low) return 'low';
  if (high !== null && value > high) return 'high';
  return 'normal';
}
