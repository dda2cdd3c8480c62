// R8 — treatment indication: the current NHG treatment table (GP) with the conflicts and gaps RULES.md names.
import {
  NHG_RISK_GROUPS,
  VFA_CATEGORIES,
  type NhgRiskGroup,
  type TreatmentAdvice,
  type VfaCategory,
} from './codes';
import { configValue, DEFAULT_CONFIG, type ClinicalConfig, type ConfigKey } from './config';
import { explain, rule, type Explanation } from './explanation';
import { roundHalfAwayFromZero } from './rounding';
import {
  asRecord,
  checkArray,
  checkOneOf,
  rejectUnknownKeys,
  requireNumber,
  requireOneOf,
  T_SCORE_RANGE,
} from './validation';

export type { TreatmentAdvice } from './codes';
export type TScoreBin = 'A' | 'B' | 'C' | 'D' | 'E';

export interface TreatmentIndicationInput {
  readonly nhgRiskGroup: NhgRiskGroup;
  /** Lowest T-score; rounded to 1 decimal (R4.3) before the bin is chosen. */
  readonly lowestTScore: number;
  readonly vfaCategory: VfaCategory;
}

export interface TreatmentIndicationDecided {
  readonly status: 'ok';
  readonly tScoreBin: TScoreBin;
  readonly advice: TreatmentAdvice;
  readonly nhgRiskGroup: NhgRiskGroup;
  readonly explanation: Explanation;
}

/** A † cell of R8.1 (group 3, bin D, grade 2 or worse) or a patient outside the table. */
export interface TreatmentIndicationNotCovered {
  readonly status: 'notCovered';
  readonly gap: string;
  readonly ruleId: 'R8.1';
  readonly tScoreBin: TScoreBin | null;
  readonly advice: null;
  readonly explanation: Explanation;
}

export type TreatmentIndicationResult = TreatmentIndicationDecided | TreatmentIndicationNotCovered;

const BIN_KEYS: readonly ConfigKey[] = ['treatmentIndication.binReading', 'densitometry.minusOneHandling'];

/**
 * R8.1 T-score bins (Dutch "tot" read as an exclusive lower end [INFERRED]): A > −1.0; B −1.0…> −1.5;
 * C −1.5…> −2.0; D −2.0…> −2.5; E ≤ −2.5. With C5's default, −1.0 falls in B.
 */
export function tScoreBin(lowestTScore: number, config: ClinicalConfig = DEFAULT_CONFIG): TScoreBin {
  // Whole tenths avoid comparing binary fractions at the bin edges.
  const tenths = Math.round(roundHalfAwayFromZero(lowestTScore, 1) * 10);
  const minusOneIsLow = config.entries['densitometry.minusOneHandling'].value === 'lowForNhgAndLab';
  if (minusOneIsLow ? tenths > -10 : tenths >= -10) return 'A';
  if (config.entries['treatmentIndication.binReading'].value === 'totExclusiveLowerEnd') {
    if (tenths > -15) return 'B';
    if (tenths > -20) return 'C';
  } else {
    if (tenths >= -15) return 'B';
    if (tenths >= -20) return 'C';
  }
  return tenths > -25 ? 'D' : 'E';
}

type Row = Readonly<Record<VfaCategory, TreatmentAdvice | 'notAvailable'>>;

const ROW_A: Row = {
  none: 'noTreatment',
  grade1: 'noTreatment',
  grade2_single: 'noTreatment',
  grade2_multiple: 'noTreatment',
  grade3: 'noTreatment',
};
const ROW_B: Row = {
  none: 'noTreatment',
  grade1: 'noTreatment',
  grade2_single: 'treat',
  grade2_multiple: 'treat',
  grade3: 'treat',
};
const ROW_C: Row = {
  none: 'noTreatment',
  grade1: 'noTreatment',
  grade2_single: 'treat',
  grade2_multiple: 'refer',
  grade3: 'refer',
};
const ROW_D_GROUP1: Row = ROW_C;
const ROW_D_GROUP2: Row = {
  none: 'treat',
  grade1: 'treat',
  grade2_single: 'treat',
  grade2_multiple: 'refer',
  grade3: 'refer',
};
const ROW_D_GROUP3: Row = {
  none: 'noTreatment',
  grade1: 'noTreatment',
  grade2_single: 'notAvailable',
  grade2_multiple: 'notAvailable',
  grade3: 'notAvailable',
};

