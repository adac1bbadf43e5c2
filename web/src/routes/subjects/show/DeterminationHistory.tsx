import { Alert, Card, DatePicker, Empty, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LEVEL_COLOR } from '@/components/CreditAssessmentView';
import { formatDateTime } from '@/components/format';
import { useVersionText } from '@/components/useVersionText';
import type { SubjectLookupQuery } from '@/graphql/graphql';

import { inForceOn } from './determinations';

type Profile = Extract<NonNullable<SubjectLookupQuery['subject']>, { __typename: 'CreditProfile' }>;
type Entry = Profile['subject']['determinations'][number];

function Causes({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  if (entry.causes.length === 0) return <Typography.Text type="secondary">{t('followUp.determinations.noCauses')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {entry.causes.map((c) => (
        <li key={c.ruleCode}>
          {c.ruleName}（{c.scoreDelta > 0 ? `+${c.scoreDelta}` : c.scoreDelta}）
          {c.records.map((r) => (
            <Typography.Text type="secondary" key={r.recordId} style={{ display: 'block' }}>
              {t('followUp.determinations.record', { title: r.title, source: r.source, decidedOn: r.decidedOn })}
            </Typography.Text>
          ))}
          {c.jointPunishments.map((p) => (
            <Typography.Text type="secondary" key={p.entryId} style={{ display: 'block' }}>
              {p.sourceDocument}
            </Typography.Text>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** 认定历史: every determination kept, newest first; a date shows the one in force that day. */
export function DeterminationHistory({ determinations }: { determinations: readonly Entry[] }) {
  const { t } = useTranslation();
  const versionText = useVersionText();
  const [day, setDay] = useState<Dayjs | null>(null);
  const chosen = day ? inForceOn(determinations, day.format('YYYY-MM-DD')) : null;
  return (
    <Card
      title={t('followUp.determinations.title')}
      data-testid="determination-history"
      extra={
        <Space>
          <Typography.Text>{t('followUp.determinations.asOf')}</Typography.Text>
          <DatePicker
            aria-label={t('followUp.determinations.asOf')}
            placeholder={t('followUp.determinations.asOfHint')}
            value={day}
            onChange={setDay}
            style={{ width: 220 }}
          />
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {day && !chosen && <Alert type="info" showIcon message={t('followUp.determinations.none')} />}
        {chosen && (
          <Alert
            type="info"
            data-testid="determination-in-force"
            message={`${t('followUp.determinations.inForce')}：${t(`enums.CreditLevel.${chosen.level}`)} · ${versionText(chosen.ruleVersion)} · ${chosen.determinedOn}`}
            description={
              <Space direction="vertical" size={4}>
                <span>{chosen.summary}</span>
                <Causes entry={chosen} />
              </Space>
            }
          />
        )}
        <Table<Entry>
          rowKey="id"
          size="small"
          dataSource={[...determinations]}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          rowClassName={(e) => (chosen && e.id === chosen.id ? 'ant-table-row-selected' : '')}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followUp.determinations.empty')} /> }}
          expandable={{ expandedRowRender: (e) => <Causes entry={e} /> }}
          columns={[
            { title: t('followUp.determinations.determinedOn'), dataIndex: 'determinedOn', width: 120 },
            {
              title: t('followUp.determinations.ruleVersion'),
              dataIndex: 'ruleVersion',
              width: 100,
              render: (v: number) => versionText(v),
            },
            {
              title: t('followUp.determinations.level'),
              dataIndex: 'level',
              width: 90,
              render: (l: Entry['level']) => <Tag color={LEVEL_COLOR[l]}>{t(`enums.CreditLevel.${l}`)}</Tag>,
            },
            { title: t('followUp.determinations.score'), dataIndex: 'score', width: 70 },
            { title: t('followUp.determinations.summary'), dataIndex: 'summary' },
            { title: '', dataIndex: 'determinedAt', width: 150, render: formatDateTime },
          ]}
        />
      </Space>
    </Card>
  );
}
