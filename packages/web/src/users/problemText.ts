import type { TFunction } from 'i18next';
import { MIN_PASSWORD_LENGTH } from '@osteopad/contract';
import type { UserProblem } from './userProblems';

/** The sentence for a refused change, in the user's language. */
export function problemText(t: TFunction, problem: UserProblem): string {
  return t(`users.problems.${problem}`, { min: MIN_PASSWORD_LENGTH });
}
