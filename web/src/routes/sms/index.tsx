import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

import { Code, TextWithCodes } from '@/components/Code';
import { useCursorPager } from '@/components/cursorPager';
import { formatDateTime } from '@/components/format';
import { ListPage } from '@/components/ListPage';
import { Pager } from '@/components/Pager';
import type { SmsMessagesQuery } from '@/graphql/graphql';
import { smsKind, smsSender } from '@/lib/coordination';

import { SMS_MESSAGES_QUERY } from './queries';

type Row = SmsMessagesQuery['smsMessages']['edges'][number]['node'];
const PAGE = 20;

/** 短信记录: the reminders sent (own department; the office and administrators all), newest first. */
export default function SmsLogPage() {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const [{ data, fetching, error }] = useQuery({
    query: SMS_MESSAGES_QUERY,
    variables: { first: PAGE, after: pager.after },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.smsMessages;
  return (
    <ListPage
      title={t('coordination.sms.title')}
      error={error}
      filters={
        <Space>
          {connection && (
            <Typography.Text data-testid="sms-total">{t('coordination.sms.total', { count: connection.totalCount })}</Typography.Text>
          )}
          <Typography.Text type="secondary">{t('coordination.sms.maskedHint')}</Typography.Text>
        </Space>
      }
    >
      <Table<Row>
        rowKey="id"
        loading={fetching && !data}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        pagination={false}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('coordination.sms.empty') }}
        columns={[
          { title: t('coordination.sms.sentAt'), dataIndex: 'sentAt', width: 150, render: formatDateTime },
          {
            title: t('coordination.sms.recipient'),
            key: 'recipient',
            width: 180,
            render: (_, m) => (
              <Space direction="vertical" size={0}>
                <span>{m.recipientName}</span>
                <Typography.Text type="secondary" data-testid="sms-mobile">
                  {m.mobile}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('coordination.sms.kind'),
            key: 'kind',
            width: 100,
            render: (_, m) => t(`coordination.enums.SmsKind.${smsKind(m.key)}`),
          },
          {
            title: t('coordination.sms.template'),
            key: 'template',
            width: 170,
            // The template's Chinese name, and the provider's template code it was sent with.
            render: (_, m) => (
              <Space direction="vertical" size={0}>
                {m.purpose && <span>{t(`enums.SmsPurpose.${m.purpose}`)}</span>}
                <Code boxed>{m.template}</Code>
              </Space>
            ),
          },
          {
            title: t('coordination.sms.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: Row['status']) => <Tag color="success">{t(`coordination.enums.SmsStatus.${s}`)}</Tag>,
          },
          { title: t('coordination.sms.push'), dataIndex: 'pushId', width: 90, render: (p: string | null) => (p ? `#${p}` : '') },
          {
            title: t('coordination.sms.text'),
            key: 'text',
            // The text as sent; the 监管码 inside it is a code, marked as such.
            render: (_, m) => <TextWithCodes text={m.text} codes={[m.supervisionCode]} />,
          },
          {
            title: t('coordination.sms.sender'),
            dataIndex: 'sender',
            width: 130,
            render: (sender: string) => t(`coordination.enums.SmsSender.${smsSender(sender)}`),
          },
        ]}
      />
      <Pager
        page={pager.page}
        hasNext={connection?.pageInfo.hasNextPage ?? false}
        onChange={(p) => pager.onChange(p, connection?.pageInfo.endCursor)}
        disabled={fetching}
      />
    </ListPage>
  );
}
