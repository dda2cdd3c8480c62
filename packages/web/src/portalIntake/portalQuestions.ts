import {
  INTAKE_QUESTIONNAIRE,
  isIntakeItemEnabled,
  type IntakeAnswers,
  type IntakeGroupItem,
  type IntakeQuestion,
  type Sex,
} from '@osteopad/contract';

/**
 * What the portal asks of the questionnaire (the staff form's definition): the groups and questions their
 * conditions enable, without the questions about menopause, pregnancy and breastfeeding when the patient
 * is registered as a man (all optional; staff ask them at the visit when they matter).
 */
export const WOMEN_ONLY_ITEMS: ReadonlySet<string> = new Set([
  'earlyMenopause',
  'menopausalStatus',
  'pregnant',
  'lactating',
]);

export interface PortalStep {
  group: IntakeGroupItem;
  questions: readonly IntakeQuestion[];
}

export function portalSteps(answers: IntakeAnswers, sex: Sex): PortalStep[] {
  return INTAKE_QUESTIONNAIRE.items
    .filter((group) => isIntakeItemEnabled(group, answers))
    .map((group) => ({
      group,
      questions: group.items.filter(
        (item) =>
          isIntakeItemEnabled(item, answers) && !(sex === 'male' && WOMEN_ONLY_ITEMS.has(item.linkId)),
      ),
    }))
    .filter((step) => step.questions.length > 0);
}

/** The step (index) that holds a question, or -1. */
export function stepOf(steps: readonly PortalStep[], linkId: string): number {
  return steps.findIndex((step) => step.questions.some((q) => q.linkId === linkId));
}
