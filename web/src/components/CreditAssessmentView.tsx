import { Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { CreditAssessmentFieldsFragment, CreditLevel } from '@/graphql/graphql';

export const LEVEL_COLOR: Record<CreditLevel, string> = { TRUSTWORTHY: 'success', NORMAL: 'default', DISHONEST: 'error' };

/** A subject's credit level, why (the rules that fired), and its joint-punishment entries. */
export function CreditAssessmentView({ assessment }: { assessment: CreditAssessmentFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions column={{ xs: 1, md: 3 }} size="small">
        <Descriptions.Item label={t('credit.level')}>
          <Tag color={LEVEL_COLOR[assessment.level]} data-testid="credit-level">
            {t(`enums.CreditLevel.${assessment.level}`)}
          </Tag>
          {assessment.jointPunished && <Tag color="error">{t('credit.jointPunished')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('credit.score')}>{assessment.score}</Descriptions.Item>
        <Descriptions.Item label={t('credit.determinedOn')}>{assessment.determinedOn}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph data-testid="credit-explanation" style={{ marginBottom: 0 }}>
        {assessment.summary}
      </Typography.Paragraph>
      {assessment.causes.length > 0 && (
        <ul style={{ margin: 0 }}>
          {assessment.causes.map((c) => (
            <li key={c.ruleCode}>
              {c.ruleName}（{c.scoreDelta > 0 ? `+${c.scoreDelta}` : c.scoreDelta}
              {c.forcesLevel ? `，${t('credit.forces')} ${t(`enums.CreditLevel.${c.forcesLevel}`)}` : ''}）
            </li>
          ))}
        </ul>
      )}
      <Typography.Text strong>{t('credit.jointPunishments')}</Typography.Text>
      <Table
        rowKey="id"
        size="small"
        dataSource={assessment.jointPunishments}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('credit.noJointPunishments')} /> }}
        columns={[
          { title: t('credit.sourceDocument'), dataIndex: 'sourceDocument' },
          { title: t('credit.measures'), dataIndex: 'measures' },
          { title: t('credit.startsOn'), dataIndex: 'startsOn', width: 120 },
          { title: t('credit.endsOn'), dataIndex: 'endsOn', width: 120 },
          {
            title: t('credit.active'),
            dataIndex: 'active',
            width: 90,
            render: (a: boolean) => (a ? <Tag color="error">{t('credit.activeYes')}</Tag> : <Tag>{t('credit.activeNo')}</Tag>),
          },
        ]}
      />
    </Space>
  );
}