const R8_1 = rule('R8.1', ['S8']);
const R8_1_ROW_E = rule(
  'R8.1',
  ['S8', 'S7', 'S22/003'],
  'INFERRED',
  'row T ≤ −2.5 not available; filled in by inference',
);
const R8_1_DAGGER_FOLLOWED = rule(
  'R8.1',
  ['S8'],
  'INFERRED',
  'group 3, bin D, grade ≥ 2 (†) answered like group 1 by configuration',
);
const R8_1_C6 = rule(
  'R8.1',
  ['S7', 'S22/000'],
  'SOURCE',
  'vertebral fracture with T > −1.0 treated by configuration (C6)',
);
const R8_1_BINS = rule('R8.1', ['S8'], 'INFERRED', 'bin edges: "tot" read as an exclusive lower end');
const R8_1_NO_GROUP = rule('R8.1', ['S8', 'S6'], 'SOURCE', 'the table covers NHG risk groups 1–3 only');

const ROW_E_KEYS = {
  none: 'treatmentIndication.binE.none',
  grade1: 'treatmentIndication.binE.grade1',
  grade2_single: 'treatmentIndication.binE.grade2_single',
  grade2_multiple: 'treatmentIndication.binE.grade2_multiple',
  grade3: 'treatmentIndication.binE.grade3',
} as const satisfies Record<VfaCategory, ConfigKey>;

function decided(
  bin: TScoreBin,
  advice: TreatmentAdvice,
  group: NhgRiskGroup,
  rules: Explanation['rules'],
  keys: readonly ConfigKey[],
  conflicts: Explanation['conflicts'],
): TreatmentIndicationDecided {
  return {
    status: 'ok',
    tScoreBin: bin,
    advice,
    nhgRiskGroup: group,
    explanation: explain(rules, [...BIN_KEYS, ...keys], ['C5', ...conflicts]),
  };
}

/** R8.1 on clean input, for one risk group. */
export function treatmentIndicationUnchecked(
  input: TreatmentIndicationInput,
  config: ClinicalConfig,
): TreatmentIndicationResult {
  const bin = tScoreBin(input.lowestTScore, config);
  const vfa = input.vfaCategory;
  const group = input.nhgRiskGroup;
  switch (bin) {
    case 'A': {
      const override = config.entries['treatmentIndication.vertebralFractureWithTAboveMinus1'].value;
      if (vfa !== 'none' && override === 'treat') {
        return decided(
          bin,
          'treat',
          group,
          [R8_1_C6, R8_1_BINS],
          ['treatmentIndication.vertebralFractureWithTAboveMinus1'],
          ['C6'],
        );
      }
      return decided(
        bin,
        cell(ROW_A, vfa),
        group,
        [R8_1, R8_1_BINS],
        ['treatmentIndication.vertebralFractureWithTAboveMinus1'],
        ['C6'],
      );
    }
    case 'B':
      return decided(bin, cell(ROW_B, vfa), group, [R8_1, R8_1_BINS], [], []);
    case 'C':
      return decided(bin, cell(ROW_C, vfa), group, [R8_1, R8_1_BINS], [], []);
    case 'D': {
      if (group === 1) return decided(bin, cell(ROW_D_GROUP1, vfa), group, [R8_1, R8_1_BINS], [], []);
      if (group === 2) return decided(bin, cell(ROW_D_GROUP2, vfa), group, [R8_1, R8_1_BINS], [], []);
      const advice = ROW_D_GROUP3[vfa];
      if (advice !== 'notAvailable') return decided(bin, advice, group, [R8_1, R8_1_BINS], [], []);
      if (config.entries['treatmentIndication.binDGroup3Grade2OrWorse'].value === 'followGroup1') {
        return decided(
          bin,
          cell(ROW_D_GROUP1, vfa),
          group,
          [R8_1_DAGGER_FOLLOWED, R8_1_BINS],
          ['treatmentIndication.binDGroup3Grade2OrWorse'],
          [],
        );
      }
      return {
        status: 'notCovered',
        gap: 'NHG treatment table, risk group 3, T −2.0 … −2.5 with a grade 2 or 3 vertebral fracture († cell: text not available)',
        ruleId: 'R8.1',
        tScoreBin: bin,
        advice: null,
        explanation: explain(
          [R8_1, R8_1_BINS],
          [...BIN_KEYS, 'treatmentIndication.binDGroup3Grade2OrWorse'],
          ['C5'],
        ),
      };
    }
    case 'E':
      return decided(
        bin,
        configValue(config, ROW_E_KEYS[vfa]),
        group,
        [R8_1_ROW_E, R8_1_BINS],
        [ROW_E_KEYS[vfa]],
        [],
      );
  }
}

