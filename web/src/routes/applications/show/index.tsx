import { Alert, Card, Descriptions, Empty, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { formatDateTime } from '../../../components/format';
import { CreditRecordsTable } from '../../../components/CreditRecordsTable';
import type { FindingKind } from '../../../graphql/graphql';
import { STATUS_COLOR } from '../../../components/status';
import { RecordFinding } from './RecordFinding';
import { APPLICATION_SHOW_QUERY } from './queries';

export default function ApplicationShowPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: APPLICATION_SHOW_QUERY, variables: { id } });
  if (fetching && !data) return <Skeleton active />;
  const application = data?.application;
  if (!application) {
    return error ? <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} /> : <Result status="404" title={t('common.notFoundObject')} />;
  }
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('applications.detail')} #{application.id}
      </Typography.Title>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('applications.matter')}>
            {application.matter.name}（{application.matter.code}）
          </Descriptions.Item>
          <Descriptions.Item label={t('matters.department')}>{application.matter.department?.name}</Descriptions.Item>
          <Descriptions.Item label={t('applications.status')}>
            <Tag color={STATUS_COLOR[application.status]}>{t(`enums.ApplicationStatus.${application.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('applications.submittedAt')}>{formatDateTime(application.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('applications.applicant')}>
            <Link to={`/subjects/${application.applicant.creditCode}`}>{application.applicantName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('applications.applicantCode')}>{application.applicant.creditCode}</Descriptions.Item>
          <Descriptions.Item label={t('applications.applicantContact')}>{application.applicantContact}</Descriptions.Item>
          <Descriptions.Item label={t('applications.applicantAddress')}>{application.applicantAddress}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('applications.findings')} extra={<RecordFinding applicationId={application.id} />}>
        <Table
          rowKey="id"
          dataSource={application.findings}
          pagination={false}
          locale={{ emptyText: <Empty description={t('applications.noFindings')} /> }}
          columns={[
            { title: t('findings.kind'), dataIndex: 'kind', width: 140, render: (k: FindingKind) => t(`enums.FindingKind.${k}`) },
            { title: t('findings.abnormal'), dataIndex: 'abnormal', width: 100, render: (a: boolean) => (a ? <Tag color="error">{t('findings.abnormalYes')}</Tag> : <Tag>{t('findings.abnormalNo')}</Tag>) },
            { title: t('findings.summary'), dataIndex: 'summary' },
            { title: t('findings.foundOn'), dataIndex: 'foundOn', width: 120 },
            { title: t('findings.department'), key: 'department', render: (_, f) => f.department.name },
          ]}
        />
      </Card>
      <Card title={t('applications.creditRecords')}>
        <CreditRecordsTable records={application.applicant.creditRecords} emptyText={t('applications.noCreditRecords')} />
      </Card>
    </Space>
  );
}
