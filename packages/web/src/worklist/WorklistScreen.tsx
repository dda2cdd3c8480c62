import { Stack, Tabs } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ReportFindingsPanel } from '../findings/ReportFindingsPanel';
import { PageHeading } from '../common/PageHeading';
import { canReviewClinically } from '../session/permissions';
import { useCurrentUser } from '../session/useCurrentUser';
import { WorklistPanel } from './WorklistPanel';
import {
  DEFAULT_ORDER,
  DEFAULT_SORT,
  DEFAULT_VIEW,
  WORKLIST_TABS,
  filterOf,
  searchFor,
  type WorklistTab,
} from './worklistSearch';

const route = getRouteApi('/app/worklist');

/** The case-finding worklists: who to invite, who to remind, what to review. The start screen for staff. */
export function WorklistScreen() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const canReview = user !== null && canReviewClinically(user.role);
  // Radiology findings are for nurses and specialists (the server refuses others).
  const tabs = WORKLIST_TABS.filter((tab) => tab !== 'report_findings' || canReview);
  const requested = search.view ?? DEFAULT_VIEW;
  const current: WorklistTab = tabs.includes(requested) ? requested : DEFAULT_VIEW;

  return (
    <Stack gap="xs">
      <PageHeading>{t('worklist.title')}</PageHeading>
      <Tabs
        value={current}
        onChange={(value) => {
          const tab = tabs.find((candidate) => candidate === value);
          if (tab === undefined) return;
          void navigate({
            search: (previous) =>
              searchFor(
                tab,
                filterOf(previous),
                previous.sort ?? DEFAULT_SORT,
                previous.order ?? DEFAULT_ORDER,
                1,
              ),
          });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('worklist.tabsLabel')}>
          {tabs.map((tab) => (
            // What the list is for, on hover and read with the tab: the list itself takes the screen.
            <Tabs.Tab
              key={tab}
              value={tab}
              title={t(`worklist.viewHelp.${tab}`)}
              aria-description={t(`worklist.viewHelp.${tab}`)}
            >
              {t(`worklist.views.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab} value={tab} pt="xs">
            {tab !== current ? null : tab === 'report_findings' ? (
              <ReportFindingsPanel />
            ) : (
              <WorklistPanel
                view={tab}
                search={search}
                canReview={canReview}
                onSearch={(next) => {
                  void navigate({ search: next });
                }}
              />
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
