import type { PatientInputSectionLoader } from './patientInputSections';
import { loadDensitometrySections } from '../investigations/densitometrySections';

/**
 * Every area that contributes to the engine's input, in order (a later section of the same name
 * would replace an earlier one; the areas own distinct sections). Add an area's loader here.
 */
export const PATIENT_INPUT_SECTION_LOADERS: readonly PatientInputSectionLoader[] = [
  // intake: loadIntakeSections
  loadDensitometrySections,
];
