import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';

import type { MonthlySummariesQuery } from '@/graphql/graphql';
import { useRefetchOnInbox } from '@/providers/live/LiveInbox';
import { downloadBase64 } from '@/routes/credit/files';

import { MONTHLY_SUMMARIES_QUERY, MONTHLY_SUMMARY_WORKBOOK_QUERY } from './queries';

type Row = MonthlySummariesQuery['monthlySummaries'][number];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 月度汇总: every claim by method, late claims, feedback by outcome, open overdue items. */
export function MonthlySummariesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MONTHLY_SUMMARIES_QUERY });
  useRefetchOnInbox('push', refetch);
  async function download(id: string) {
    const result = await client.query(MONTHLY_SUMMARY_WORKBOOK_QUERY, { id }, { requestPolicy: 'network-only' }).toPromise();
    const file = result.data?.monthlySummaryWorkbook;
    if (file) downloadBase64(file.fileName, XLSX, file.contentBase64);
    else void message.error(t('followUp.summaries.downloadFailed'));
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Table<Row>
        rowKey="id"
        data-testid="monthly-summaries"
        loading={fetching && !data}
        dataSource={data?.monthlySummaries ?? []}
        pagination={false}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('followUp.summaries.empty') }}
        columns={[
          { title: t('followUp.summaries.month'), dataIndex: 'month', width: 90 },
          { title: t('followUp.summaries.pushes'), dataIndex: 'pushes', width: 70 },
          { title: t('followUp.summaries.claims'), dataIndex: 'claims', width: 110 },
          {
            title: t('followUp.summaries.byMethod'),
            key: 'byMethod',
            width: 320,
            render: (_, s) => (
              <Space size={4} wrap>
                {s.claimsByMethod
                  .filter((m) => m.count > 0)
                  .map((m) => (
                    <Tag key={m.method}>
                      {t(`enums.Channel.${m.method}`)} {m.count}
                    </Tag>
                  ))}
              </Space>
            ),
          },
          {
            title: t('followUp.summaries.lateClaims'),
            dataIndex: 'lateClaims',
            width: 90,
            render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text>,
          },
          { title: t('followUp.summaries.feedback'), dataIndex: 'feedback', width: 90 },
          { title: t('followUp.summaries.closedClean'), dataIndex: 'closedWithoutAbnormality', width: 100 },
          { title: t('followUp.summaries.abnormal'), dataIndex: 'abnormalFeedback', width: 90 },
          {
            title: t('followUp.summaries.overdue'),
            dataIndex: 'overdue',
            width: 110,
            render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text>,
          },
          {
            title: '',
            key: 'download',
            width: 110,
            render: (_, s) => (
              <Button size="small" onClick={() => void download(s.id)}>
                {t('followUp.summaries.download')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
