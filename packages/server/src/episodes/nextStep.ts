import { COMPLETABLE_TASK_KINDS, isOneOf, type EpisodeState, type NextStepAction } from '@osteopad/contract';

export interface NextStepInput {
  state: EpisodeState;
  /** The episode's open tasks, soonest first. */
  openTasks: readonly { id: string; kind: string; dueDate: string }[];
  appointments: readonly { status: string }[];
}

export interface NextStep {
  action: NextStepAction;
  taskId: string | null;
}

/** The task kinds of the invitation loop, each with the step its task asks for. */
const STEP_OF_TASK: Readonly<Record<string, NextStepAction>> = {
  review_eligibility: 'review_eligibility',
  invite: 'invite',
  invite_reminder: 'send_reminder',
  no_response_follow_up: 'record_call_outcome',
  record_reply: 'record_reply',
  ask_gp_phone_number: 'ask_gp_phone_number',
};

/**
 * The one step the episode page suggests (its primary button): in the invitation loop the soonest
 * open task that asks for one (an eligibility review first: nothing else may happen before it);
 * from intake on, the consult's next screen by state (investigations once the patient attended the
 * appointment); none at an end.
 */
export function suggestNextStep({ state, openTasks, appointments }: NextStepInput): NextStep {
  switch (state) {
    case 'identified':
    case 'invited':
    case 'reminded': {
      const review = openTasks.find((task) => task.kind === 'review_eligibility');
      const task = review ?? openTasks.find((t) => STEP_OF_TASK[t.kind] !== undefined);
      if (task === undefined) return { action: 'record_reply', taskId: null };
      return { action: STEP_OF_TASK[task.kind] ?? 'none', taskId: task.id };
    }
    case 'intake':
      // The patient came: the measurements of that visit are entered next.
      if (appointments.some((a) => a.status === 'attended'))
        return { action: 'enter_investigations', taskId: null };
      return { action: 'open_intake', taskId: openTasks.find((t) => t.kind === 'consult_visit')?.id ?? null };
    case 'investigated':
      return { action: 'open_decision', taskId: null };
    case 'decided':
      return { action: 'open_decision', taskId: null };
    case 'treating':
    case 'no_treatment':
    case 'referred':
    case 'follow_up':
    case 're_evaluation': {
      // In follow-up the work is the dated tasks of the rules (R11): the soonest one completed here.
      const task = openTasks.find((t) => isOneOf(COMPLETABLE_TASK_KINDS, t.kind));
      return task === undefined
        ? { action: 'none', taskId: null }
        : { action: 'complete_task', taskId: task.id };
    }
    case 'closed':
    case 'declined':
    case 'not_eligible':
    case 'lost':
      return { action: 'none', taskId: null };
  }
}
