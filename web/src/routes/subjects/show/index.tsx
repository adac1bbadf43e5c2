import { Alert, Card, Descriptions, Result, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { CreditRecordsTable } from '../../../components/CreditRecordsTable';
import { AddCreditRecord } from './AddCreditRecord';
import { SUBJECT_SHOW_QUERY } from './queries';

// The subject's applications (approval's `Subject.applications`) are not shown yet: a role that
// may read credit but not applications (credit_officer) gets an error there, which nulls the
// whole subject, and a separate query would share the cache entry `Query.subject(creditCode)`.
// Add them when the access API tells the page what the user may read.
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
      <Card title={t('subjects.records')} extra={<AddCreditRecord subjectCode={subject.creditCode} />}>
        <CreditRecordsTable records={subject.creditRecords} emptyText={t('applications.noCreditRecords')} />
      </Card>
    </Space>
  );
}
