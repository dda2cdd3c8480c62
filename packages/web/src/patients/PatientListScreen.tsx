import { EmptyState, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PATIENT_PAGE_SIZE, PATIENT_SEARCH_DEBOUNCE_MS, patientListQuery } from '../api/patients';
import { LoadingState } from '../common/LoadingState';
import { PageHeading } from '../common/PageHeading';
import { Pager } from '../common/Pager';
import { QueryError } from '../common/QueryError';
import { PatientTable } from './PatientTable';
import { usePatientSearch } from './PatientSearchContext';

export function PatientListScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { search, setSearch, paging, setPaging } = usePatientSearch();
  const [debouncedSearch] = useDebouncedValue(search.trim(), PATIENT_SEARCH_DEBOUNCE_MS);
  const page = paging.forSearch === debouncedSearch ? paging.page : 1;
  const query = useQuery({ ...patientListQuery(debouncedSearch, page), placeholderData: keepPreviousData });

  return (
    <Stack gap="md">
      <PageHeading>{t('patients.title')}</PageHeading>
      <TextInput
        type="search"
        label={t('patients.searchLabel')}
        placeholder={t('patients.searchPlaceholder')}
        description={t('patients.searchHelp')}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
        }}
        autoComplete="off"
        spellCheck={false}
        maw={520}
        rightSection={query.isFetching && !query.isPending ? <Loader size="xs" /> : null}
      />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <Group justify="space-between">
            {/* Announced by screen readers whenever the results change. */}
            <Text role="status" fw={500}>
              {t('patients.count', { count: query.data.total })}
            </Text>
          </Group>
          {query.data.items.length === 0 ? (
            <EmptyState
              title={t('patients.emptyTitle')}
              description={debouncedSearch === '' ? t('patients.emptyAll') : t('patients.emptySearch')}
            />
          ) : (
            <>
              <PatientTable
                patients={query.data.items}
                onOpen={(patientId) => void navigate({ to: '/patients/$patientId', params: { patientId } })}
              />
              <Pager
                page={page}
                pageSize={PATIENT_PAGE_SIZE}
                total={query.data.total}
                onChange={(next) => {
                  setPaging({ forSearch: debouncedSearch, page: next });
                }}
              />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
