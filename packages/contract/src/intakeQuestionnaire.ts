/*
 * The intake questionnaire: one versioned definition, used by the staff form now and the patient portal
 * later, shaped after a FHIR R4 Questionnaire (`toFhirQuestionnaire` serves it as one). Texts are not
 * here: each screen words a linkId from its own catalogue (web: intake.items.<linkId>). Every question
 * names the rule IDs of RULES.md it feeds; numbers carry their bounds and UCUM unit. The server maps the
 * answers to the clinical engine's input (server: src/intake/intakeAnswersToPatientInput.ts).
 *
 * A new version of the questionnaire gets a new `version`; stored responses keep the version they were
 * answered with.
 */

export const INTAKE_ITEM_TYPES = ['group', 'boolean', 'choice', 'integer', 'decimal'] as const;
export type IntakeItemType = (typeof INTAKE_ITEM_TYPES)[number];

/** Shown only when every condition holds (FHIR enableWhen with operator '=' and enableBehavior 'all'). */
export interface IntakeEnableWhen {
  readonly question: string;
  readonly answer: boolean | string;
}

interface IntakeItemBase {
  readonly linkId: string;
  readonly enableWhen?: readonly IntakeEnableWhen[];
}

interface IntakeQuestionBase extends IntakeItemBase {
  readonly required: boolean;
  /** The RULES.md rule IDs the answer feeds. */
  readonly rules: readonly string[];
}

export interface IntakeBooleanItem extends IntakeQuestionBase {
  readonly type: 'boolean';
}

export interface IntakeChoiceItem extends IntakeQuestionBase {
  readonly type: 'choice';
  readonly answerOption: readonly string[];
}

export interface IntakeNumberItem extends IntakeQuestionBase {
  readonly type: 'integer' | 'decimal';
  readonly min: number;
  readonly max: number;
  /** UCUM unit code (`mg/d`, `kg`, `cm`, `mo`, `[IU]/d`, `{portion}/d` …). */
  readonly unit: string;
}

export type IntakeQuestion = IntakeBooleanItem | IntakeChoiceItem | IntakeNumberItem;

export interface IntakeGroupItem extends IntakeItemBase {
  readonly type: 'group';
  readonly items: readonly IntakeQuestion[];
}

export interface IntakeQuestionnaireDefinition {
  readonly url: string;
  readonly version: string;
  readonly status: 'draft' | 'active' | 'retired';
  readonly items: readonly IntakeGroupItem[];
}

/** One answer: a boolean, a number, or the code of an answer option. */
export type IntakeAnswer = boolean | number | string;
export type IntakeAnswers = Readonly<Record<string, IntakeAnswer>>;

const yesNo = (
  linkId: string,
  rules: readonly string[],
  required = false,
  enableWhen?: readonly IntakeEnableWhen[],
): IntakeBooleanItem =>
  enableWhen === undefined
    ? { linkId, type: 'boolean', required, rules }
    : { linkId, type: 'boolean', required, rules, enableWhen };

const whenGlucocorticoids: readonly IntakeEnableWhen[] = [{ question: 'usesGlucocorticoids', answer: true }];
const whenVitaminD: readonly IntakeEnableWhen[] = [{ question: 'usesVitaminD', answer: true }];

/** R12.2: the food items whose portions a day are counted (clinical FOOD_CODES). */
export const INTAKE_FOOD_CODES = [
  'milkGlass',
  'buttermilkGlass',
  'yoghurtPot',
  'porridgeBowl',
  'custardPot',
  'quarkPot',
  'cheeseSlice',
  'cookedVegetablesSpoon',
  'mixedNutsHandful',
  'wholemealBreadSlice',
] as const;
export type IntakeFoodCode = (typeof INTAKE_FOOD_CODES)[number];

/** clinical MENOPAUSAL_STATUSES. */
export const INTAKE_MENOPAUSAL_STATUSES = [
  'premenopausal',
  'perimenopausal',
  'postmenopausal',
  'unknown',
] as const;

