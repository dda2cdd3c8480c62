import type { TFunction } from 'i18next';
import {
  APPOINTMENT_KINDS,
  APPOINTMENT_STATUSES,
  FRACTURE_INCLUSION_REASONS,
  isOneOf,
  STORED_DOCUMENT_KINDS,
  type TimelineEntry,
} from '@osteopad/contract';
import { formatDate } from '../format/dates';
import { episodeReasonLabel, episodeStateLabel, taskKindLabel } from '../i18n/labels';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const number = (value: unknown): number => (typeof value === 'number' ? value : 0);

const appointmentKinds = (t: TFunction, list: string): string =>
  list
    .split(',')
    .filter((kind) => kind !== '')
    .map((kind) => (isOneOf(APPOINTMENT_KINDS, kind) ? t(`episode.appointmentKind.${kind}`) : kind))
    .join(', ');

const appointmentStatus = (t: TFunction, status: string): string =>
  isOneOf(APPOINTMENT_STATUSES, status) ? t(`episode.appointmentStatus.${status}`) : status;

const callOutcome = (t: TFunction, outcome: string): string => {
  switch (outcome) {
    case 'reached':
    case 'not_reached':
    case 'wrong_number':
      return t(`episode.call.${outcome}`);
    default:
      return outcome;
  }
};

/**
 * One timeline entry in words. The invitation loop's kinds are worded here; a kind another area
 * writes (or one added later) is shown as its code until that area words it.
 */
export function timelineText(t: TFunction, entry: TimelineEntry): string {
  const d = entry.details;
  switch (entry.kind) {
    case 'state_changed': {
      const { from: _from, to, reasonCode, ...details } = d;
      return t('episode.timeline.kind.state_changed', {
        state: episodeStateLabel(t, text(to)),
        reason: episodeReasonLabel(t, { code: text(reasonCode), details }),
      });
    }
    case 'task_created':
      return t('episode.timeline.kind.task_created', {
        task: taskKindLabel(t, text(d.taskKind)),
        due: formatDate(text(d.dueDate)),
      });
    case 'task_done':
    case 'task_cancelled':
      return t(`episode.timeline.kind.${entry.kind}`, { task: taskKindLabel(t, text(d.taskKind)) });
    case 'call_outcome':
      return t('episode.timeline.kind.call_outcome', {
        attempt: typeof d.attempt === 'number' ? d.attempt : 1,
        outcome: callOutcome(t, text(d.outcome)),
      });
    case 'appointment_planned':
      return t('episode.timeline.kind.appointment_planned', {
        date: formatDate(text(d.date)),
        time: text(d.time),
        kinds: appointmentKinds(t, text(d.kinds)),
      });
    case 'appointment_changed':
      return t('episode.timeline.kind.appointment_changed', {
        date: formatDate(text(d.date)),
        time: text(d.time),
        status: appointmentStatus(t, text(d.status)),
      });
    case 'fracture_included': {
      const reason = text(d.reason);
      return t('episode.timeline.kind.fracture_included', {
        reason: isOneOf(FRACTURE_INCLUSION_REASONS, reason) ? t(`fractureInclusionReason.${reason}`) : reason,
      });
    }
    case 'finding_confirmed':
      return t('episode.timeline.kind.finding_confirmed', { levels: text(d.levels) });
    case 'intake_saved':
    case 'intake_completed':
      return t(`episode.timeline.kind.${entry.kind}`, {
        version: number(d.version),
        answered: number(d.answered),
      });
    case 'dxa_recorded':
    case 'vfa_recorded':
      return t(`episode.timeline.kind.${entry.kind}`, { date: formatDate(text(d.examDate)) });
    case 'lab_result_recorded':
      return t('episode.timeline.kind.lab_result_recorded', {
        value: number(d.value),
        unit: text(d.unit),
        date: formatDate(text(d.sampledOn)),
      });
    case 'fall_risk_assessed':
      return t('episode.timeline.kind.fall_risk_assessed', { falls: number(d.fallsPastYear) });
    case 'decision_recorded':
      return t('episode.timeline.kind.decision_recorded', { overrides: number(d.overrides) });
    case 'letter_created':
      return t('episode.timeline.kind.letter_created', {
        document: documentKindLabel(t, text(d.documentKind)),
      });
    default:
      return entry.kind;
  }
}

/** A kept document's kind in words (the consult letters); an unknown kind as its code. */
export function documentKindLabel(t: TFunction, kind: string): string {
  return isOneOf(STORED_DOCUMENT_KINDS, kind) ? t(`episode.documents.kind.${kind}`) : kind;
}

export { appointmentKinds, appointmentStatus };
