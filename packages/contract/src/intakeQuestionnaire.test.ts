import { describe, expect, it } from 'vitest';
import {
  checkIntakeAnswers,
  INTAKE_QUESTIONNAIRE,
  intakeQuestions,
  toFhirQuestionnaire,
  type FhirQuestionnaireItem,
} from './intakeQuestionnaire';

const fhir = toFhirQuestionnaire(INTAKE_QUESTIONNAIRE, (linkId, option) =>
  option === undefined ? `text of ${linkId}` : `${linkId}: ${option}`,
);

function all(items: readonly FhirQuestionnaireItem[]): FhirQuestionnaireItem[] {
  return items.flatMap((item) => [item, ...all(item.item ?? [])]);
}

describe('the intake questionnaire definition', () => {
  it('has unique linkIds, and every enableWhen names an earlier boolean or choice question', () => {
    const questions = intakeQuestions(INTAKE_QUESTIONNAIRE);
    const ids = [...INTAKE_QUESTIONNAIRE.items.map((g) => g.linkId), ...questions.map((q) => q.linkId)];
    expect(new Set(ids).size).toBe(ids.length);
    questions.forEach((question, index) => {
      for (const condition of question.enableWhen ?? []) {
        const target = questions.findIndex((q) => q.linkId === condition.question);
        expect(target, question.linkId).toBeGreaterThanOrEqual(0);
        expect(target).toBeLessThan(index);
        expect(['boolean', 'choice']).toContain(questions[target]?.type);
      }
      expect(question.rules.length, question.linkId).toBeGreaterThan(0);
    });
  });

  it('refuses a glucocorticoid dose above 2,000 mg/day (clinical DOSE_RANGE) and accepts 2,000', () => {
    const at = (dose: number) =>
      checkIntakeAnswers(
        INTAKE_QUESTIONNAIRE,
        { usesGlucocorticoids: true, glucocorticoidDoseMgPerDay: dose },
        { complete: false },
      );
    expect(at(5000)).toEqual([
      expect.objectContaining({ linkId: 'glucocorticoidDoseMgPerDay', code: 'out_of_range' }),
    ]);
    expect(at(2000)).toEqual([]);
    expect(at(-1)).toHaveLength(1);
  });

  it('asks the dose only of glucocorticoid users, and requires it of them when completing', () => {
    const required = (answers: Record<string, boolean | number>) =>
      checkIntakeAnswers(INTAKE_QUESTIONNAIRE, answers, { complete: true })
        .filter((issue) => issue.code === 'required')
        .map((issue) => issue.linkId);
    expect(required({ usesGlucocorticoids: false })).not.toContain('glucocorticoidDoseMgPerDay');
    expect(required({ usesGlucocorticoids: true })).toContain('glucocorticoidDoseMgPerDay');
    expect(required({})).toContain('usesGlucocorticoids');
  });
});

describe('toFhirQuestionnaire', () => {
  it('is a FHIR R4 Questionnaire of groups with items', () => {
    expect(fhir).toMatchObject({
      resourceType: 'Questionnaire',
      url: INTAKE_QUESTIONNAIRE.url,
      version: '2026.1',
      status: 'active',
    });
    for (const group of fhir.item) {
      expect(group.type).toBe('group');
      expect(group.item?.length).toBeGreaterThan(0);
    }
  });

  it('gives choice items their options, numbers their bounds, and enableWhen existing linkIds', () => {
    const items = all(fhir.item);
    const linkIds = new Set(items.map((item) => item.linkId));
    for (const item of items) {
      expect(item.text).toBe(`text of ${item.linkId}`);
      if (item.type === 'choice') expect(item.answerOption?.length).toBeGreaterThan(0);
      else expect(item.answerOption).toBeUndefined();
      if (item.type === 'group') expect(item.item?.length).toBeGreaterThan(0);
      for (const condition of item.enableWhen ?? []) expect(linkIds.has(condition.question)).toBe(true);
    }
    const dose = items.find((item) => item.linkId === 'glucocorticoidDoseMgPerDay');
    expect(dose?.enableWhen).toEqual([
      { question: 'usesGlucocorticoids', operator: '=', answerBoolean: true },
    ]);
    expect(dose?.extension).toContainEqual({
      url: 'http://hl7.org/fhir/StructureDefinition/maxValue',
      valueDecimal: 2000,
    });
    const menopause = items.find((item) => item.linkId === 'menopausalStatus');
    expect(menopause?.answerOption?.[0]).toEqual({
      valueCoding: { code: 'premenopausal', display: 'menopausalStatus: premenopausal' },
    });
  });
});
