import { Button, Group, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { UpcomingDate } from '@osteopad/contract';
import { upcomingCalendarHref, upcomingDatesQuery } from '../api/upcoming';
import { EmptyNote } from '../common/EmptyNote';
import { QueryError } from '../common/QueryError';
import { Section } from '../common/Section';
import { formatDate } from '../format/dates';
import { taskKindLabel } from '../i18n/labels';

function partLabel(t: TFunction, part: string): string {
  switch (part) {
    case 'dxa_vfa':
      return t('patientUpcoming.parts.dxa_vfa');
    case 'labs':
      return t('patientUpcoming.parts.labs');
    case 'consult':
      return t('patientUpcoming.parts.consult');
    default:
      return part;
  }
}

function whatLabel(t: TFunction, date: UpcomingDate): string {
  if (date.kind !== 'appointment') return taskKindLabel(t, date.kind);
  const parts = date.appointmentKinds.map((p) => partLabel(t, p)).join(', ');
  return parts === '' ? t('patientUpcoming.appointment') : `${t('patientUpcoming.appointment')}: ${parts}`;
}

/** The patient's own dates (checks, doses, appointments), as the calendar file gives them to the patient. */
export function UpcomingDates({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const query = useQuery(upcomingDatesQuery(patientId));
  return (
    <Section title={t('patientUpcoming.title')}>
      {query.isPending ? null : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyNote>{t('patientUpcoming.empty')}</EmptyNote>
      ) : (
        <Table striped aria-label={t('patientUpcoming.title')} data-testid="upcoming-dates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('patientUpcoming.date')}</Table.Th>
              <Table.Th scope="col">{t('patientUpcoming.what')}</Table.Th>
              <Table.Th scope="col">{t('patientUpcoming.where')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  {item.time === null
                    ? formatDate(item.date)
                    : t('patientUpcoming.dateTime', { date: formatDate(item.date), time: item.time })}
                </Table.Td>
                <Table.Td>{whatLabel(t, item)}</Table.Td>
                <Table.Td>{item.location ?? t('patientUpcoming.whereUnknown')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="sm">
        <Button component="a" href={upcomingCalendarHref(patientId, 'nl')} download variant="light" size="sm">
          {t('patientUpcoming.download')}
        </Button>
        <Button
          component="a"
          href={upcomingCalendarHref(patientId, 'en')}
          download
          variant="subtle"
          size="sm"
        >
          {t('patientUpcoming.downloadEnglish')}
        </Button>
      </Group>
    </Section>
  );
}
