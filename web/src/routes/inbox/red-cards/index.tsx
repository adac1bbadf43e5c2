import { Alert, Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';

import { Code } from '@/components/Code';
import { formatDateTime } from '@/components/format';
import { SmsDeliveryTag } from '@/components/SmsDeliveryTag';
import type { CardRowFragment } from '@/graphql/graphql';
import { useRefetchOnInbox } from '@/providers/live/LiveInbox';

import { DEPARTMENT_RED_CARDS_QUERY } from './queries';

/** Red cards raised on the user's department (its head is texted too): what is about to run late. */
export function RedCardsCard({ departmentId }: { departmentId: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DEPARTMENT_RED_CARDS_QUERY, variables: { departmentId, first: 10 } });
  useRefetchOnInbox('push', refetch);
  const rows = data?.escalationCards.edges.map((e) => e.node) ?? [];
  if (!fetching && !error && rows.length === 0) return null;
  return (
    <Card size="small" title={t('followUp.redCards.title')} data-testid="department-red-cards" styles={{ header: { color: '#cf1322' } }}>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Table<CardRowFragment>
        rowKey="id"
        size="small"
        loading={fetching && !data}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('followUp.redCards.empty') }}
        columns={[
          { title: t('followUp.redCards.raisedAt'), dataIndex: 'raisedAt', width: 150, render: formatDateTime },
          {
            title: t('followUp.redCards.stage'),
            dataIndex: 'stage',
            width: 80,
            render: (s: CardRowFragment['stage']) => t(`coordination.enums.CardStage.${s}`),
          },
          {
            title: t('followUp.redCards.push'),
            key: 'push',
            render: (_, c) =>
              c.push ? (
                <Space direction="vertical" size={0}>
                  {c.push.application ? <Link to={`/applications/${c.push.application.id}`}>{c.push.matterName}</Link> : c.push.matterName}
                  <Typography.Text type="secondary">
                    {c.push.applicantName} · <Code>{c.push.supervisionCode}</Code>
                  </Typography.Text>
                </Space>
              ) : (
                ''
              ),
          },
          { title: t('followUp.redCards.dueOn'), dataIndex: 'dueOn', width: 110 },
          {
            title: t('followUp.redCards.sms'),
            key: 'sms',
            width: 280,
            render: (_, c) => (
              <Space direction="vertical" size={2}>
                {c.smsDeliveries.map((d) => (
                  <SmsDeliveryTag key={d.role} delivery={d} showRecipient />
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
