import {
  MULTI_VALUE_ITEMS,
  VALUES_OF_ITEM,
  type AssessmentItem,
  type DecidedItem,
  type DecisionBody,
} from '@osteopad/contract';
import type { FieldIssue } from '../domain/errors';

type BodyItem = DecisionBody['items'][number];

export type ChoicesResult = { ok: true; items: DecidedItem[] } | { ok: false; issues: FieldIssue[] };

function validValue(item: AssessmentItem, value: BodyItem['value']): boolean {
  const allowed = VALUES_OF_ITEM[item.code];
  if (MULTI_VALUE_ITEMS.includes(item.code)) {
    return (
      Array.isArray(value) && new Set(value).size === value.length && value.every((v) => allowed.includes(v))
    );
  }
  return typeof value === 'string' && allowed.includes(value);
}

/**
 * The clinician's choice on every item of the assessment: each item answered once; an override needs a
 * value the item can take and a reason. Accepting an item the engine could not decide records it as
 * undecided. A drug for a patient the clinician decided not to treat is refused as inconsistent.
 */
export function applyChoices(assessed: readonly AssessmentItem[], body: readonly BodyItem[]): ChoicesResult {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  body.forEach((choice, i) => {
    if (seen.has(choice.code))
      issues.push({
        field: `body.items.${i}.code`,
        message: 'This item is answered twice.',
        code: 'duplicate',
      });
    else seen.set(choice.code, i);
  });
  const decided: DecidedItem[] = [];
  for (const item of assessed) {
    const i = seen.get(item.code);
    const choice = i === undefined ? undefined : body[i];
    if (i === undefined || choice === undefined) {
      issues.push({
        field: 'body.items',
        message: `The item ${item.code} is not answered.`,
        code: 'item_missing',
      });
      continue;
    }
    const reason = choice.reason ?? '';
    if (choice.choice === 'override') {
      if (reason.trim() === '')
        issues.push({
          field: `body.items.${i}.reason`,
          message: 'An override needs a reason.',
          code: 'reason_required',
        });
      if (choice.value === undefined || choice.value === null)
        issues.push({
          field: `body.items.${i}.value`,
          message: 'Choose the value instead.',
          code: 'value_required',
        });
      else if (!validValue(item, choice.value))
        issues.push({
          field: `body.items.${i}.value`,
          message: 'This item cannot take this value.',
          code: 'invalid_value',
        });
    }
    const decidedValue =
      choice.choice === 'override' && choice.value !== undefined ? choice.value : item.value;
    decided.push({ ...item, choice: choice.choice, decidedValue: decidedValue ?? null, reason });
  }
  if (issues.length > 0) return { ok: false, issues };
  const indication = decided.find((d) => d.code === 'treatment_indication')?.decidedValue;
  const drugIndex = body.findIndex((b) => b.code === 'drug');
  const drug = decided.find((d) => d.code === 'drug')?.decidedValue;
  if (indication === 'no_treatment' && typeof drug === 'string' && drug !== 'none') {
    return {
      ok: false,
      issues: [
        {
          field: `body.items.${drugIndex}.value`,
          message: 'A drug was chosen for a patient decided not to be treated.',
          code: 'inconsistent_with_indication',
        },
      ],
    };
  }
  return { ok: true, items: decided };
}
