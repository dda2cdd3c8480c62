import { describe, expect, it } from 'vitest';
import { INTAKE_QUESTIONNAIRE, intakeQuestions } from '@osteopad/contract';
import { UNIT_KEYS } from '../intake/intakeTexts';
import en from './i18n/en.json';
import nl from './i18n/nl.json';
import { portalSteps, stepOf, WOMEN_ONLY_ITEMS } from './portalQuestions';

const asked = (steps: ReturnType<typeof portalSteps>) =>
  steps.flatMap((s) => s.questions.map((q) => q.linkId));

describe('what the portal asks', () => {
  it('asks a woman every enabled question of the staff form’s definition, one step per part', () => {
    const steps = portalSteps({}, 'female');
    expect(steps.map((s) => s.group.linkId)).toEqual(INTAKE_QUESTIONNAIRE.items.map((g) => g.linkId));
    expect(asked(steps)).toContain('pregnant');
    // The prednisone details only once the patient says they take it.
    expect(asked(steps)).not.toContain('glucocorticoidDoseMgPerDay');
    expect(asked(portalSteps({ usesGlucocorticoids: true }, 'female'))).toContain(
      'glucocorticoidDoseMgPerDay',
    );
  });

  it('leaves out the menopause, pregnancy and breastfeeding questions for a man only', () => {
    const man = asked(portalSteps({}, 'male'));
    for (const linkId of WOMEN_ONLY_ITEMS) expect(man).not.toContain(linkId);
    const unknown = asked(portalSteps({}, 'unknown'));
    for (const linkId of WOMEN_ONLY_ITEMS) expect(unknown).toContain(linkId);
  });

  it('finds the step of a question, for a refused answer', () => {
    const steps = portalSteps({}, 'female');
    expect(steps[stepOf(steps, 'weightKg')]?.group.linkId).toBe('body');
    expect(stepOf(steps, 'noSuchQuestion')).toBe(-1);
  });
});

describe('the portal questionnaire’s words', () => {
  const questions = intakeQuestions(INTAKE_QUESTIONNAIRE);
  const linkIds = [...INTAKE_QUESTIONNAIRE.items.map((g) => g.linkId), ...questions.map((q) => q.linkId)];
  it.each([
    ['nl', nl.portalIntake],
    ['en', en.portalIntake],
  ] as const)('words every question, option and unit in %s, and nothing else', (_language, texts) => {
    const items: Record<string, string> = texts.items;
    const options: Record<string, string> = texts.options;
    const units: Record<string, string> = texts.units;
    expect(Object.keys(items).sort()).toEqual([...linkIds].sort());
    for (const q of questions) {
      if (q.type === 'choice') for (const o of q.answerOption) expect(options[o], o).toMatch(/\S/);
      if (q.type === 'integer' || q.type === 'decimal')
        expect(units[UNIT_KEYS[q.unit] ?? q.unit], q.unit).toMatch(/\S/);
    }
  });
});
