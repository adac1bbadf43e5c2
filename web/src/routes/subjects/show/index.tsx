import { Alert, Button, Card, Descriptions, Form, Input, Result, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';

import { Code } from '@/components/Code';
import { CreditAssessmentView } from '@/components/CreditAssessmentView';
import { CreditRecordsTable } from '@/components/CreditRecordsTable';

import { AddCreditRecord } from './AddCreditRecord';
import { DeterminationHistory } from './DeterminationHistory';
import { SUBJECT_LOOKUP_QUERY } from './queries';

/** A credit lookup names its purpose first (it is logged); the purpose stays in the URL. */
export default function SubjectShowPage() {
  const { t } = useTranslation();
  const { creditCode = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const purpose = params.get('purpose') ?? '';
  const [{ data, fetching, error }, lookUpAgain] = useQuery({
    query: SUBJECT_LOOKUP_QUERY,
    variables: { creditCode, purpose },
    pause: purpose.trim() === '',
    requestPolicy: 'network-only',
  });
  const outcome = data?.subject;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {outcome?.__typename === 'CreditProfile' && outcome.subject.name ? outcome.subject.name : <Code>{creditCode}</Code>}
      </Typography.Title>
      <Card title={t('credit.lookup')}>
        <Form
          layout="inline"
          initialValues={{ purpose }}
          onFinish={(v: { purpose: string }) => setParams({ purpose: v.purpose.trim() }, { replace: true })}
        >
          <Form.Item
            label={t('credit.purpose')}
            name="purpose"
            rules={[{ required: true, whitespace: true, message: t('credit.purposeRequired') }]}
            validateStatus={outcome?.__typename === 'ValidationErrors' ? 'error' : undefined}
            help={outcome?.__typename === 'ValidationErrors' ? outcome.errors.map((e) => e.message).join('；') : undefined}
          >
            <Input style={{ width: 360 }} placeholder={t('credit.purposeHint')} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('credit.lookupSubmit')}
          </Button>
        </Form>
      </Card>
      {fetching && !data && <Skeleton active />}
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      {purpose && !fetching && !error && outcome === null && <Result status="404" title={t('common.notFoundObject')} />}
      {outcome?.__typename === 'CreditProfile' && (
        <>
          <Card>
            <Descriptions column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('subjects.creditCode')}>
                <Code>{outcome.subject.creditCode}</Code>
              </Descriptions.Item>
              <Descriptions.Item label={t('subjects.kind')}>
                {outcome.subject.kind ? t(`enums.SubjectKind.${outcome.subject.kind}`) : ''}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('credit.assessment')}>
            <CreditAssessmentView assessment={outcome.assessment} />
          </Card>
          <DeterminationHistory determinations={outcome.subject.determinations} />
          <Card
            title={t('subjects.records')}
            extra={
              <AddCreditRecord subjectCode={outcome.subject.creditCode} onAdded={() => lookUpAgain({ requestPolicy: 'network-only' })} />
            }
          >
            <CreditRecordsTable records={outcome.records} emptyText={t('applications.noCreditRecords')} />
          </Card>
        </>
      )}
    </Space>
  );
}