export const INTAKE_QUESTIONNAIRE: IntakeQuestionnaireDefinition = {
  url: 'https://osteopad.example/fhir/Questionnaire/fls-intake',
  version: '2026.1',
  status: 'active',
  items: [
    {
      linkId: 'riskFactors',
      type: 'group',
      items: [
        yesNo('parentHipFracture', ['R3.1', 'R3.4'], true),
        yesNo('familyHistoryOsteoporosis', ['R3.4']),
        yesNo('reducedMobility', ['R3.1', 'R3.4', 'R7.1'], true),
        yesNo('rheumatoidArthritis', ['R3.1', 'R3.4'], true),
        yesNo('secondaryOsteoporosisCondition', ['R3.1', 'R3.3'], true),
        yesNo('aromataseInhibitorOrAntiAndrogen', ['R3.4']),
        yesNo('smoker', ['R3.4'], true),
        {
          linkId: 'alcoholUnitsPerDay',
          type: 'decimal',
          required: false,
          rules: ['R3.4'],
          min: 0,
          max: 100,
          unit: '{unit}/d',
        },
        yesNo('earlyMenopause', ['R3.4']),
      ],
    },
    {
      linkId: 'body',
      type: 'group',
      items: [
        {
          linkId: 'weightKg',
          type: 'decimal',
          required: true,
          rules: ['R3.1'],
          min: 1,
          max: 400,
          unit: 'kg',
        },
        {
          linkId: 'heightCm',
          type: 'decimal',
          required: true,
          rules: ['R3.1'],
          min: 30,
          max: 260,
          unit: 'cm',
        },
        {
          linkId: 'menopausalStatus',
          type: 'choice',
          required: false,
          rules: ['R3.4', 'R9.3'],
          answerOption: INTAKE_MENOPAUSAL_STATUSES,
        },
        yesNo('pregnant', ['R12.1', 'R13.1']),
        yesNo('lactating', ['R12.1']),
      ],
    },
    {
      linkId: 'medication',
      type: 'group',
      items: [
        yesNo('usesGlucocorticoids', ['R9', 'R3.1', 'R2.1'], true),
        {
          linkId: 'glucocorticoidDoseMgPerDay',
          type: 'decimal',
          required: true,
          rules: ['R9.3', 'R9.4', 'R3.1'],
          // clinical validation.ts DOSE_RANGE
          min: 0,
          max: 2000,
          unit: 'mg/d',
          enableWhen: whenGlucocorticoids,
        },
        {
          linkId: 'glucocorticoidMonthsUsed',
          type: 'decimal',
          required: true,
          rules: ['R9.5', 'R3.1'],
          // clinical validation.ts MONTHS_RANGE
          min: 0,
          max: 1560,
          unit: 'mo',
          enableWhen: whenGlucocorticoids,
        },
        {
          linkId: 'glucocorticoidExpectedDurationMonths',
          type: 'decimal',
          required: false,
          rules: ['R9.2'],
          min: 0,
          max: 1560,
          unit: 'mo',
          enableWhen: whenGlucocorticoids,
        },
        {
          linkId: 'glucocorticoidBurstsPerYear',
          type: 'integer',
          required: true,
          rules: ['R9.5', 'R2.1'],
          // clinical patientInput.ts BURSTS_RANGE
          min: 0,
          max: 365,
          unit: '/a',
        },
        yesNo('fallRiskIncreasingMedication', ['R7.1', 'R7.3']),
      ],
    },
    {
      linkId: 'falls',
      type: 'group',
      items: [
        {
          linkId: 'fallsPastYear',
          type: 'integer',
          required: true,
          rules: ['R7.1', 'R7.2'],
          min: 0,
          max: 1000,
          unit: '/a',
        },
        yesNo('worriedAboutFalling', ['R7.2'], true),
        yesNo('difficultyWalkingOrBalance', ['R7.2'], true),
      ],
    },
    {
      linkId: 'calcium',
      type: 'group',
      items: [
        ...INTAKE_FOOD_CODES.map((food): IntakeNumberItem => ({
          linkId: food,
          type: 'decimal',
          required: false,
          rules: ['R12.2'],
          // clinical patientInput.ts PORTION_RANGE
          min: 0,
          max: 100,
          unit: '{portion}/d',
        })),
        {
          linkId: 'calciumSupplementMgPerDay',
          type: 'decimal',
          required: false,
          rules: ['R12.2'],
          // clinical patientInput.ts SUPPLEMENT_RANGE
          min: 0,
          max: 5000,
          unit: 'mg/d',
        },
      ],
    },
    {
      linkId: 'vitaminD',
      type: 'group',
      items: [
        yesNo('usesVitaminD', ['R13.3', 'R7.3']),
        {
          linkId: 'vitaminDDailyIU',
          type: 'decimal',
          required: false,
          rules: ['R13.3', 'R7.3'],
          // clinical patientInput.ts IU_RANGE
          min: 0,
          max: 10_000_000,
          unit: '[IU]/d',
          enableWhen: whenVitaminD,
        },
        {
          linkId: 'vitaminDMonthlyBolusIU',
          type: 'decimal',
          required: false,
          rules: ['R13.3', 'R7.3'],
          min: 0,
          max: 10_000_000,
          unit: '[IU]/mo',
          enableWhen: whenVitaminD,
        },
        yesNo('darkSkin', ['R13.1', 'R13.2'], true),
        yesNo('outdoorsSufficient', ['R13.1', 'R13.2'], true),
        yesNo('bodyCovering', ['R13.1', 'R3.3'], true),
        yesNo('veil', ['R13.2']),
      ],
    },
    {
      linkId: 'dental',
      type: 'group',
      items: [
        yesNo('recentDentalCheck', ['R10.4']),
        yesNo('plannedDentalWork', ['R10.4']),
        yesNo('oralProblems', ['R10.4']),
      ],
    },
    {
      linkId: 'contraindications',
      type: 'group',
      items: [
        yesNo('canStayUpright30Min', ['R10.2']),
        yesNo('oesophagealEmptyingDisorder', ['R10.2']),
        yesNo('historyMyocardialInfarctionOrStroke', ['R10.1', 'R10.2']),
        yesNo('priorSkeletalRadiotherapy', ['R10.2']),
        yesNo('skeletalMalignancyOrMetastases', ['R10.2']),
        {
          linkId: 'teriparatideMonthsUsed',
          type: 'decimal',
          required: false,
          rules: ['R10.2'],
          min: 0,
          max: 600,
          unit: 'mo',
        },
      ],
    },
  ],
};

