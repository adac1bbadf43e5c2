import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';

import { formatDateTime } from '@/components/format';
import { ListPage } from '@/components/ListPage';
import { Pager } from '@/components/Pager';
import { pageRows, pageWindow, useListParams } from '@/components/pagination';
import type { ActionKind, EscalationKind, EscalationsQuery, EscalationStatus, OverdueEscalationActionsQuery } from '@/graphql/graphql';
import { ESCALATION_STATUS_COLOR } from '@/lib/coordination';
import { useAccess } from '@/providers/access/AccessProvider';

import { ESCALATIONS_QUERY, OVERDUE_ACTIONS_QUERY } from './queries';

type Row = EscalationsQuery['escalations'][number];
type Overdue = OverdueEscalationActionsQuery['overdueEscalationActions']['items'][number];
const STATUSES: EscalationStatus[] = ['SUBMITTED', 'ASSIGNED', 'IN_DISCUSSION', 'DECIDED', 'CLOSED'];

/** 逾期落实事项: the office's board (city-wide), or the actions the own department owns. */
function OverdueBoard() {
  const { t } = useTranslation();
  const [{ data, fetching }] = useQuery({ query: OVERDUE_ACTIONS_QUERY });
  const page = data?.overdueEscalationActions;
  if (!page || page.totalCount === 0) return null;
  return (
    <Card
      size="small"
      title={
        <Space>
          <Typography.Text type="danger">{t('coordination.escalations.overdueBoard')}</Typography.Text>
          <Typography.Text type="secondary">{t('coordination.escalations.overdueTotal', { count: page.totalCount })}</Typography.Text>
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid="overdue-actions"
    >
      <Table<Overdue>
        rowKey="id"
        size="small"
        loading={fetching}
        dataSource={page.items}
        pagination={false}
        locale={{ emptyText: t('coordination.escalations.overdueBoardEmpty') }}
        columns={[
          {
            title: t('coordination.escalations.escalation'),
            key: 'escalation',
            render: (_, a) => (a.escalation ? <Link to={`/escalations/${a.escalation.id}`}>{a.escalation.title}</Link> : ''),
          },
          {
            title: t('coordination.escalations.actionKind'),
            dataIndex: 'kind',
            width: 130,
            render: (k: ActionKind) => t(`coordination.enums.ActionKind.${k}`),
          },
          { title: t('coordination.escalations.actionDescription'), dataIndex: 'description' },
          { title: t('coordination.escalations.actionOwner'), key: 'owner', width: 200, render: (_, a) => a.owner.name },
          {
            title: t('coordination.escalations.actionDueOn'),
            dataIndex: 'dueOn',
            width: 120,
            render: (d: string) => <Typography.Text type="danger">{d}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}

/** 提请事项: what the department raised or is concerned by (the office: all), by status. */
export default function EscalationsListPage() {
  const { t } = useTranslation();
  const { page, filters, setPage, setFilters } = useListParams(['status'] as const);
  const status = (STATUSES as string[]).includes(filters.status) ? (filters.status as EscalationStatus) : null;
  const access = useAccess();
  const [{ data, fetching, error }] = useQuery({ query: ESCALATIONS_QUERY, variables: { status, ...pageWindow(page) } });
  const { rows, hasNext } = pageRows(data?.escalations);
  return (
    <ListPage
      title={t('coordination.escalations.title')}
      error={error}
      actions={
        access.allows('escalation.write') ? (
          <Link to="/escalations/new">
            <Button type="primary">{t('coordination.escalations.raise')}</Button>
          </Link>
        ) : undefined
      }
      filters={
        <Select<string>
          aria-label={t('coordination.escalations.status')}
          value={status ?? ''}
          style={{ width: 180 }}
          onChange={(v) => setFilters({ status: v })}
          options={[
            { value: '', label: t('common.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`coordination.enums.EscalationStatus.${s}`) })),
          ]}
        />
      }
    >
      <OverdueBoard />
      <Table<Row>
        rowKey="id"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          { title: '#', dataIndex: 'id', width: 70, render: (id: string) => <Link to={`/escalations/${id}`}>{id}</Link> },
          {
            title: t('coordination.escalations.escalationTitle'),
            dataIndex: 'title',
            render: (title: string, e) => <Link to={`/escalations/${e.id}`}>{title}</Link>,
          },
          {
            title: t('coordination.escalations.kind'),
            dataIndex: 'kind',
            width: 130,
            render: (k: EscalationKind) => t(`coordination.enums.EscalationKind.${k}`),
          },
          {
            title: t('coordination.escalations.raisingDepartment'),
            key: 'dept',
            width: 200,
            render: (_, e) => `${e.raisingDepartment.name}（${e.raisedByName}）`,
          },
          { title: t('coordination.escalations.parties'), key: 'parties', render: (_, e) => e.parties.map((p) => p.shortName).join('、') },
          { title: t('coordination.escalations.assignee'), dataIndex: 'assignee', width: 100 },
          { title: t('coordination.escalations.submittedAt'), dataIndex: 'submittedAt', width: 160, render: formatDateTime },
          {
            title: t('coordination.escalations.status'),
            dataIndex: 'status',
            width: 120,
            render: (s: EscalationStatus) => <Tag color={ESCALATION_STATUS_COLOR[s]}>{t(`coordination.enums.EscalationStatus.${s}`)}</Tag>,
          },
        ]}
      />
      <Pager page={page} hasNext={hasNext} onChange={setPage} disabled={fetching} />
    </ListPage>
  );
}
