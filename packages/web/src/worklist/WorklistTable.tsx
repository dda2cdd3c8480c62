import { Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SortOrder, WorklistSort, WorklistView, WorklistItem } from '@osteopad/contract';
import { AnchorLink } from '../common/AnchorLink';
import { PatientIdentity } from '../common/PatientIdentity';
import { SortableHeader } from '../common/SortableHeader';
import { formatDate } from '../format/dates';
import { patientGroupLabel, taskKindLabel } from '../i18n/labels';
import { patientName } from '../patients/patientName';
import { DueDateCell } from './DueDateCell';
import { ReasonCell } from './ReasonCell';
import { RowActions, type RowAction } from './RowActions';
import { SiteCell } from './SiteCell';

export interface RowSelection {
  selected: ReadonlySet<string>;
  onToggle: (item: WorklistItem, selected: boolean) => void;
  onTogglePage: (selected: boolean) => void;
}

interface WorklistTableProps {
  view: WorklistView;
  label: string;
  items: readonly WorklistItem[];
  sort: WorklistSort;
  order: SortOrder;
  onSort: (column: WorklistSort) => void;
  /** Only where a batch can be printed and marked ("Uit te nodigen"). */
  selection: RowSelection | null;
  canReview: boolean;
  onAction: (action: RowAction, item: WorklistItem) => void;
  today: string;
}

export function WorklistTable(props: WorklistTableProps) {
  const { view, label, items, sort, order, onSort, selection, canReview, onAction, today } = props;
  const { t } = useTranslation();
  const excluded = view === 'excluded';
  // The task is the tab's own on these lists ("Uitnodigen", "Beoordelen"): a column would repeat it.
  const withTask = view !== 'to_invite' && view !== 'manual_review';
  const header = (column: WorklistSort, text: string) => (
    <SortableHeader column={column} label={text} sort={sort} order={order} onSort={onSort} />
  );
  const selectable = items.filter((item) => item.episodeId !== null);
  const selectedOnPage =
    selection === null ? 0 : selectable.filter((i) => selection.selected.has(i.episodeId ?? '')).length;

  return (
    <Table.ScrollContainer minWidth={excluded ? 860 : 1200}>
      <Table striped highlightOnHover aria-label={label} fz="sm" verticalSpacing={3} horizontalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            {selection !== null && (
              <Table.Th scope="col" w={40}>
                <Checkbox
                  aria-label={t('worklist.selectPage')}
                  checked={selectable.length > 0 && selectedOnPage === selectable.length}
                  indeterminate={selectedOnPage > 0 && selectedOnPage < selectable.length}
                  disabled={selectable.length === 0}
                  onChange={(event) => {
                    selection.onTogglePage(event.currentTarget.checked);
                  }}
                />
              </Table.Th>
            )}
            {header('name', t('worklist.columns.name'))}
            {header('age', t('worklist.columns.age'))}
            {header('fractureDate', t('worklist.columns.fractureDate'))}
            {header('site', t('worklist.columns.site'))}
            {excluded ? (
              <Table.Th scope="col">{t('worklist.columns.exclusionReason')}</Table.Th>
            ) : (
              <>
                <Table.Th scope="col">{t('worklist.columns.group')}</Table.Th>
                <Table.Th scope="col">{t('worklist.columns.reason')}</Table.Th>
                {withTask && <Table.Th scope="col">{t('worklist.columns.task')}</Table.Th>}
                {header('dueDate', t('worklist.columns.dueDate'))}
                <Table.Th scope="col">{t('worklist.columns.actions')}</Table.Th>
              </>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const name = patientName(item);
            const episodeId = item.episodeId;
            return (
              <Table.Tr key={`${item.fractureId}:${item.taskId ?? ''}`}>
                {selection !== null && (
                  <Table.Td>
                    {episodeId !== null && (
                      <Checkbox
                        aria-label={t('worklist.selectRow', { name })}
                        checked={selection.selected.has(episodeId)}
                        onChange={(event) => {
                          selection.onToggle(item, event.currentTarget.checked);
                        }}
                      />
                    )}
                  </Table.Td>
                )}
                <Table.Td>
                  <AnchorLink
                    to="/patients/$patientId"
                    params={{ patientId: item.patientId }}
                    fw={500}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {name}
                  </AnchorLink>
                  {/* Hospital number, date of birth and sex under the name, as on a wristband. */}
                  <PatientIdentity
                    patient={item}
                    today={today}
                    size="xs"
                    c="dimmed"
                    style={{ whiteSpace: 'nowrap' }}
                  />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.ageAtFracture}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.fractureDate)}</Table.Td>
                <Table.Td>
                  <SiteCell item={item} />
                </Table.Td>
                {excluded ? (
                  <Table.Td>
                    <ReasonCell item={item} />
                  </Table.Td>
                ) : (
                  <>
                    <Table.Td miw={150}>
                      {item.patientGroup === null ? (
                        <Text span size="sm" c="dimmed">
                          {t('common.notRecorded')}
                        </Text>
                      ) : (
                        patientGroupLabel(t, item.patientGroup)
                      )}
                    </Table.Td>
                    <Table.Td>
                      <ReasonCell item={item} />
                    </Table.Td>
                    {withTask && (
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {item.taskKind === null ? '' : taskKindLabel(t, item.taskKind)}
                      </Table.Td>
                    )}
                    <Table.Td>
                      <DueDateCell dueDate={item.taskDueDate} today={today} />
                    </Table.Td>
                    <Table.Td>
                      <RowActions item={item} canReview={canReview} onAction={onAction} />
                    </Table.Td>
                  </>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
