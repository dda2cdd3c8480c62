import { ClinicalInputError } from '@osteopad/clinical';
import { invalid, type DomainError } from '../domain/errors';

/**
 * Runs an engine function on a request's answers; input the engine refuses (ClinicalInputError) becomes a
 * 400 at the request's field. `fields` renames the engine's input names to the request's (`lactating` →
 * `breastfeeding`); the contract's bounds are tighter than the engine's, so this is the second wall.
 */
export function withEngineInput<T>(fields: Readonly<Record<string, string>>, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ClinicalInputError) throw engineRefusal(error, fields);
    throw error;
  }
}

function engineRefusal(error: ClinicalInputError, fields: Readonly<Record<string, string>>): DomainError {
  const [head = '', ...rest] = error.field.split('.');
  const field = ['body', fields[head] ?? head, ...rest].filter((part) => part !== '').join('.');
  return invalid(field, error.message, error.reason);
}

/** Pregnancy and breastfeeding are refused for a man at their own field (R12, R13 read them for women). */
export function refuseInconsistentSituation(body: {
  sex: 'female' | 'male';
  pregnant: boolean;
  breastfeeding: boolean;
}): void {
  if (body.sex !== 'male') return;
  if (body.pregnant) throw invalid('body.pregnant', 'Pregnancy recorded for a man.', 'inconsistent');
  if (body.breastfeeding)
    throw invalid('body.breastfeeding', 'Breastfeeding recorded for a man.', 'inconsistent');
}
