import { Alert, App, Button, Card, Checkbox, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';

import { CreditAssessmentView, LEVEL_COLOR } from '@/components/CreditAssessmentView';
import { applyServerErrors } from '@/components/serverErrors';
import type { CreditCheckQuery, HandlingMode, SkipReason } from '@/graphql/graphql';

import { FacilitationFields, facilitationInput, type FacilitationValues } from './FacilitationFields';
import { measureChoice } from './measures';
import { APPLICATION_ACCEPT_MUTATION, CREDIT_CHECK_QUERY } from './queries';

type Check = Extract<NonNullable<CreditCheckQuery['creditCheck']>, { __typename: 'CreditCheck' }>;

interface CheckValues {
  subjectCode: string;
  purpose: string;
}

interface SkipValues {
  skipReason?: SkipReason;
  skipNote?: string;
}

const SKIP_REASONS: SkipReason[] = [
  'APPLICANT_DECLINED',
  'DOCUMENTS_COMPLETE',
  'NOT_APPLICABLE_TO_MATTER',
  'RISK_CONCERN',
  'CREDIT_REPAIRED',
  'OTHER',
];

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
  const [stricterReview, setStricterReview] = useState(true);
  const [skipForm] = Form.useForm<SkipValues>();
  const [factsForm] = Form.useForm<FacilitationValues>();
  const skipReason = Form.useWatch('skipReason', skipForm);
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching: accepting }, accept] = useMutation(APPLICATION_ACCEPT_MUTATION);

  async function runCheck(values: CheckValues) {
    setProblem(null);
    setChecking(true);
    const result = await client
      .query(
        CREDIT_CHECK_QUERY,
        { applicationId, subjectCode: values.subjectCode.trim(), purpose: values.purpose.trim() },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setChecking(false);
    const outcome = result.data?.creditCheck;
    if (outcome?.__typename === 'CreditCheck') {
      setCheck(outcome);
      setMode('NORMAL');
      setStricterReview(true);
      skipForm.resetFields();
    } else if (outcome?.__typename === 'ValidationErrors') {
      setCheck(null);
      const rest = applyServerErrors(form, outcome.errors, ['subjectCode', 'purpose']);
      if (rest.length > 0) setProblem(rest.map((e) => e.message).join('；'));
    } else {
      setProblem(result.error?.graphQLErrors[0]?.message ?? t('common.serverError'));
    }
  }

  const choice = check ? measureChoice(check, mode, stricterReview) : null;

  async function onAccept() {
    if (!check || !choice) return;
    setProblem(null);
    let skip: SkipValues = {};
    if (choice.skipped.length > 0) {
      try {
        skip = await skipForm.validateFields();
      } catch {
        return; // the form shows what is missing next to the field
      }
    }
    const facts = await facilitationInput(factsForm, mode);
    if (facts === null) return; // the form shows what is missing next to the field
    const result = await accept({
      input: {
        applicationId,
        handlingMode: mode,
        creditTicket: check.ticket,
        stricterReview,
        skipReason: choice.skipped.length > 0 ? (skip.skipReason ?? null) : null,
        skipNote: choice.skipped.length > 0 ? (skip.skipNote ?? '').trim() : '',
        ...facts,
      },
    });
    const outcome = result.data?.acceptApplication;
    if (outcome?.__typename === 'Application') {
      void message.success(t('accept.done'));
    } else if (outcome?.__typename === 'ValidationErrors') {
      const onFacts = outcome.errors.filter((e) => e.field.startsWith('missingItems') || e.field.startsWith('commitment'));
      const rest = applyServerErrors(
        skipForm,
        outcome.errors.filter((e) => !onFacts.includes(e)),
        ['skipReason', 'skipNote'],
      );
      const shown = [...onFacts, ...rest];
      if (shown.length > 0) setProblem(shown.map((e) => e.message).join('；'));
    } else {
      setProblem(result.error?.graphQLErrors[0]?.message ?? t('common.serverError'));
    }
  }

  return (
    <Card title={t('accept.title')} data-testid="accept-panel">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {problem && <Alert type="error" showIcon role="alert" message={problem} />}
        <Form<CheckValues>
          form={form}
          name="creditCheck"
          layout="vertical"
          onFinish={runCheck}
          initialValues={{ subjectCode: subjectCode ?? '' }}
        >
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
            <Typography.Text type="secondary">{t('accept.checkedAt', { lookupId: check.lookupId })}</Typography.Text>
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
            <FacilitationFields form={factsForm} mode={mode} />
            {choice?.restriction && (
              <Checkbox checked={stricterReview} onChange={(e) => setStricterReview(e.target.checked)} data-testid="stricter-review">
                {t('accept.stricterReview')}
              </Checkbox>
            )}
            {choice && choice.skipped.length > 0 && (
              <Form<SkipValues> form={skipForm} name="measureSkip" layout="vertical" data-testid="skip-reason">
                <Typography.Paragraph type="warning">
                  {t('accept.skipped', {
                    measures: choice.skipped
                      .map((m) => (m === 'STRICTER_REVIEW' ? t('accept.stricterReviewMeasure') : t(`enums.HandlingMode.${m}`)))
                      .join('、'),
                  })}
                </Typography.Paragraph>
                <Form.Item
                  label={t('accept.skipReason')}
                  name="skipReason"
                  rules={[{ required: true, message: t('accept.skipReasonRequired') }]}
                >
                  <Select<SkipReason>
                    style={{ maxWidth: 360 }}
                    options={SKIP_REASONS.map((r) => ({ value: r, label: t(`enums.SkipReason.${r}`) }))}
                  />
                </Form.Item>
                <Form.Item
                  label={t('accept.skipNote')}
                  name="skipNote"
                  rules={[{ required: skipReason === 'OTHER', whitespace: true, message: t('accept.skipNoteRequired') }]}
                >
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
              </Form>
            )}
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
