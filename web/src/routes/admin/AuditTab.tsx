import { Alert, DatePicker, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

import { useCursorPager } from '@/components/cursorPager';
import { formatDateTime } from '@/components/format';
import { Pager } from '@/components/Pager';
import type { AuditAction, AuditOutcome } from '@/graphql/graphql';

import { AUDIT_ACTIONS, AUDIT_OUTCOMES, auditFilter, NO_AUDIT_FILTER, type AuditFilterValues } from './audit';
import { ADMIN_DEPARTMENTS_QUERY, AUDIT_QUERY } from './queries';

const PAGE = 20;

/** 审计日志: every refusal, export and administrator act; in Chinese, filtered server-side. */
export function AuditTab() {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_AUDIT_FILTER);
  const [{ data: departments }] = useQuery({ query: ADMIN_DEPARTMENTS_QUERY });
  const names = new Map((departments?.departments ?? []).map((d) => [d.id, d.name]));
  const [{ data, fetching, error }] = useQuery({
    query: AUDIT_QUERY,
    variables: { first: PAGE, after: pager.after, filter: auditFilter(filters) },
  });
  const change = (patch: Partial<AuditFilterValues>) => {
    setFilters((f) => ({ ...f, ...patch }));
    pager.reset();
  };
  const connection = data?.auditEntries;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          aria-label={t('admin.actor')}
          placeholder={t('admin.actor')}
          allowClear
          style={{ width: 200 }}
          onSearch={(v) => change({ actor: v })}
        />
        <Select<AuditAction>
          aria-label={t('admin.auditAction')}
          placeholder={t('admin.auditAction')}
          allowClear
          style={{ width: 180 }}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`auditActions.${a}`) }))}
          onChange={(v) => change({ action: v ?? null })}
        />
        <Select<AuditOutcome>
          aria-label={t('admin.outcome')}
          placeholder={t('admin.outcome')}
          allowClear
          style={{ width: 120 }}
          options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`auditOutcomes.${o}`) }))}
          onChange={(v) => change({ outcome: v ?? null })}
        />
        <Select<string>
          aria-label={t('admin.auditDepartment')}
          placeholder={t('admin.auditDepartment')}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 220 }}
          options={(departments?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
          onChange={(v) => change({ departmentId: v ?? null })}
        />
        <DatePicker.RangePicker
          aria-label={t('admin.auditPeriod')}
          onChange={(values) =>
            change({ since: values?.[0]?.format('YYYY-MM-DD') ?? null, until: values?.[1]?.format('YYYY-MM-DD') ?? null })
          }
        />
      </Space>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Table
        rowKey="id"
        size="small"
        loading={fetching && !data}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        pagination={false}
        data-testid="audit-entries"
        columns={[
          { title: t('admin.at'), dataIndex: 'at', width: 150, render: formatDateTime },
          {
            title: t('admin.actor'),
            dataIndex: 'actorName',
            width: 130,
            // The person by name; the account name stays on hover (it is what the filter searches).
            render: (name: string | null, e) => (name ? <span title={e.actor ?? undefined}>{name}</span> : t('admin.anonymous')),
          },
          {
            title: t('admin.auditDepartment'),
            dataIndex: 'departmentId',
            width: 180,
            render: (d: string | null) => (d ? (names.get(d) ?? d) : ''),
          },
          { title: t('admin.auditAction'), dataIndex: 'action', width: 140, render: (a: AuditAction) => t(`auditActions.${a}`) },
          { title: t('admin.target'), dataIndex: 'target' },
          {
            title: t('admin.outcome'),
            dataIndex: 'outcome',
            width: 90,
            render: (o: AuditOutcome) => <Tag color={o === 'SUCCESS' ? 'success' : 'error'}>{t(`auditOutcomes.${o}`)}</Tag>,
          },
          { title: t('admin.clientAddress'), dataIndex: 'clientAddress', width: 120 },
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
