// The engine's view of a DXA or VFA: pure mappings between what is stored (dxa_exams.sites,
// vfa_exams.vertebrae), the engine's input (PatientInput's dxa and vfa sections) and the API's answer
// (contract: investigations.ts). The classification comes from the engine's own assessment
// (assessPatient: R4 with the lowest-site rule, evaluable sites and vertebrae, R5), so the screen
// shows exactly what the decision will use; nothing here re-implements a rule.
import {
  assessPatient,
  BMD_SITES,
  ClinicalInputError,
  EMPTY_EXPLANATION,
  genantGrade,
  insufficientData,
  mergeExplanations,
  spineImaging,
  vfaCategory,
  roundTScore,
  whoCategory,
  type ClinicalConfig,
  type DxaInput,
  type DxaSiteInput,
  type Explanation,
  type FractureInput,
  type GenantGrade,
  type PatientInput,
  type Sex,
  type VertebraInput,
  type VfaInput,
} from '@osteopad/clinical';
import {
  DXA_SITES,
  type DxaBody,
  type DxaClassification,
  type DxaSite,
  type DxaSiteValues,
  type TraumaMechanism,
  type VfaBody,
  type VfaLevel,
  type VfaResult,
} from '@osteopad/contract';
import { invalidFields } from '../domain/errors';
import type { PatientInputSections } from '../consult/patientInputSections';

export type StoredDxaSites = Record<DxaSite, DxaSiteValues | null>;
export interface StoredVertebra {
  level: VfaLevel;
  genantGrade: number | null;
  heightLossPercent: number | null;
}

/** What the engine needs to know of the patient besides the exam. */
export interface PatientContext {
  /** The engine knows female and male only; another recorded sex leaves the DXA undecided (`missing: sex`). */
  sex: Sex | null;
  birthDate: string;
  /** The episode's index fracture, when placed (R4.2: a fragility fracture makes T ≤ −2.5 "severe"). */
  fractures: FractureInput[];
  /** What the other areas of the consult know (the intake's menopausal status …). */
  sections: PatientInputSections;
  today: string;
}

const MECHANISMS: Record<TraumaMechanism, FractureInput['mechanism']> = {
  low: 'lowEnergy',
  high: 'highEnergy',
  unknown: 'unknown',
};

/** The episode's index fracture as the engine's input; none when its site is not placed. */
export function indexFractureInput(fracture: {
  fractureDate: string | null;
  siteCode: string | null;
  traumaMechanism: TraumaMechanism | null;
  pathological: boolean | null;
}): FractureInput[] {
  if (fracture.fractureDate === null || fracture.siteCode === null) return [];
  return [
    {
      date: fracture.fractureDate,
      site: fracture.siteCode,
      mechanism: MECHANISMS[fracture.traumaMechanism ?? 'unknown'],
      pathological: fracture.pathological,
      isIndex: true,
    },
  ];
}

const orNull = (value: number | null | undefined): number | null => value ?? null;

/** The request's sites as stored: every site named, null when not measured. */
export function storedDxaSites(sites: DxaBody['sites']): StoredDxaSites {
  const stored = {} as StoredDxaSites;
  for (const site of DXA_SITES) {
    const values = sites[site];
    stored[site] =
      values === undefined
        ? null
        : {
            bmdGcm2: orNull(values.bmdGcm2),
            tScore: orNull(values.tScore),
            zScore: orNull(values.zScore),
            evaluable: values.evaluable ?? true,
            vertebraeEvaluable: site === 'lumbarSpine' ? orNull(values.vertebraeEvaluable) : null,
          };
  }
  return stored;
}

export function storedVertebrae(vertebrae: VfaBody['vertebrae']): StoredVertebra[] {
  return vertebrae.map((v) => ({
    level: v.level,
    genantGrade: orNull(v.genantGrade),
    heightLossPercent: orNull(v.heightLossPercent),
  }));
}

/** Stored sites → the engine's `dxa` section (empty values left out). */
export function dxaInputOf(examDate: string, sites: StoredDxaSites): DxaInput {
  const input: { -readonly [K in DxaSite]?: DxaSiteInput } & { date?: string } = { date: examDate };
  for (const site of BMD_SITES) {
    const values = sites[site];
    if (values === null) continue;
    const siteInput: { -readonly [K in keyof DxaSiteInput]: DxaSiteInput[K] } = {
      evaluable: values.evaluable,
    };
    if (values.tScore !== null) siteInput.tScore = values.tScore;
    if (values.zScore !== null) siteInput.zScore = values.zScore;
    if (values.bmdGcm2 !== null) siteInput.bmdGcm2 = values.bmdGcm2;
    if (site === 'lumbarSpine' && values.vertebraeEvaluable !== null)
      siteInput.vertebraeEvaluable = values.vertebraeEvaluable;
    input[site] = siteInput;
  }
  return input;
}

/** Stored vertebrae → the engine's `vfa` section. */
export function vfaInputOf(assessable: boolean, vertebrae: readonly StoredVertebra[]): VfaInput {
  return {
    assessable,
    vertebrae: vertebrae.map((v): VertebraInput => {
      const input: { -readonly [K in keyof VertebraInput]: VertebraInput[K] } = { level: v.level };
      if (v.genantGrade !== null) input.genantGrade = v.genantGrade as VertebraInput['genantGrade'];
      if (v.heightLossPercent !== null) input.heightLossPercent = v.heightLossPercent;
      return input;
    }),
  };
}

