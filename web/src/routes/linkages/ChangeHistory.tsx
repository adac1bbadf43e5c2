import { Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '@/components/format';

import { changeValueText, type ChangeEntry } from './linkageForm';

/** 变更记录: who changed what and when, each field's value before and after (newest first). */
export function ChangeHistory({ changes }: { changes: readonly ChangeEntry[] }) {
  const { t } = useTranslation();
  const labels = t('linkage.fieldLabels', { returnObjects: true }) as Readonly<Record<string, string | undefined>>;
  const enums = t('enums', { returnObjects: true }) as Readonly<Record<string, Readonly<Record<string, string>>>>;
  const flags = { true: t('linkage.flag_true'), false: t('linkage.flag_false') };
  const shown = (field: string, value: string | null | undefined): string => {
    if (value === null || value === undefined || value === '') return t('linkage.valueEmpty');
    return changeValueText(field, value, enums, flags);
  };
  return (
    <Table<ChangeEntry>
      rowKey={(c) => `${c.at}-${c.action}`}
      size="small"
      pagination={false}
      dataSource={[...changes]}
      locale={{ emptyText: <Empty description={t('linkage.changesEmpty')} /> }}
      columns={[
        { title: t('linkage.changeAt'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
        { title: t('linkage.changeActor'), dataIndex: 'actorName', width: 140, render: (v: string) => v || t('linkage.system') },
        {
          title: t('linkage.changeAction'),
          dataIndex: 'action',
          width: 140,
          render: (v: ChangeEntry['action']) => t(`enums.ChangeAction.${v}`),
        },
        {
          title: t('linkage.changeFields'),
          key: 'fields',
          render: (_, c) => (
            <Typography.Text>
              {c.changes.map((f) => (
                <div key={f.field}>
                  {labels[f.field] ?? f.field}：{shown(f.field, f.before)} → {shown(f.field, f.after)}
                </div>
              ))}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
