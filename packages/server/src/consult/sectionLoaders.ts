import type { PatientInputSectionLoader } from './patientInputSections';
import { loadLabAndFallSections } from '../labResults/labAndFallSections';
import { loadIntakeSections } from '../intake/intakeRecords';
import { loadDensitometrySections } from '../investigations/densitometrySections';

/**
 * Every area that contributes to the engine's input, in order: a later section of the same name
 * replaces an earlier one. The areas own distinct sections but one: `falls`, which the patient answers
 * in the intake questionnaire and a clinician records in the fall-risk screening — the screening comes
 * later in this list, so a clinician's screening wins over the patient's own answers. Add an area's
 * loader here.
 */
export const PATIENT_INPUT_SECTION_LOADERS: readonly PatientInputSectionLoader[] = [
  loadIntakeSections,
  loadDensitometrySections,
  loadLabAndFallSections,
];