function explanationAnswer(explanation: Explanation): DxaClassification['explanation'] {
  return {
    rules: explanation.rules.map((r) => ({
      ruleId: r.ruleId,
      sources: [...r.sources],
      marker: r.marker,
      note: r.note ?? null,
    })),
    conflicts: [...explanation.conflicts],
  };
}

/** The engine's field path (`dxa.lumbarSpine.tScore`) as the request named it. */
function requestField(enginePath: string): string {
  if (enginePath.startsWith('dxa.')) {
    const rest = enginePath.slice(4);
    return rest === 'date' ? 'body.examDate' : `body.sites.${rest}`;
  }
  if (enginePath.startsWith('vfa.')) return `body.${enginePath.slice(4).replace(/\[(\d+)\]/g, '.$1')}`;
  return `body.${enginePath}`;
}

/**
 * Runs the engine's assessment on the patient and the exam. Should the other sections or the fracture
 * not pass the engine's checks, the exam is assessed with the patient's sex and birth date alone; an
 * exam the engine refuses is a field error of the request.
 */
function assess(
  context: PatientContext & { sex: Sex },
  exam: Pick<PatientInput, 'dxa' | 'vfa'>,
  config: ClinicalConfig,
) {
  const full: PatientInput = {
    ...context.sections,
    sex: context.sex,
    birthDate: context.birthDate,
    fractures: context.fractures,
    ...exam,
  };
  try {
    return assessPatient(full, context.today, config);
  } catch (error) {
    if (!(error instanceof ClinicalInputError)) throw error;
    try {
      return assessPatient(
        { sex: context.sex, birthDate: context.birthDate, ...exam },
        context.today,
        config,
      );
    } catch (inner) {
      if (!(inner instanceof ClinicalInputError)) throw inner;
      throw invalidFields('The clinical engine refuses this exam.', [
        { field: requestField(inner.field), code: `engine_${inner.reason}`, message: inner.message },
      ]);
    }
  }
}

/** R4 for one DXA: the engine's classification (lowest site, category) and each site's rounded T-score. */
export function classifyDxa(
  context: PatientContext,
  examDate: string,
  sites: StoredDxaSites,
  config: ClinicalConfig,
): DxaClassification {
  const sex = context.sex;
  const part =
    sex === null
      ? insufficientData(['sex'], EMPTY_EXPLANATION)
      : assess({ ...context, sex }, { dxa: dxaInputOf(examDate, sites) }, config).densitometry;
  const ok = part.status === 'ok' ? part : null;
  const sitesUsed: readonly string[] = ok?.sitesUsed ?? [];
  const whoApplies = ok?.useZScore !== true;
  const siteRows = DXA_SITES.flatMap((site) => {
    const values = sites[site];
    if (values === null) return [];
    const t = values.tScore;
    return [
      {
        site,
        tScoreRounded: t === null ? null : roundTScore(t),
        // The WHO category of this site's own T-score (R4.2); "severe" is the patient's, not a site's.
        category: t === null || !whoApplies ? null : whoCategory(t, false, config),
        used: sitesUsed.includes(site),
      },
    ];
  });
  if (part.status !== 'ok') {
    return {
      status: 'insufficientData',
      lowestSite: null,
      lowestTScore: null,
      category: null,
      useZScore: null,
      lowestZScore: null,
      zCategory: null,
      missing: [...part.missing],
      sites: siteRows,
      explanation: explanationAnswer(part.explanation),
    };
  }
  return {
    status: 'ok',
    lowestSite: part.lowestSite,
    lowestTScore: part.lowestTScore,
    category: part.category,
    useZScore: part.useZScore,
    lowestZScore: part.lowestZScore,
    zCategory: part.zCategory,
    missing: [...part.missing],
    sites: siteRows,
    explanation: explanationAnswer(part.explanation),
  };
}

/**
 * R5 for one VFA: each vertebra's grade (R5.2, from the grade or the height loss) and the patient's
 * category (R5.4); not assessable → X-ray of the spine instead (R5.1). R5 does not depend on the patient.
 */
export function vfaResultOf(assessable: boolean, vertebrae: readonly StoredVertebra[]): VfaResult {
  if (!assessable) {
    return {
      status: 'notAssessable',
      category: null,
      fracturedVertebraCount: null,
      highestGrade: null,
      grades: [],
      explanation: explanationAnswer(spineImaging(false).explanation),
    };
  }
  const graded = vertebrae.map((v) => {
    if (v.genantGrade !== null)
      return { level: v.level, grade: v.genantGrade as GenantGrade, explanation: null };
    const fromLoss = genantGrade(v.heightLossPercent ?? 0);
    return { level: v.level, grade: fromLoss.genantGrade, explanation: fromLoss.explanation };
  });
  const result = vfaCategory(graded.map((g) => g.grade));
  const explanations = graded.flatMap((g) => (g.explanation === null ? [] : [g.explanation]));
  return {
    status: 'ok',
    category: result.vfaCategory,
    fracturedVertebraCount: result.fracturedVertebraCount,
    highestGrade: result.highestGrade,
    grades: graded.map((g) => ({ level: g.level, grade: g.grade })),
    explanation: explanationAnswer(mergeExplanations(result.explanation, ...explanations)),
  };
}
