import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../common/QueryError';
import type { LetterFailure, LetterProblem } from './letterFailure';

interface LetterErrorAlertProps {
  failure: LetterFailure;
  /** The name of the patient at this position in the request. */
  nameOf: (index: number) => string;
}

/** Why nothing was printed, naming each patient and the data their letter lacks. */
export function LetterErrorAlert({ failure, nameOf }: LetterErrorAlertProps) {
  const { t } = useTranslation();
  const problemText = (problem: LetterProblem): string => {
    const patient = nameOf(problem.index);
    switch (problem.kind) {
      case 'notFound':
        return t('letters.notFound', { patient });
      case 'noInvitationDue':
        return t('letters.noInvitationDue', { patient });
      case 'field':
        return t('letters.fieldProblem', {
          patient,
          field: problem.field === null ? problem.raw : t(`letters.patientFields.${problem.field}`),
        });
    }
  };
  if (failure.kind === 'other') return <QueryError error={failure.error} />;
  return (
    <Alert color="red" variant="light" role="alert">
      {failure.kind === 'profileIncomplete' ? (
        <Text size="sm">
          {t('letters.profileIncomplete', {
            field: failure.field === null ? failure.raw : t(`letters.orgFields.${failure.field}`),
          })}
        </Text>
      ) : (
        <>
          <Text size="sm" mb={4}>
            {t('letters.notPrintable')}
          </Text>
          <List size="sm">
            {failure.problems.map((problem) => (
              <List.Item key={`${String(problem.index)}:${problem.kind}`}>{problemText(problem)}</List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
