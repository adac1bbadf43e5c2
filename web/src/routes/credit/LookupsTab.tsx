import { Alert, App, Button, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useClient, useQuery } from 'urql';

import { DEPARTMENT_NAMES_QUERY } from '@/app/queries';
import { Code } from '@/components/Code';
import { formatDateTime } from '@/components/format';
import { Pager } from '@/components/Pager';
import { pageRows, pageWindow, useListParams } from '@/components/pagination';
import { DateInput } from '@/components/QueryForm';
import type { CreditLookupsQuery, LookupChannel } from '@/graphql/graphql';
import { applicationIdOf } from '@/lib/applicationNumber';

import { downloadBase64 } from './files';
import { CREDIT_LOOKUPS_QUERY, EXPORT_CREDIT_LOOKUPS_QUERY } from './queries';

type Lookup = CreditLookupsQuery['creditLookups'][number];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CHANNEL_COLOURS: Record<LookupChannel, string> = {
  QUERY: 'blue',
  CHECK: 'green',
  EXPORT: 'orange',
  BROWSE: 'default',
  TRACKING: 'purple',
};

/** 查询日志: who looked up whom, when, for what (案卷评查 by application, 考核 by department). */
export function LookupsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const { page, filters, setPage, setFilters } = useListParams(['department', 'application', 'since', 'until'] as const);
  const [exporting, setExporting] = useState(false);
  const since = DATE.test(filters.since) ? filters.since : null;
  const until = DATE.test(filters.until) ? filters.until : null;
  const reversed = Boolean(since && until && until < since);
  const criteria = {
    departmentId: filters.department || null,
    applicationId: applicationIdOf(filters.application),
    since,
    until,
  };
  const [{ data, fetching, error }] = useQuery({
    query: CREDIT_LOOKUPS_QUERY,
    variables: { ...criteria, ...pageWindow(page) },
    pause: reversed,
    requestPolicy: 'cache-and-network',
  });
  const [{ data: departments }] = useQuery({ query: DEPARTMENT_NAMES_QUERY });
  const { rows, hasNext } = pageRows(data?.creditLookups);

  async function onExport() {
    setExporting(true);
    const result = await client.query(EXPORT_CREDIT_LOOKUPS_QUERY, criteria, { requestPolicy: 'network-only' }).toPromise();
    setExporting(false);
    const file = result.data?.exportCreditLookups;
    if (file) {
      downloadBase64(file.filename, file.mediaType, file.contentBase64);
      void message.success(t('creditAdmin.lookups.exported'));
    } else {
      void message.error(result.error?.graphQLErrors[0]?.message ?? t('common.serverError'));
    }
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label={t('creditAdmin.lookups.department')}
          style={{ width: 240 }}
          value={filters.department}
          onChange={(v: string) => setFilters({ department: v })}
          showSearch
          optionFilterProp="label"
          options={[
            { value: '', label: t('creditAdmin.lookups.allDepartments') },
            ...(departments?.departments ?? []).map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
        <Input.Search
          key={filters.application}
          aria-label={t('creditAdmin.lookups.applicationId')}
          placeholder={t('creditAdmin.lookups.applicationId')}
          defaultValue={filters.application}
          allowClear
          onSearch={(v) => setFilters({ application: v.trim() })}
          style={{ width: 200 }}
        />
        <Space>
          <label htmlFor="lookups-since">{t('creditAdmin.lookups.since')}</label>
          <DateInput id="lookups-since" value={filters.since} onChange={(v) => setFilters({ since: v })} style={{ width: 160 }} />
        </Space>
        <Space>
          <label htmlFor="lookups-until">{t('creditAdmin.lookups.until')}</label>
          <DateInput id="lookups-until" value={filters.until} onChange={(v) => setFilters({ until: v })} style={{ width: 160 }} />
        </Space>
        <Button loading={exporting} disabled={reversed} onClick={() => void onExport()}>
          {t('creditAdmin.lookups.export')}
        </Button>
      </Space>
      {reversed && <Alert type="warning" showIcon message={t('creditAdmin.lookups.untilBeforeSince')} />}
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Table<Lookup>
        rowKey="id"
        size="small"
        loading={fetching}
        dataSource={reversed ? [] : rows}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('creditAdmin.lookups.empty') }}
        columns={[
          { title: t('creditAdmin.lookups.lookedUpAt'), dataIndex: 'lookedUpAt', width: 150, render: formatDateTime },
          {
            title: t('creditAdmin.lookups.username'),
            dataIndex: 'usernameDisplay',
            width: 130,
            render: (name: string, l) => <span title={l.username}>{name}</span>,
          },
          { title: t('creditAdmin.lookups.department'), key: 'department', width: 200, render: (_, l) => l.department.name },
          { title: t('creditAdmin.lookups.subjectCode'), dataIndex: 'subjectCode', width: 190, render: (c: string) => <Code>{c}</Code> },
          { title: t('creditAdmin.lookups.purpose'), dataIndex: 'purpose' },
          {
            title: t('creditAdmin.lookups.channel'),
            dataIndex: 'channel',
            width: 100,
            render: (c: LookupChannel) => <Tag color={CHANNEL_COLOURS[c]}>{t(`enums.LookupChannel.${c}`)}</Tag>,
          },
          {
            title: t('creditAdmin.lookups.application'),
            dataIndex: 'applicationId',
            width: 170,
            // The 办件编号 once approval accepted the application; before, a link by its page.
            render: (id: string | null, l) =>
              id ? <Link to={`/applications/${id}`}>{l.applicationNumber ?? t('creditAdmin.lookups.notAccepted')}</Link> : '',
          },
        ]}
      />
      <Pager page={page} hasNext={hasNext && !reversed} onChange={setPage} disabled={fetching} />
    </Space>
  );
}
