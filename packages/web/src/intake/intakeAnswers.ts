import {
  INTAKE_QUESTIONNAIRE,
  intakeQuestions,
  isIntakeItemEnabled,
  type IntakeAnswer,
  type IntakeAnswers,
  type IntakeNumberItem,
} from '@osteopad/contract';

/** The questionnaire's forms (staff and portal): what they send and how a refusal reaches its field. */

/** Only the answers the rest of the form asks: a question hidden by its condition is not sent. */
export function enabledAnswers(answers: IntakeAnswers): Record<string, IntakeAnswer> {
  const kept: Record<string, IntakeAnswer> = {};
  for (const group of INTAKE_QUESTIONNAIRE.items) {
    if (!isIntakeItemEnabled(group, answers)) continue;
    for (const item of group.items) {
      const value = answers[item.linkId];
      if (value !== undefined && isIntakeItemEnabled(item, answers)) kept[item.linkId] = value;
    }
  }
  return kept;
}

/** The number questions by linkId, for the words of a refused number (its range and unit). */
export const NUMBER_ITEMS: ReadonlyMap<string, IntakeNumberItem> = new Map(
  intakeQuestions(INTAKE_QUESTIONNAIRE)
    .filter((q): q is IntakeNumberItem => q.type === 'integer' || q.type === 'decimal')
    .map((q) => [q.linkId, q]),
);

const FIELD_PREFIX = 'body.answers.';

/** The server's refused answers (`body.answers.<linkId>`) as a message per linkId, worded by the form. */
export function fieldIssues(
  issues: readonly { field: string; code: string }[],
  word: (code: string, linkId: string) => string,
): Record<string, string> {
  const byLinkId: Record<string, string> = {};
  for (const issue of issues) {
    const linkId = issue.field.startsWith(FIELD_PREFIX)
      ? issue.field.slice(FIELD_PREFIX.length)
      : issue.field;
    byLinkId[linkId] = word(issue.code, linkId);
  }
  return byLinkId;
}
