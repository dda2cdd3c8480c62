import type { StoredDecisionForLetters } from '../consultLetterInput';
import { osteoporosisDecision } from '../../test-support/consultLetters';

/** The fixture decision as a decision loader would answer it: a fresh copy each time. */
export function osteopadDecisionFor(): StoredDecisionForLetters {
  return structuredClone(osteoporosisDecision);
}
