import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { UpcomingDate } from '@osteopad/contract';
import { EmptyNote } from '../common/EmptyNote';
import { LoadingState } from '../common/LoadingState';
import { PageHeading } from '../common/PageHeading';
import { QueryError } from '../common/QueryError';
import { formatDate } from '../format/dates';
import { episodeStateLabel, taskKindLabel } from '../i18n/labels';
import { portalCalendarHref, portalMeQuery } from './portalApi';
import { PortalShell } from './PortalShell';
import './i18n/register';
import { PortalHomeLinks } from '../portalResults/PortalHomeLinks';
import { PortalIntakeLink } from '../portalIntake/PortalIntakeLink';

function whatLabel(t: TFunction, date: UpcomingDate): string {
  return date.kind === 'appointment' ? t('patientUpcoming.appointment') : taskKindLabel(t, date.kind);
}

/** The patient's home: who they are to the hospital, their care path's state and their dates. */
export function PortalHomeScreen() {
  const { t } = useTranslation();
  const query = useQuery(portalMeQuery);
  return (
    <PortalShell signedIn>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="lg">
          <PageHeading documentTitle={t('portal.home.pageTitle')}>
            {t('portal.home.welcome', {
              name: `${query.data.patient.givenNames} ${query.data.patient.familyName}`.trim(),
            })}
          </PageHeading>
          <Text>{t('portal.home.birthDate', { date: formatDate(query.data.patient.birthDate) })}</Text>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="portal-dates">
            <Stack gap="sm">
              <Title order={2} size="h3" id="portal-dates">
                {t('patientUpcoming.title')}
              </Title>
              {query.data.upcoming.length === 0 ? (
                <EmptyNote>{t('patientUpcoming.empty')}</EmptyNote>
              ) : (
                <Table.ScrollContainer minWidth={320}>
                  <Table striped aria-labelledby="portal-dates" data-testid="portal-dates">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('patientUpcoming.date')}</Table.Th>
                        <Table.Th scope="col">{t('patientUpcoming.what')}</Table.Th>
                        <Table.Th scope="col">{t('patientUpcoming.where')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {query.data.upcoming.map((item) => (
                        <Table.Tr key={item.id}>
                          <Table.Td>
                            {item.time === null
                              ? formatDate(item.date)
                              : t('patientUpcoming.dateTime', {
                                  date: formatDate(item.date),
                                  time: item.time,
                                })}
                          </Table.Td>
                          <Table.Td>{whatLabel(t, item)}</Table.Td>
                          <Table.Td>{item.location ?? t('patientUpcoming.whereUnknown')}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              <Group gap="sm" wrap="wrap">
                <Button component="a" href={portalCalendarHref('nl')} download variant="light" size="sm">
                  {t('patientUpcoming.download')}
                </Button>
                <Button component="a" href={portalCalendarHref('en')} download variant="subtle" size="sm">
                  {t('patientUpcoming.downloadEnglish')}
                </Button>
              </Group>
            </Stack>
          </Paper>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="portal-episodes">
            <Stack gap="xs">
              <Title order={2} size="h3" id="portal-episodes">
                {t('portal.home.episodes')}
              </Title>
              {query.data.episodes.length === 0 ? (
                <EmptyNote>{t('portal.home.noEpisodes')}</EmptyNote>
              ) : (
                query.data.episodes.map((episode) => (
                  <Text key={episode.id}>
                    {t('portal.home.episodeLine', {
                      date: formatDate(episode.openedOn),
                      state: episodeStateLabel(t, episode.state),
                    })}
                  </Text>
                ))
              )}
            </Stack>
          </Paper>
          <Anchor component={Link} to="/portal/access-log">
            {t('portal.home.accessLogLink')}
          </Anchor>
          {query.data.clinic.phone !== '' && (
            <Text>
              {t('portal.home.questions', { clinic: query.data.clinic.name, phone: query.data.clinic.phone })}
            </Text>
          )}
          <PortalIntakeLink />
          <PortalHomeLinks />
        </Stack>
      )}
    </PortalShell>
  );
}
