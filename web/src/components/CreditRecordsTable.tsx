import { Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import type { RecordCategory } from '@/graphql/graphql';

/** A subject's credit records (application detail, subject detail). */
export function CreditRecordsTable({
  records,
  emptyText,
}: {
  records: readonly {
    id: string;
    category: RecordCategory;
    title: string;
    source: string;
    decidedOn: string;
    validUntil?: string | null;
  }[];
  emptyText: string;
}) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="id"
      dataSource={records}
      pagination={false}
      locale={{ emptyText: <Empty description={emptyText} /> }}
      columns={[
        {
          title: t('records.category'),
          dataIndex: 'category',
          width: 120,
          render: (c: RecordCategory) => (
            <Tag color={c === 'PENALTY' ? 'error' : c === 'COMMENDATION' ? 'success' : 'default'}>{t(`enums.RecordCategory.${c}`)}</Tag>
          ),
        },
        { title: t('records.title'), dataIndex: 'title' },
        { title: t('records.source'), dataIndex: 'source', width: 200 },
        { title: t('records.decidedOn'), dataIndex: 'decidedOn', width: 120 },
        { title: t('records.validUntil'), dataIndex: 'validUntil', width: 120 },
      ]}
    />
  );
}