/** Every question of a definition, in order, with the group it is in. */
export function intakeQuestions(definition: IntakeQuestionnaireDefinition): readonly IntakeQuestion[] {
  return definition.items.flatMap((group) => group.items);
}

/** Whether an item's conditions hold for these answers. */
export function isIntakeItemEnabled(
  item: { readonly enableWhen?: readonly IntakeEnableWhen[] },
  answers: IntakeAnswers,
): boolean {
  return (item.enableWhen ?? []).every((condition) => answers[condition.question] === condition.answer);
}

/** Why an answer is refused: each has its text in the screens' catalogues (intake.issues.<code>). */
export const INTAKE_ISSUE_CODES = [
  'unknown_item',
  'wrong_type',
  'not_integer',
  'out_of_range',
  'not_an_option',
  'not_enabled',
  'required',
] as const;
export type IntakeIssueCode = (typeof INTAKE_ISSUE_CODES)[number];

export interface IntakeAnswerIssue {
  readonly linkId: string;
  readonly code: IntakeIssueCode;
  readonly message: string;
}

function checkAnswer(question: IntakeQuestion, value: IntakeAnswer): IntakeAnswerIssue | null {
  const at = question.linkId;
  switch (question.type) {
    case 'boolean':
      return typeof value === 'boolean'
        ? null
        : { linkId: at, code: 'wrong_type', message: 'Expected yes or no.' };
    case 'choice':
      if (typeof value !== 'string')
        return { linkId: at, code: 'wrong_type', message: 'Expected an option code.' };
      return question.answerOption.includes(value)
        ? null
        : { linkId: at, code: 'not_an_option', message: 'Not one of the answer options.' };
    case 'integer':
    case 'decimal': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return { linkId: at, code: 'wrong_type', message: 'Expected a number.' };
      if (question.type === 'integer' && !Number.isInteger(value))
        return { linkId: at, code: 'not_integer', message: 'Expected a whole number.' };
      if (value < question.min || value > question.max) {
        return {
          linkId: at,
          code: 'out_of_range',
          message: `Must lie between ${String(question.min)} and ${String(question.max)} ${question.unit}.`,
        };
      }
      return null;
    }
  }
}

/**
 * Checks answers against a definition: every answer names a question, has its type, lies within its
 * bounds and is enabled by the other answers; with `complete`, every enabled required question is
 * answered. Answers the rest of the form disables are refused, never kept silently.
 */
