import type { InvitationLetterKind } from '@osteopad/contract';

/**
 * Which letter a row's letter button prints: the waiting task decides. Once the invitation went out the
 * reminder is due (and stays the letter to send again while the nurse's call is planned).
 */
export function letterKindFor(taskKind: string | null): InvitationLetterKind {
  return taskKind === 'invite_reminder' || taskKind === 'no_response_follow_up' ? 'reminder' : 'invitation';
}
