import { Button, Input, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';

import { Code } from '@/components/Code';
import { DaysSelect } from '@/components/DaysSelect';
import { ListPage } from '@/components/ListPage';
import { Pager } from '@/components/Pager';
import { pageRows, pageWindow, useListParams } from '@/components/pagination';
import type { SubjectKind } from '@/graphql/graphql';

import { SUBJECTS_LIST_QUERY } from './queries';

export default function SubjectsListPage() {
  const { t } = useTranslation();
  const { page, filters, setPage, setFilters } = useListParams(['q', 'expiring'] as const);
  const [{ data, fetching, error }] = useQuery({
    query: SUBJECTS_LIST_QUERY,
    variables: {
      keyword: filters.q || null,
      recordsExpiringWithinDays: /^\d{1,3}$/.test(filters.expiring) ? Number(filters.expiring) : null,
      ...pageWindow(page),
    },
  });
  const { rows, hasNext } = pageRows(data?.subjects);
  return (
    <ListPage
      title={t('subjects.title')}
      error={error}
      actions={
        <Link to="/subjects/new">
          <Button type="primary">{t('subjects.register')}</Button>
        </Link>
      }
      filters={
        <Space wrap>
          <Input.Search
            key={filters.q}
            aria-label={t('subjects.keyword')}
            placeholder={t('subjects.keyword')}
            defaultValue={filters.q}
            allowClear
            enterButton={t('common.search')}
            onSearch={(q) => setFilters({ q: q.trim() })}
            style={{ width: 420 }}
          />
          <DaysSelect
            label={t('subjects.recordsExpiring')}
            anyText={t('subjects.recordsExpiringAny')}
            dayText={(days) => t('subjects.recordsExpiringWithin', { days })}
            value={filters.expiring}
            onChange={(v) => setFilters({ expiring: v })}
            width={200}
          />
        </Space>
      }
    >
      <Table
        rowKey="creditCode"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          {
            title: t('subjects.creditCode'),
            dataIndex: 'creditCode',
            width: 220,
            render: (c: string) => (
              <Link to={`/subjects/${c}`}>
                <Code>{c}</Code>
              </Link>
            ),
          },
          { title: t('subjects.name'), dataIndex: 'name' },
          {
            title: t('subjects.kind'),
            dataIndex: 'kind',
            width: 160,
            render: (k: SubjectKind | null) => (k ? t(`enums.SubjectKind.${k}`) : ''),
          },
        ]}
      />
      <Pager page={page} hasNext={hasNext} onChange={setPage} disabled={fetching} />
    </ListPage>
  );
}