export function checkIntakeAnswers(
  definition: IntakeQuestionnaireDefinition,
  answers: IntakeAnswers,
  options: { readonly complete: boolean },
): IntakeAnswerIssue[] {
  const issues: IntakeAnswerIssue[] = [];
  const questions = new Map<string, { question: IntakeQuestion; group: IntakeGroupItem }>();
  for (const group of definition.items)
    for (const question of group.items) questions.set(question.linkId, { question, group });
  for (const [linkId, value] of Object.entries(answers)) {
    const found = questions.get(linkId);
    if (found === undefined) {
      issues.push({ linkId, code: 'unknown_item', message: 'Not a question of this questionnaire.' });
      continue;
    }
    const issue = checkAnswer(found.question, value);
    if (issue !== null) issues.push(issue);
    else if (!isIntakeItemEnabled(found.group, answers) || !isIntakeItemEnabled(found.question, answers))
      issues.push({ linkId, code: 'not_enabled', message: 'The other answers do not ask this question.' });
  }
  if (options.complete) {
    for (const { question, group } of questions.values()) {
      if (!question.required || answers[question.linkId] !== undefined) continue;
      if (isIntakeItemEnabled(group, answers) && isIntakeItemEnabled(question, answers))
        issues.push({ linkId: question.linkId, code: 'required', message: 'An answer is required.' });
    }
  }
  return issues;
}

/** FHIR R4 Questionnaire item types of ours: a number with decimals is `decimal`, a choice `choice`. */
export interface FhirQuestionnaireItem {
  linkId: string;
  text: string;
  type: IntakeItemType;
  required?: boolean;
  answerOption?: { valueCoding: { code: string; display: string } }[];
  enableWhen?: ({ question: string; operator: '=' } & (
    { answerBoolean: boolean } | { answerCoding: { code: string } }
  ))[];
  enableBehavior?: 'all';
  item?: FhirQuestionnaireItem[];
  extension?: {
    url: string;
    valueDecimal?: number;
    valueInteger?: number;
    valueCoding?: { system: string; code: string };
  }[];
}

export interface FhirQuestionnaire {
  resourceType: 'Questionnaire';
  url: string;
  version: string;
  status: 'draft' | 'active' | 'retired';
  item: FhirQuestionnaireItem[];
}

const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';
const UNIT = 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit';

function fhirEnableWhen(item: {
  readonly enableWhen?: readonly IntakeEnableWhen[];
}): Partial<FhirQuestionnaireItem> {
  if (item.enableWhen === undefined || item.enableWhen.length === 0) return {};
  return {
    enableWhen: item.enableWhen.map((c) =>
      typeof c.answer === 'boolean'
        ? { question: c.question, operator: '=' as const, answerBoolean: c.answer }
        : { question: c.question, operator: '=' as const, answerCoding: { code: c.answer } },
    ),
    enableBehavior: 'all',
  };
}

/**
 * The definition as a FHIR R4 Questionnaire resource. `textOf(linkId)` words an item and
 * `textOf(linkId, option)` an answer option, in the language the caller serves.
 */
export function toFhirQuestionnaire(
  definition: IntakeQuestionnaireDefinition,
  textOf: (linkId: string, option?: string) => string,
): FhirQuestionnaire {
  const question = (q: IntakeQuestion): FhirQuestionnaireItem => {
    const item: FhirQuestionnaireItem = {
      linkId: q.linkId,
      text: textOf(q.linkId),
      type: q.type,
      required: q.required,
      ...fhirEnableWhen(q),
    };
    if (q.type === 'choice') {
      item.answerOption = q.answerOption.map((code) => ({
        valueCoding: { code, display: textOf(q.linkId, code) },
      }));
    }
    if (q.type === 'integer' || q.type === 'decimal') {
      const bound = (url: string, value: number) =>
        q.type === 'integer' ? { url, valueInteger: value } : { url, valueDecimal: value };
      item.extension = [
        bound(MIN_VALUE, q.min),
        bound(MAX_VALUE, q.max),
        { url: UNIT, valueCoding: { system: 'http://unitsofmeasure.org', code: q.unit } },
      ];
    }
    return item;
  };
  return {
    resourceType: 'Questionnaire',
    url: definition.url,
    version: definition.version,
    status: definition.status,
    item: definition.items.map((group) => ({
      linkId: group.linkId,
      text: textOf(group.linkId),
      type: 'group',
      ...fhirEnableWhen(group),
      item: group.items.map(question),
    })),
  };
}
