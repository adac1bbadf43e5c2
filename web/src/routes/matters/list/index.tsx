import { Button, Input, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';

import { Code } from '@/components/Code';
import { ListPage } from '@/components/ListPage';
import { Pager } from '@/components/Pager';
import { pageRows, pageWindow, useListParams } from '@/components/pagination';
import type { MatterKind } from '@/graphql/graphql';

import { DEPARTMENT_OPTIONS_QUERY, MATTERS_LIST_QUERY } from './queries';

const KINDS: MatterKind[] = ['APPROVAL', 'SUPERVISION'];

export default function MattersListPage() {
  const { t } = useTranslation();
  const { page, filters, setPage, setFilters } = useListParams(['q', 'kind', 'dept'] as const);
  const kind = KINDS.find((k) => k === filters.kind) ?? null;
  const [{ data, fetching, error }] = useQuery({
    query: MATTERS_LIST_QUERY,
    variables: { keyword: filters.q || null, kind, departmentId: filters.dept || null, ...pageWindow(page) },
  });
  const [{ data: depts }] = useQuery({ query: DEPARTMENT_OPTIONS_QUERY });
  const { rows, hasNext } = pageRows(data?.matters);

  return (
    <ListPage
      title={t('matters.title')}
      error={error}
      actions={
        <Link to="/matters/new">
          <Button type="primary">{t('matters.create')}</Button>
        </Link>
      }
      filters={
        <Space wrap>
          <Input.Search
            key={filters.q}
            aria-label={t('matters.keyword')}
            placeholder={t('matters.keyword')}
            defaultValue={filters.q}
            allowClear
            enterButton={t('common.search')}
            onSearch={(q) => setFilters({ q: q.trim() })}
            style={{ width: 320 }}
          />
          <Select
            aria-label={t('matters.kind')}
            value={kind ?? ''}
            onChange={(v) => setFilters({ kind: v })}
            style={{ width: 160 }}
            options={[
              { value: '', label: `${t('matters.kind')}：${t('common.all')}` },
              ...KINDS.map((k) => ({ value: k, label: t(`enums.MatterKind.${k}`) })),
            ]}
          />
          <Select
            aria-label={t('matters.department')}
            value={filters.dept}
            onChange={(v) => setFilters({ dept: v })}
            showSearch
            optionFilterProp="label"
            style={{ width: 260 }}
            options={[
              { value: '', label: `${t('matters.department')}：${t('common.all')}` },
              ...(depts?.departments ?? []).map((d) => ({ value: d.id, label: d.name })),
            ]}
          />
        </Space>
      }
    >
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          { title: t('matters.code'), dataIndex: 'code', width: 180, render: (c: string) => <Code>{c}</Code> },
          { title: t('matters.name'), dataIndex: 'name' },
          {
            title: t('matters.kind'),
            dataIndex: 'kind',
            width: 120,
            render: (k: MatterKind) => <Tag color={k === 'APPROVAL' ? 'blue' : 'green'}>{t(`enums.MatterKind.${k}`)}</Tag>,
          },
          { title: t('matters.department'), key: 'department', render: (_, m) => m.department?.name ?? '' },
          {
            title: t('matters.status'),
            key: 'status',
            width: 160,
            render: (_, m) =>
              m.status === 'REPEALED' ? (
                <Tag color="default">{m.repealedOn ? t('matters.repealed', { date: m.repealedOn }) : t('matters.repealedUndated')}</Tag>
              ) : (
                <Tag color="success">{t('matters.inForce')}</Tag>
              ),
          },
          {
            title: t('applications.title'),
            key: 'applications',
            width: 100,
            render: (_, m) => (m.kind === 'APPROVAL' ? <Link to={`/applications?matter=${m.id}`}>{t('common.view')}</Link> : null),
          },
        ]}
      />
      <Pager page={page} hasNext={hasNext} onChange={setPage} disabled={fetching} />
    </ListPage>
  );
}
