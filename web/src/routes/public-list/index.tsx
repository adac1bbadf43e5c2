import { Alert, Button, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';

import { formatDateTime } from '@/components/format';
import { CrossTags, PrincipleTags } from '@/components/LinkageFlags';
import type { PublishedListQuery } from '@/graphql/graphql';
import { todayInChina } from '@/lib/dateRange';

import { PUBLISHED_LIST_QUERY } from './queries';

type Entry = NonNullable<PublishedListQuery['publishedLinkageList']>['entries'][number];

/** The published linkage list for the public (no sign-in): latest or an earlier version, printable. */
export default function PublicListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const version = Number(params.get('version')) || null;
  const [{ data, fetching, error }] = useQuery({ query: PUBLISHED_LIST_QUERY, variables: { version } });
  const list = data?.publishedLinkageList;
  return (
    <main className="public-list" style={{ padding: 24, maxWidth: 1400, margin: '0 auto' }}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {list && (
          // Printed only: who issues the list, which version of which day, and when it was printed.
          <div className="print-only" data-testid="print-heading">
            {t('publicList.printHeading', {
              department: list.publishingDepartmentName,
              number: String(list.number),
              published: dayjs(list.publishedAt).format('YYYY-MM-DD'),
              printed: todayInChina(),
            })}
          </div>
        )}
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('publicList.title')}
        </Typography.Title>
        {list && (
          <Typography.Text type="secondary" data-testid="published-version">
            {t('publicList.version', { number: String(list.number), at: formatDateTime(list.publishedAt) })}
            {' · '}
            {t('publicList.publisher', { department: list.publishingDepartmentName, name: list.publisherName, summary: list.summary })}
          </Typography.Text>
        )}
        <Space className="no-print">
          <Select<number>
            aria-label={t('publicList.versions')}
            style={{ width: 260 }}
            value={list?.number}
            onChange={(v) => setParams({ version: String(v) })}
            options={(data?.publishedLinkageListVersions ?? []).map((v) => ({
              value: v.number,
              label: t('publicList.version', { number: String(v.number), at: formatDateTime(v.publishedAt) }),
            }))}
          />
          <Button onClick={() => window.print()}>{t('publicList.print')}</Button>
        </Space>
        {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
        <Table<Entry>
          rowKey="linkageId"
          size="small"
          bordered
          loading={fetching && !data}
          dataSource={list?.entries ?? []}
          pagination={false}
          locale={{ emptyText: t('publicList.empty') }}
          columns={[
            { title: t('publicList.approvalMatter'), key: 'a', render: (_, e) => `${e.approvalMatterName}（${e.approvalMatterCode}）` },
            {
              title: t('publicList.approvingDepartment'),
              key: 'ad',
              render: (_, e) => `${e.approvingDepartmentName} ${e.approvingSectionName}`,
            },
            { title: t('publicList.contact'), key: 'ac', render: (_, e) => `${e.approvingPersonName} ${e.approvingOfficePhone}` },
            {
              title: t('publicList.supervisionMatter'),
              key: 's',
              render: (_, e) => `${e.supervisionMatterName}（${e.supervisionMatterCode}）`,
            },
            {
              title: t('publicList.supervisingDepartment'),
              key: 'sd',
              render: (_, e) => `${e.supervisingDepartmentName} ${e.supervisingSectionName}`,
            },
            { title: t('publicList.contact'), key: 'sc', render: (_, e) => `${e.supervisingPersonName} ${e.supervisingOfficePhone}` },
            { title: t('publicList.principle'), key: 'principles', render: (_, e) => <PrincipleTags principles={e.principles} /> },
            {
              title: t('linkage.flags'),
              key: 'flags',
              render: (_, e) => <CrossTags crossDepartment={e.crossDepartment} crossLevel={e.crossLevel} showSame />,
            },
          ]}
        />
        {list && list.removedEntries.length > 0 && (
          <Space direction="vertical" data-testid="removed-entries">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('publicList.removed')}
            </Typography.Title>
            {list.removedEntries.map((e) => (
              <Typography.Text key={e.linkageId} delete>
                {e.approvalMatterName}（{e.approvalMatterCode}）→ {e.supervisionMatterName}（{e.supervisingDepartmentName}）
              </Typography.Text>
            ))}
          </Space>
        )}
      </Space>
    </main>
  );
}
