import { Alert, Card, Descriptions, Empty, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { CreditRecordsTable } from '../../../components/CreditRecordsTable';
import { formatDateTime } from '../../../components/format';
import { STATUS_COLOR } from '../../../components/status';
import type { ApplicationStatus } from '../../../graphql/graphql';
import { SUBJECT_SHOW_QUERY } from './queries';

export default function SubjectShowPage() {
  const { t } = useTranslation();
  const { creditCode = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: SUBJECT_SHOW_QUERY, variables: { creditCode } });
  if (fetching && !data) return <Skeleton active />;
  const subject = data?.subject;
  if (!subject) {
    return error ? <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} /> : <Result status="404" title={t('common.notFoundObject')} />;
  }
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {subject.name ?? subject.creditCode}
      </Typography.Title>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('subjects.creditCode')}>{subject.creditCode}</Descriptions.Item>
          <Descriptions.Item label={t('subjects.kind')}>{subject.kind ? t(`enums.SubjectKind.${subject.kind}`) : ''}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('subjects.records')}>
        <CreditRecordsTable records={subject.creditRecords} emptyText={t('applications.noCreditRecords')} />
      </Card>
      <Card title={t('subjects.applications')}>
        <Table
          rowKey="id"
          dataSource={subject.applications}
          pagination={false}
          locale={{ emptyText: <Empty description={t('common.empty')} /> }}
          columns={[
            { title: t('applications.id'), dataIndex: 'id', width: 110, render: (id: string) => <Link to={`/applications/${id}`}>{id}</Link> },
            { title: t('applications.matter'), key: 'matter', render: (_, a) => a.matter.name },
            { title: t('applications.status'), dataIndex: 'status', width: 120, render: (s: ApplicationStatus) => <Tag color={STATUS_COLOR[s]}>{t(`enums.ApplicationStatus.${s}`)}</Tag> },
            { title: t('applications.submittedAt'), dataIndex: 'submittedAt', width: 170, render: formatDateTime },
          ]}
        />
      </Card>
    </Space>
  );
}
