import { Button, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '@osteopad/contract';
import { EmptyNote } from '../common/EmptyNote';
import { Section } from '../common/Section';
import { formatDate } from '../format/dates';
import { ActionRefusal } from './ActionRefusal';
import { changeAppointment } from './episodeApi';
import { appointmentKinds, appointmentStatus } from './timelineText';
import { useEpisodeAction } from './useEpisodeAction';

/** The episode's appointments; a planned one can be marked attended, missed or cancelled. */
export function AppointmentsTable({ appointments }: { appointments: readonly Appointment[] }) {
  const { t } = useTranslation();
  const change = useEpisodeAction(
    (input: { appointment: Appointment; status: 'attended' | 'no_show' | 'cancelled' }) =>
      changeAppointment(input.appointment.id, {
        status: input.status,
        expectedVersion: input.appointment.version,
      }),
    () => undefined,
  );
  return (
    <Section title={t('episode.appointments.title')}>
      {appointments.length === 0 ? (
        <EmptyNote>{t('episode.appointments.empty')}</EmptyNote>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('episode.appointments.date')}</Table.Th>
              <Table.Th>{t('episode.appointments.time')}</Table.Th>
              <Table.Th>{t('episode.appointments.kinds')}</Table.Th>
              <Table.Th>{t('episode.appointments.status')}</Table.Th>
              <Table.Th>{t('episode.appointments.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {appointments.map((appointment) => {
              const date = formatDate(appointment.date);
              const planned = appointment.status === 'planned';
              return (
                <Table.Tr key={appointment.id}>
                  <Table.Td>{date}</Table.Td>
                  <Table.Td>{appointment.time}</Table.Td>
                  <Table.Td>{appointmentKinds(t, appointment.kinds.join(','))}</Table.Td>
                  <Table.Td>{appointmentStatus(t, appointment.status)}</Table.Td>
                  <Table.Td>
                    {planned && (
                      <Group gap={4}>
                        {(
                          [
                            [
                              'attended',
                              t('episode.appointments.attended'),
                              t('episode.appointments.attendedFor', { date }),
                            ],
                            [
                              'no_show',
                              t('episode.appointments.noShow'),
                              t('episode.appointments.noShowFor', { date }),
                            ],
                            [
                              'cancelled',
                              t('episode.appointments.cancel'),
                              t('episode.appointments.cancelFor', { date }),
                            ],
                          ] as const
                        ).map(([status, label, name]) => (
                          <Button
                            key={status}
                            size="compact-sm"
                            variant="light"
                            aria-label={name}
                            loading={change.isPending && change.variables.status === status}
                            onClick={() => {
                              change.mutate({ appointment, status });
                            }}
                          >
                            {label}
                          </Button>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {change.isError && <ActionRefusal error={change.error} />}
    </Section>
  );
}
