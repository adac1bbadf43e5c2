import { Alert, App, Button, Card, Form, Input, Radio, Select, Space, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';

import { DateInput } from '@/components/QueryForm';
import { applyServerErrors } from '@/components/serverErrors';
import { FileUploadItem, uploadsOf } from '@/components/StoredFile';
import type { DocumentKind, Outcome } from '@/graphql/graphql';

import { APPLICATION_COMPLETE_MUTATION } from './queries';

const KINDS: DocumentKind[] = ['LICENCE', 'APPROVAL_DOCUMENT', 'REFUSAL_DECISION', 'OTHER'];

interface CompleteValues {
  outcome: Outcome;
  kind: DocumentKind;
  number: string;
  validFrom?: string;
  validUntil?: string;
  refusalReason?: string;
  file?: UploadFile[];
}

/** 办结: approve or refuse, with the legal document (licence number and validity). */
export function CompletePanel({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CompleteValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, complete] = useMutation(APPLICATION_COMPLETE_MUTATION);
  const outcome = Form.useWatch('outcome', form) ?? 'APPROVED';

  async function onFinish(values: CompleteValues) {
    setProblem(null);
    const [upload] = await uploadsOf(values.file);
    const result = await complete({
      input: {
        applicationId,
        outcome: values.outcome,
        refusalReason: values.refusalReason?.trim() ?? '',
        documents: [
          {
            kind: values.kind,
            number: values.number.trim(),
            validFrom: values.validFrom || null,
            validUntil: values.validUntil || null,
            ...(upload ? { fileName: upload.fileName, contentBase64: upload.contentBase64 } : {}),
          },
        ],
      },
    });
    const payload = result.data?.completeApplication;
    if (payload?.__typename === 'Application') {
      void message.success(t('complete.done'));
    } else if (payload?.__typename === 'ValidationErrors') {
      // The server names document fields as documents[0].number etc.
      const rest = applyServerErrors(form, payload.errors, [
        'outcome',
        'refusalReason',
        'kind',
        'number',
        'validFrom',
        'validUntil',
        'file',
      ]);
      if (rest.length > 0) setProblem(rest.map((e) => e.message).join('；'));
    } else {
      setProblem(result.error?.graphQLErrors[0]?.message ?? t('common.serverError'));
    }
  }

  return (
    <Card title={t('complete.title')} data-testid="complete-panel">
      {problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 16 }} />}
      <Form<CompleteValues>
        form={form}
        name="complete"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ outcome: 'APPROVED', kind: 'LICENCE' }}
      >
        <Form.Item label={t('complete.outcome')} name="outcome">
          <Radio.Group
            options={[
              { value: 'APPROVED', label: t('enums.ApplicationStatus.APPROVED') },
              { value: 'REFUSED', label: t('enums.ApplicationStatus.REFUSED') },
            ]}
          />
        </Form.Item>
        {outcome === 'REFUSED' && (
          <Form.Item
            label={t('complete.refusalReason')}
            name="refusalReason"
            rules={[{ required: true, whitespace: true, message: t('complete.refusalReasonRequired') }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        <Space wrap align="start">
          <Form.Item label={t('complete.documentKind')} name="kind" rules={[{ required: true }]}>
            <Select style={{ width: 180 }} options={KINDS.map((k) => ({ value: k, label: t(`enums.DocumentKind.${k}`) }))} />
          </Form.Item>
          <Form.Item
            label={t('complete.documentNumber')}
            name="number"
            rules={[{ required: true, whitespace: true, message: t('complete.documentNumberRequired') }]}
          >
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item label={t('complete.validFrom')} name="validFrom">
            <DateInput />
          </Form.Item>
          <Form.Item label={t('complete.validUntil')} name="validUntil">
            <DateInput />
          </Form.Item>
        </Space>
        <FileUploadItem name="file" label={t('documents.documentFile')} />
        <Button type="primary" htmlType="submit" loading={fetching}>
          {t('complete.submit')}
        </Button>
      </Form>
    </Card>
  );
}
