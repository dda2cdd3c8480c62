import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationProfile } from '@osteopad/contract';
import { ApiError } from '../api/client';
import { ORGANIZATION_QUERY_KEY, organizationQuery, saveOrganizationProfile } from '../api/organization';
import { LoadingState } from '../common/LoadingState';
import { NoAccessScreen } from '../common/NoAccessScreen';
import { TextNotice, type NoticeContent } from '../common/Notice';
import { PageHeading } from '../common/PageHeading';
import { QueryError } from '../common/QueryError';
import { LetterPreview } from './LetterPreview';
import { ProfileForm } from './ProfileForm';
import { bodyOf, draftOf, draftProblems, serverProblems, type ProfileDraft } from './profileDraft';
import './i18n/register';

/** The organisation profile for an administrator: every field the letters print, with a live preview of the letter. */
export function OrganizationScreen() {
  const { t } = useTranslation();
  const query = useQuery(organizationQuery);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 403) return <NoAccessScreen />;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <Stack gap="md">
      <PageHeading>{t('organization.title')}</PageHeading>
      <Text size="sm">{t('organization.intro')}</Text>
      <TextNotice
        notice={notice}
        onClose={() => {
          setNotice(null);
        }}
      />
      {/* A new editor for each saved version: the form starts from what the server keeps. */}
      <ProfileEditor
        key={query.data.version}
        profile={query.data}
        onSaved={() => {
          setNotice({ id: Date.now(), tone: 'success', text: t('organization.saved') });
        }}
      />
    </Stack>
  );
}

interface ProfileEditorProps {
  profile: OrganizationProfile;
  onSaved: () => void;
}

function ProfileEditor({ profile, onSaved }: ProfileEditorProps) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(profile));
  const mutation = useMutation({
    mutationFn: saveOrganizationProfile,
    onSuccess: (saved) => {
      queryClient.setQueryData(ORGANIZATION_QUERY_KEY, saved);
      onSaved();
    },
  });
  const body = useMemo(() => bodyOf(draft), [draft]);
  const ownProblems = useMemo(() => draftProblems(draft), [draft]);
  const fromServer = mutation.isError ? serverProblems(mutation.error) : null;
  // The form's own checks show as the user types; the server's refusal of a save until the next change.
  const problems = new Map([...(fromServer ?? []), ...ownProblems]);
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
      <div>
        <ProfileForm
          draft={draft}
          onChange={(next) => {
            mutation.reset();
            setDraft(next);
          }}
          problems={problems}
          failure={mutation.isError && fromServer === null ? mutation.error : null}
          saving={mutation.isPending}
          onSave={() => {
            if (ownProblems.size > 0) return;
            mutation.mutate(bodyOf(draft, profile.version));
          }}
        />
      </div>
      <div>
        <LetterPreview body={body} blocked={ownProblems.size > 0} />
      </div>
    </SimpleGrid>
  );
}
