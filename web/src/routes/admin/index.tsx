import { Alert, App, Button, Space, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { useCursorPager } from '@/components/cursorPager';
import { formatDateTime } from '@/components/format';
import { Pager } from '@/components/Pager';

import { AccountsTab } from './AccountsTab';
import { AuditTab } from './AuditTab';
import { CalendarTab } from './CalendarTab';
import { PolicyTab } from './PolicyTab';
import { DEAD_LETTER_RETRY_MUTATION, DEAD_LETTERS_QUERY } from './queries';
import { SmsTemplatesTab } from './SmsTemplatesTab';

const PAGE = 20;

function DeadLettersTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pager = useCursorPager();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DEAD_LETTERS_QUERY, variables: { first: PAGE, after: pager.after } });
  const [, retry] = useMutation(DEAD_LETTER_RETRY_MUTATION);
  const connection = data?.deadLetters;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Typography.Text type="secondary">{t('admin.deadLetterCount', { count: connection?.totalCount ?? 0 })}</Typography.Text>
      <Table
        rowKey="id"
        size="small"
        loading={fetching && !data}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        pagination={false}
        locale={{ emptyText: t('admin.noDeadLetters') }}
        columns={[
          { title: t('admin.at'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
          { title: t('admin.topic'), dataIndex: 'topic', width: 220 },
          { title: t('admin.key'), dataIndex: 'key', width: 160 },
          { title: t('admin.attempts'), dataIndex: 'attempts', width: 80 },
          { title: t('admin.lastError'), dataIndex: 'lastError' },
          {
            title: t('inbox.actions'),
            key: 'retry',
            width: 90,
            render: (_, d) => (
              <Button
                size="small"
                onClick={async () => {
                  const result = await retry({ id: d.id });
                  const payload = result.data?.retryDeadLetter;
                  if (payload?.__typename === 'DeadLetter') {
                    void message.success(t('admin.retried'));
                    refetch({ requestPolicy: 'network-only' });
                  } else {
                    void message.error(
                      payload?.__typename === 'ValidationErrors'
                        ? payload.errors.map((e) => e.message).join('；')
                        : t('common.serverError'),
                    );
                  }
                }}
              >
                {t('admin.retry')}
              </Button>
            ),
          },
        ]}
      />
      <Pager
        page={pager.page}
        hasNext={Boolean(connection?.pageInfo.hasNextPage)}
        disabled={fetching}
        onChange={(n) => pager.onChange(n, connection?.pageInfo.endCursor)}
      />
    </Space>
  );
}

export default function AdminPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const active = params.get('tab') ?? 'policy';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('nav.admin')}
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'policy', label: t('admin.policy'), children: <PolicyTab /> },
          { key: 'audit', label: t('admin.audit'), children: <AuditTab /> },
          { key: 'dead-letters', label: t('admin.deadLetters'), children: <DeadLettersTab /> },
          { key: 'calendar', label: t('calendar.title'), children: <CalendarTab /> },
          { key: 'accounts', label: t('accounts.tab'), children: <AccountsTab /> },
          { key: 'sms-templates', label: t('smsTemplates.tab'), children: <SmsTemplatesTab /> },
        ]}
      />
    </Space>
  );
}
