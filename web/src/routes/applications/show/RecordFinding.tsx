import { App, Button, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';

import { FormPage } from '@/components/FormPage';
import { DateInput } from '@/components/QueryForm';
import { useServerForm } from '@/components/useServerForm';
import type { FindingKind, ResultType } from '@/graphql/graphql';

import { FINDING_RECORD_MUTATION } from './queries';

const RESULT_TYPES: ResultType[] = ['RECTIFICATION_ORDERED', 'PENALIZED', 'LICENCE_REVOKED', 'CASE_FILED', 'OTHER'];
const KINDS: FindingKind[] = ['INSPECTION', 'SPOT_CHECK', 'ADMINISTRATIVE_MEASURE', 'ENFORCEMENT_RESULT', 'CREDIT_ABNORMALITY'];

interface FindingValues {
  kind: FindingKind;
  summary: string;
  foundOn: string;
  abnormal: boolean;
  resultType?: ResultType;
  measures?: string;
  documentNumber?: string;
}

// Results issued as a numbered decision (the server requires its number: DOCUMENTED_RESULTS).
const DOCUMENTED: ResultType[] = ['PENALIZED', 'LICENCE_REVOKED'];

export function RecordFinding({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const { form, problems, handle } = useServerForm<FindingValues>([
    'kind',
    'summary',
    'foundOn',
    'abnormal',
    'resultType',
    'measures',
    'documentNumber',
  ]);
  const [{ fetching }, recordFinding] = useMutation(FINDING_RECORD_MUTATION);

  async function onFinish(values: FindingValues) {
    const result = await recordFinding({
      input: {
        applicationId,
        kind: values.kind,
        foundOn: values.foundOn,
        abnormal: values.abnormal,
        summary: values.summary.trim(),
        resultType: values.abnormal ? (values.resultType ?? 'OTHER') : 'NO_ABNORMALITY',
        measures: values.abnormal ? (values.measures?.trim() ?? '') : '',
        documentNumber: values.abnormal ? (values.documentNumber?.trim() ?? '') : '',
      },
    });
    if (handle(result, result.data?.recordFinding)) {
      void message.success(t('findings.recorded'));
      form.resetFields();
      setOpen(false);
    }
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('findings.record')}</Button>
      <Modal open={open} title={t('findings.record')} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <FormPage title="" problems={problems}>
          <Form<FindingValues> form={form} name="finding" layout="vertical" onFinish={onFinish} initialValues={{ abnormal: false }}>
            <Form.Item label={t('findings.kind')} name="kind" rules={[{ required: true, message: t('findings.kindRequired') }]}>
              <Select options={KINDS.map((k) => ({ value: k, label: t(`enums.FindingKind.${k}`) }))} />
            </Form.Item>
            <Form.Item
              label={t('findings.summary')}
              name="summary"
              rules={[{ required: true, whitespace: true, message: t('findings.summaryRequired') }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item
              label={t('findings.foundOn')}
              name="foundOn"
              rules={[
                { required: true, message: t('findings.foundOnRequired') },
                { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('findings.dateFormat') },
              ]}
            >
              <DateInput />
            </Form.Item>
            <Form.Item name="abnormal" valuePropName="checked">
              <Checkbox>{t('findings.abnormalYes')}</Checkbox>
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.abnormal !== b.abnormal || a.resultType !== b.resultType}>
              {({ getFieldValue }) =>
                getFieldValue('abnormal') ? (
                  <>
                    <Form.Item
                      label={t('findings.resultType')}
                      name="resultType"
                      rules={[{ required: true, message: t('findings.resultTypeRequired') }]}
                    >
                      <Select options={RESULT_TYPES.map((r) => ({ value: r, label: t(`enums.ResultType.${r}`) }))} />
                    </Form.Item>
                    <Form.Item label={t('findings.measures')} name="measures">
                      <Input.TextArea rows={2} />
                    </Form.Item>
                    <Form.Item
                      label={t('findings.documentNumber')}
                      name="documentNumber"
                      dependencies={['resultType']}
                      rules={[
                        {
                          required: DOCUMENTED.includes(getFieldValue('resultType') as ResultType),
                          whitespace: true,
                          message: t('findings.documentNumberRequired'),
                        },
                        { max: 100 },
                      ]}
                    >
                      <Input placeholder={t('findings.documentNumberExample')} />
                    </Form.Item>
                  </>
                ) : null
              }
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={fetching}>
              {t('common.submit')}
            </Button>
          </Form>
        </FormPage>
      </Modal>
    </>
  );
}
