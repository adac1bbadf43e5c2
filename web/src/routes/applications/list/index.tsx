import { Button, Form, Input, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';

import { Code } from '@/components/Code';
import { formatDateTime } from '@/components/format';
import { ListPage } from '@/components/ListPage';
import { MatterPicker } from '@/components/MatterPicker';
import { Pager } from '@/components/Pager';
import { pageRows, pageWindow, useListParams } from '@/components/pagination';
import { DateInput, QueryForm } from '@/components/QueryForm';
import { STATUS_COLOR } from '@/components/status';
import type { ApplicationStatus } from '@/graphql/graphql';
import { useAccess } from '@/providers/access/AccessProvider';

import { APPLICATIONS_LIST_QUERY } from './queries';

const STATUSES: ApplicationStatus[] = ['SUBMITTED', 'ACCEPTED', 'APPROVED', 'REFUSED'];
const FILTERS = ['matter', 'status', 'applicant', 'code', 'since', 'until', 'missing'] as const;

export default function ApplicationsListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const { page, filters, setPage, setFilters } = useListParams(FILTERS);
  const status = STATUSES.find((s) => s === filters.status) ?? null;
  const [{ data, fetching, error }] = useQuery({
    query: APPLICATIONS_LIST_QUERY,
    variables: {
      matterId: filters.matter || null,
      status,
      applicant: filters.applicant || null,
      applicantCode: filters.code || null,
      submittedSince: filters.since || null,
      submittedUntil: filters.until || null,
      // missing=outstanding: the workbench's 容缺待补正材料 (applications a material is awaited on).
      missingItemsOutstanding: filters.missing === 'outstanding',
      ...pageWindow(page),
    },
  });
  const { rows, hasNext } = pageRows(data?.applications);
  return (
    <ListPage
      title={t('applications.title')}
      error={error}
      actions={
        access.allows('application.submit') && (
          <Link to="/applications/new">
            <Button type="primary">{t('applications.submit')}</Button>
          </Link>
        )
      }
      filters={
        <QueryForm values={filters} onSearch={setFilters} testId="applications-query">
          <Form.Item name="applicant" label={t('applications.applicantName')}>
            <Input allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="code" label={t('applications.applicantCode')}>
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="matter" label={t('applications.matter')}>
            <MatterPicker ariaLabel={t('applications.filterByMatter')} />
          </Form.Item>
          <Form.Item name="status" label={t('applications.status')}>
            <Select
              allowClear
              placeholder={t('applications.anyStatus')}
              style={{ width: 120 }}
              options={STATUSES.map((s) => ({ value: s, label: t(`enums.ApplicationStatus.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="missing" label={t('applications.missingItems')}>
            <Select
              allowClear
              placeholder={t('applications.missingAny')}
              style={{ width: 130 }}
              options={[{ value: 'outstanding', label: t('applications.missingOutstanding') }]}
            />
          </Form.Item>
          <Form.Item name="since" label={t('applications.submittedSince')}>
            <DateInput />
          </Form.Item>
          <Form.Item name="until" label={t('applications.submittedUntil')}>
            <DateInput />
          </Form.Item>
        </QueryForm>
      }
    >
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          {
            title: t('applications.id'),
            dataIndex: 'number',
            width: 170,
            render: (n: string, a) => (
              <Link to={`/applications/${a.id}`}>
                <Code>{n}</Code>
              </Link>
            ),
          },
          {
            title: t('applications.matter'),
            key: 'matter',
            render: (_, a) => a.matter.name,
            sorter: (a, b) => a.matter.name.localeCompare(b.matter.name, 'zh-CN'),
          },
          {
            title: t('applications.applicant'),
            dataIndex: 'applicantName',
            render: (name: string, a) => (
              <>
                {name}（<Code>{a.applicantIdentifier}</Code>）
              </>
            ),
            sorter: (a, b) => a.applicantName.localeCompare(b.applicantName, 'zh-CN'),
          },
          {
            title: t('applications.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: ApplicationStatus) => <Tag color={STATUS_COLOR[s]}>{t(`enums.ApplicationStatus.${s}`)}</Tag>,
            sorter: (a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status),
          },
          {
            title: t('applications.submittedAt'),
            dataIndex: 'submittedAt',
            width: 170,
            render: formatDateTime,
            sorter: (a, b) => a.submittedAt.localeCompare(b.submittedAt),
            defaultSortOrder: 'descend',
          },
          {
            title: t('applications.actions'),
            key: 'actions',
            width: 80,
            fixed: 'right',
            render: (_, a) => <Link to={`/applications/${a.id}`}>{t('applications.open')}</Link>,
          },
        ]}
      />
      <Pager page={page} hasNext={hasNext} onChange={setPage} disabled={fetching} />
    </ListPage>
  );
}
