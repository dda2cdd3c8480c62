import { Badge, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EpisodePage } from '@osteopad/contract';
import { AnchorLink } from '../common/AnchorLink';
import { Section } from '../common/Section';
import { formatDate, formatDateTime } from '../format/dates';
import {
  anySexLabel,
  episodeReasonLabel,
  episodeStateLabel,
  fractureSiteLabel,
  patientGroupLabel,
} from '../i18n/labels';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** Who the patient is and where the episode stands: state with its reason, group, index fracture. */
export function EpisodeSummary({ page }: { page: EpisodePage }) {
  const { t } = useTranslation();
  const { episode, patient } = page;
  const fracture = episode.indexFracture;
  return (
    <Section title={t('episode.summary.title')}>
      <SimpleGrid cols={2} spacing="sm">
        <Field label={t('episode.summary.state')}>
          <Badge variant="light" data-testid="episode-state">
            {episodeStateLabel(t, episode.state)}
          </Badge>
          {episode.stateReason !== null && (
            <Text size="sm" data-testid="episode-reason">
              {episodeReasonLabel(t, episode.stateReason)}
            </Text>
          )}
        </Field>
        <Field label={t('episode.summary.group')}>
          {episode.patientGroup === null ? '' : patientGroupLabel(t, episode.patientGroup)}
        </Field>
        <Field label={t('episode.summary.hospitalNumber')}>{patient.hospitalNumber ?? ''}</Field>
        <Field label={t('episode.summary.birthDate')}>
          {formatDate(patient.birthDate)} ({t('episode.summary.age', { age: patient.ageYears })})
        </Field>
        <Field label={t('episode.summary.sex')}>{anySexLabel(t, patient.sex)}</Field>
        <Field label={t('episode.summary.openedOn')}>{formatDate(episode.openedOn)}</Field>
        {fracture !== null && (
          <Field label={t('episode.summary.indexFracture')}>
            {formatDate(fracture.fractureDate)} ·{' '}
            {fracture.siteCode === null ? fracture.siteText : fractureSiteLabel(t, fracture.siteCode)}
            {fracture.vertebralLevels.length > 0 &&
              ` · ${t('episode.summary.levels', { levels: fracture.vertebralLevels.join(', ') })}`}
          </Field>
        )}
        <Field label={t('episode.summary.intake')}>
          <span data-testid="episode-intake">
            {page.intake === null
              ? t('episode.summary.intakeNone')
              : page.intake.status === 'completed'
                ? t('episode.summary.intakeCompleted', {
                    when: formatDateTime(page.intake.completedAt ?? page.intake.updatedAt),
                  })
                : t('episode.summary.intakeInProgress', { count: page.intake.answered })}
            {page.intake?.byPatient === true && ` · ${t('episode.summary.intakeByPatient')}`}
          </span>{' '}
          <AnchorLink to="/episodes/$episodeId/intake" params={{ episodeId: episode.id }} size="sm">
            {t('episode.summary.intakeOpen')}
          </AnchorLink>
        </Field>
      </SimpleGrid>
    </Section>
  );
}
