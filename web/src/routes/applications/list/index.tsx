import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { formatDateTime } from '../../../components/format';
import { ListPage } from '../../../components/ListPage';
import { Pager } from '../../../components/Pager';
import { pageRows, pageWindow, useListParams } from '../../../components/pagination';
import { MatterPicker } from '../../../components/MatterPicker';
import { STATUS_COLOR } from '../../../components/status';
import type { ApplicationStatus } from '../../../graphql/graphql';
import { APPLICATIONS_LIST_QUERY } from './queries';

export default function ApplicationsListPage() {
  const { t } = useTranslation();
  const { page, filters, setPage, setFilters } = useListParams(['matter'] as const);
  const [{ data, fetching, error }] = useQuery({
    query: APPLICATIONS_LIST_QUERY,
    variables: { matterId: filters.matter || null, ...pageWindow(page) },
  });
  const { rows, hasNext } = pageRows(data?.applications);
  return (
    <ListPage
      title={t('applications.title')}
      error={error}
      actions={
        <Link to="/applications/new">
          <Button type="primary">{t('applications.submit')}</Button>
        </Link>
      }
      filters={<MatterPicker ariaLabel={t('applications.filterByMatter')} value={filters.matter || undefined} onChange={(id) => setFilters({ matter: id })} />}
    >
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          { title: t('applications.id'), dataIndex: 'id', width: 110, render: (id: string) => <Link to={`/applications/${id}`}>{id}</Link> },
          { title: t('applications.matter'), key: 'matter', render: (_, a) => a.matter.name },
          { title: t('applications.applicant'), dataIndex: 'applicantName', render: (name: string, a) => `${name}（${a.applicantIdentifier}）` },
          { title: t('applications.status'), dataIndex: 'status', width: 120, render: (s: ApplicationStatus) => <Tag color={STATUS_COLOR[s]}>{t(`enums.ApplicationStatus.${s}`)}</Tag> },
          { title: t('applications.submittedAt'), dataIndex: 'submittedAt', width: 170, render: formatDateTime },
        ]}
      />
      <Pager page={page} hasNext={hasNext} onChange={setPage} disabled={fetching} />
    </ListPage>
  );
}
