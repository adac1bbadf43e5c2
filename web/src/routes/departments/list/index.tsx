import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ListPage } from '../../../components/ListPage';
import { PAGE_SIZE } from '../../../components/pagination';
import type { DepartmentLevel } from '../../../graphql/graphql';
import { DEPARTMENTS_LIST_QUERY } from './queries';

// `departments` has no first/offset yet (a city has tens of departments): the table pages
// what the server returned. Switch to the list pattern of matters when the API gains them.
export default function DepartmentsListPage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: DEPARTMENTS_LIST_QUERY });
  const names = new Map((data?.departments ?? []).map((d) => [d.id, d.name]));
  return (
    <ListPage title={t('departments.title')} error={error}>
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={data?.departments ?? []}
        pagination={{ pageSize: PAGE_SIZE, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          { title: t('departments.name'), dataIndex: 'name' },
          { title: t('departments.shortName'), dataIndex: 'shortName', width: 160 },
          { title: t('departments.level'), dataIndex: 'level', width: 120, render: (l: DepartmentLevel) => t(`enums.DepartmentLevel.${l}`) },
          { title: t('departments.creditCode'), dataIndex: 'creditCode', width: 220 },
          { title: t('departments.parent'), dataIndex: 'parentId', width: 200, render: (p: string | null) => (p ? (names.get(p) ?? p) : '') },
        ]}
      />
    </ListPage>
  );
}