function cell(row: Row, vfa: VfaCategory): TreatmentAdvice {
  const advice = row[vfa];
  // Only the group-3 row of bin D has unavailable cells, and it is handled before this helper is used.
  return advice === 'notAvailable' ? 'noTreatment' : advice;
}

export function validateTreatmentIndicationInput(value: unknown, prefix = ''): TreatmentIndicationInput {
  const record = asRecord(value, prefix);
  rejectUnknownKeys(record, ['nhgRiskGroup', 'lowestTScore', 'vfaCategory'], prefix);
  return {
    nhgRiskGroup: requireOneOf(record, 'nhgRiskGroup', prefix, NHG_RISK_GROUPS),
    lowestTScore: requireNumber(record, 'lowestTScore', prefix, T_SCORE_RANGE),
    vfaCategory: requireOneOf(record, 'vfaCategory', prefix, VFA_CATEGORIES),
  };
}

/**
 * R8.1 NHG treatment table: advice `noTreatment` / `treat` / `refer` from the risk group, the lowest T-score bin and
 * the VFA category. Row E is [INFERRED] (configurable); the † cells answer `notCovered`; a vertebral fracture
 * with T > −1.0 is not treated unless the C6 override is configured.
 * @throws ClinicalInputError for out-of-range input.
 */
export function treatmentIndication(
  input: TreatmentIndicationInput,
  config: ClinicalConfig = DEFAULT_CONFIG,
): TreatmentIndicationResult {
  return treatmentIndicationUnchecked(validateTreatmentIndicationInput(input), config);
}

const ADVICE_RANK: Readonly<Record<TreatmentAdvice, number>> = { noTreatment: 0, treat: 1, refer: 2 };

/** R8.1 for a patient in several (or no) risk groups, combined per `treatmentIndication.multipleGroupsPolicy`. */
export function treatmentIndicationForGroupsUnchecked(
  groups: readonly NhgRiskGroup[],
  lowestTScore: number,
  vfaCategory: VfaCategory,
  config: ClinicalConfig,
): TreatmentIndicationResult {
  const first = groups[0];
  if (first === undefined) {
    return {
      status: 'notCovered',
      gap: 'the patient is in no current-NHG risk group (R2.1); the NIV indication module (R8.2) was not available',
      ruleId: 'R8.1',
      tScoreBin: tScoreBin(lowestTScore, config),
      advice: null,
      explanation: explain([R8_1_NO_GROUP], BIN_KEYS, ['C5']),
    };
  }
  if (
    groups.length === 1 ||
    config.entries['treatmentIndication.multipleGroupsPolicy'].value === 'lowestGroupNumber'
  ) {
    return treatmentIndicationUnchecked(
      { nhgRiskGroup: Math.min(...groups) as NhgRiskGroup, lowestTScore, vfaCategory },
      config,
    );
  }
  let best: TreatmentIndicationDecided | null = null;
  let uncovered: TreatmentIndicationNotCovered | null = null;
  for (const group of groups) {
    const result = treatmentIndicationUnchecked({ nhgRiskGroup: group, lowestTScore, vfaCategory }, config);
    if (result.status === 'notCovered') uncovered ??= result;
    else if (best === null || ADVICE_RANK[result.advice] > ADVICE_RANK[best.advice]) best = result;
  }
  if (best === null)
    return (
      uncovered ?? treatmentIndicationUnchecked({ nhgRiskGroup: first, lowestTScore, vfaCategory }, config)
    );
  return {
    ...best,
    explanation: explain(
      [
        ...best.explanation.rules,
        rule('R8.1', ['S8'], 'INFERRED', 'several risk groups apply: the most intensive advice counts'),
      ],
      [...best.explanation.configKeys, 'treatmentIndication.multipleGroupsPolicy'],
      best.explanation.conflicts,
    ),
  };
}

/**
 * R8.1 across every risk group that applies (R2.1 lists several at once).
 * @throws ClinicalInputError for out-of-range input.
 */
export function treatmentIndicationForGroups(
  groups: readonly NhgRiskGroup[],
  lowestTScore: number,
  vfaCategory: VfaCategory,
  config: ClinicalConfig = DEFAULT_CONFIG,
): TreatmentIndicationResult {
  const checkedGroups = checkArray(groups, 'nhgRiskGroups', 3).map((g, i) =>
    checkOneOf(g, `nhgRiskGroups[${i}]`, NHG_RISK_GROUPS),
  );
  const t = requireNumber({ lowestTScore }, 'lowestTScore', '', T_SCORE_RANGE);
  const vfa = checkOneOf(vfaCategory, 'vfaCategory', VFA_CATEGORIES);
  return treatmentIndicationForGroupsUnchecked(checkedGroups, t, vfa, config);
}
