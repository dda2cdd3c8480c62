import type { TFunction } from 'i18next';
import type { ConfigValueShape } from '@osteopad/contract';
import type { ValueProblem } from './configValueCheck';
import type { ConfigWords } from './configWords';

type NumberFormat = (value: number) => string;

function numberShapeOf(shape: ConfigValueShape) {
  if (shape.kind === 'number') return shape;
  if (shape.kind === 'nullable' || shape.kind === 'list' || shape.kind === 'record') {
    const inner = shape.kind === 'nullable' ? shape.inner : shape.item;
    return inner.kind === 'number' ? inner : null;
  }
  return null;
}

/** What the field accepts, in words under it: "Toegestaan: een heel getal van 0 tot en met 130 jaar." */
export function allowedText(
  t: TFunction,
  shape: ConfigValueShape,
  words: ConfigWords,
  format: NumberFormat,
): string | undefined {
  const number = numberShapeOf(shape);
  if (number === null)
    return shape.kind === 'calciumTable' ? t('configScreen.edit.allowed.ageBands') : undefined;
  const range = {
    min: format(number.min),
    max: format(number.max),
    unit: words.unit ?? '',
  };
  return (
    number.integer
      ? t('configScreen.edit.allowed.wholeNumber', range)
      : t('configScreen.edit.allowed.number', range)
  ).trim();
}

/** Why a typed value is refused, with the range where the range is the reason. */
export function problemText(
  t: TFunction,
  problem: ValueProblem,
  words: ConfigWords,
  format: NumberFormat,
): string {
  switch (problem.kind) {
    case 'required':
      return t('configScreen.edit.problems.required');
    case 'choice':
      return t('configScreen.edit.problems.choice');
    case 'range': {
      const range = { min: format(problem.min), max: format(problem.max), unit: words.unit ?? '' };
      return (
        problem.integer
          ? t('configScreen.edit.problems.rangeWhole', range)
          : t('configScreen.edit.problems.range', range)
      ).trim();
    }
    case 'listLength':
      return t('configScreen.edit.problems.listLength', { min: problem.min, max: problem.max });
    case 'duplicates':
      return t('configScreen.edit.problems.duplicates');
    case 'ageBands':
      return t('configScreen.edit.problems.ageBands');
  }
}
