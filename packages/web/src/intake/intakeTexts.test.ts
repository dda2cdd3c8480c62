import { describe, expect, it } from 'vitest';
import { INTAKE_QUESTIONNAIRE, intakeQuestions } from '@osteopad/contract';
import en from './i18n/en.json';
import nl from './i18n/nl.json';
import { UNIT_KEYS } from './intakeTexts';

const catalogues = { nl: nl.intake, en: en.intake };

describe('the intake texts', () => {
  const questions = intakeQuestions(INTAKE_QUESTIONNAIRE);
  const linkIds = [
    ...INTAKE_QUESTIONNAIRE.items.map((group) => group.linkId),
    ...questions.map((q) => q.linkId),
  ];
  const options = questions.flatMap((q) => (q.type === 'choice' ? q.answerOption : []));
  const units = questions.flatMap((q) => (q.type === 'integer' || q.type === 'decimal' ? [q.unit] : []));

  it.each(Object.entries(catalogues))(
    'words every linkId, answer option and unit in %s',
    (_language, texts) => {
      const items: Record<string, string> = texts.items;
      const optionTexts: Record<string, string> = texts.options;
      const unitTexts: Record<string, string> = texts.units;
      for (const linkId of linkIds) expect(items[linkId], linkId).toEqual(expect.stringMatching(/\S/));
      for (const option of options) expect(optionTexts[option], option).toEqual(expect.stringMatching(/\S/));
      for (const unit of units)
        expect(unitTexts[UNIT_KEYS[unit] ?? unit], unit).toEqual(expect.stringMatching(/\S/));
    },
  );

  it('has no texts for items the questionnaire does not have', () => {
    expect(Object.keys(nl.intake.items).sort()).toEqual([...linkIds].sort());
  });
});
