import { Alert, App, Button, Card, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { CreditAssessmentView, LEVEL_COLOR } from '../../../components/CreditAssessmentView';
import { applyServerErrors } from '../../../components/serverErrors';
import type { CreditCheckQuery, HandlingMode } from '../../../graphql/graphql';
import { APPLICATION_ACCEPT_MUTATION, CREDIT_CHECK_QUERY } from './queries';

type Check = Extract<NonNullable<CreditCheckQuery['creditCheck']>, { __typename: 'CreditCheck' }>;

interface CheckValues {
  subjectCode: string;
  purpose: string;
}

/**
 * 受理: the clerk states why the applicant's credit is looked up (logged), sees the level,
 * joint punishments, the explanation and which handling modes the credit allows, picks one,
 * and accepts with the signed ticket of that check.
 */
export function AcceptPanel({ applicationId, subjectCode }: { applicationId: string; subjectCode: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [form] = Form.useForm<CheckValues>();
  const [check, setCheck] = useState<Check | null>(null);
  const [checking, setChecking] = useState(false);
  const [mode, setMode] = useState<HandlingMode>('NORMAL');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching: accepting }, accept] = useMutation(APPLICATION_ACCEPT_MUTATION);

  async function runCheck(values: CheckValues) {
    setProblem(null);
    setChecking(true);
    const result = await client
      .query(CREDIT_CHECK_QUERY, { applicationId, subjectCode: values.subjectCode.trim(), purpose: values.purpose.trim() }, { requestPolicy: 'network-only' })
      .toPromise();
    setChecking(false);
    const outcome = result.data?.creditCheck;
    if (outcome?.__typename === 'CreditCheck') {
      setCheck(outcome);
      setMode('NORMAL');
    } else if (outcome?.__typename === 'ValidationErrors') {
      setCheck(null);
      const rest = applyServerErrors(form, outcome.errors, ['subjectCode', 'purpose']);
      if (rest.length > 0) setProblem(rest.map((e) => e.message).join('；'));
    } else {
      setProblem(result.error?.graphQLErrors[0]?.message ?? t('common.serverError'));
    }
  }

  async function onAccept() {
    if (!check) return;
    setProblem(null);
    const result = await accept({ input: { applicationId, handlingMode: mode, creditTicket: check.ticket } });
    const outcome = result.data?.acceptApplication;
    if (outcome?.__typename === 'Application') {
      void message.success(t('accept.done'));
    } else if (outcome?.__typename === 'ValidationErrors') {
      setProblem(outcome.errors.map((e) => e.message).join('；'));
    } else {
      setProblem(result.error?.graphQLErrors[0]?.message ?? t('common.serverError'));
    }
  }

  return (
    <Card title={t('accept.title')} data-testid="accept-panel">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {problem && <Alert type="error" showIcon role="alert" message={problem} />}
        <Form<CheckValues> form={form} name="creditCheck" layout="vertical" onFinish={runCheck} initialValues={{ subjectCode: subjectCode ?? '' }}>
          <Form.Item
            label={t('accept.subjectCode')}
            name="subjectCode"
            rules={[{ required: true, whitespace: true, message: t('accept.subjectCodeRequired') }]}
          >
            <Input style={{ maxWidth: 360 }} disabled={subjectCode !== null} />
          </Form.Item>
          <Form.Item
            label={t('credit.purpose')}
            name="purpose"
            extra={t('accept.purposeLogged')}
            rules={[{ required: true, whitespace: true, message: t('credit.purposeRequired') }]}
          >
            <Input placeholder={t('credit.purposeHint')} />
          </Form.Item>
          <Button htmlType="submit" loading={checking}>
            {t('accept.runCheck')}
          </Button>
        </Form>
        {check && (
          <>
            <Typography.Text type="secondary">
              {t('accept.checkedAt', { lookupId: check.lookupId })}
            </Typography.Text>
            <CreditAssessmentView assessment={check.explanation} />
            <Typography.Text strong>{t('accept.modes')}</Typography.Text>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as HandlingMode)} aria-label={t('accept.modes')}>
              <Space direction="vertical">
                {check.modes.map((m) => (
                  <Radio key={m.mode} value={m.mode} disabled={!m.allowed}>
                    {t(`enums.HandlingMode.${m.mode}`)}
                    {!m.allowed && m.reason && (
                      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                        {m.reason}
                      </Typography.Text>
                    )}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
            <Space>
              <Tag color={LEVEL_COLOR[check.level]}>{t(`enums.CreditLevel.${check.level}`)}</Tag>
              <Button type="primary" onClick={() => void onAccept()} loading={accepting}>
                {t('accept.submit', { mode: t(`enums.HandlingMode.${mode}`) })}
              </Button>
            </Space>
          </>
        )}
      </Space>
    </Card>
  );
}
