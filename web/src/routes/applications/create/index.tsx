import { App, Button, Form, Input, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation } from 'urql';

import { FormPage } from '@/components/FormPage';
import { MatterPicker } from '@/components/MatterPicker';
import { useServerForm } from '@/components/useServerForm';
import { classifyApplicantCode } from '@/lib/applicantCode';

import { APPLICATION_SUBMIT_MUTATION } from './queries';

interface ApplicationValues {
  matterId: string;
  applicantCode: string;
  applicantName: string;
  applicantContact?: string;
  applicantAddress?: string;
}

export default function ApplicationCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<ApplicationValues>([
    'matterId',
    'applicantCode',
    'applicantName',
    'applicantContact',
    'applicantAddress',
  ]);
  const [{ fetching }, submit] = useMutation(APPLICATION_SUBMIT_MUTATION);
  const code = Form.useWatch('applicantCode', form) ?? '';
  const guess = code.trim().length === 18 ? classifyApplicantCode(code) : null;
  const kindHint =
    guess && !guess.problem ? t(guess.kind === 'NATURAL_PERSON' ? 'applications.naturalPerson' : 'applications.legalPerson') : undefined;

  async function onFinish(values: ApplicationValues) {
    const applicantCode = values.applicantCode.trim().toUpperCase();
    const result = await submit({
      input: {
        matterId: values.matterId,
        applicantKind: classifyApplicantCode(applicantCode).kind,
        applicantCode,
        applicantName: values.applicantName.trim(),
        applicantContact: values.applicantContact?.trim() ?? '',
        applicantAddress: values.applicantAddress?.trim() ?? '',
      },
    });
    const application = handle(result, result.data?.submitApplication);
    if (application?.__typename === 'Application') {
      void message.success(t('applications.submitted'));
      navigate(`/applications/${application.id}`);
    }
  }

  return (
    <FormPage title={t('applications.submit')} problems={problems}>
      <Form<ApplicationValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ matterId: params.get('matter') ?? undefined }}
      >
        <Form.Item label={t('applications.matter')} name="matterId" rules={[{ required: true, message: t('applications.matterRequired') }]}>
          <MatterPickerField ariaLabel={t('applications.matter')} />
        </Form.Item>
        <Form.Item
          label={t('applications.applicantCode')}
          name="applicantCode"
          rules={[{ required: true, whitespace: true, message: t('applications.applicantCodeRequired') }, applicantCodeRule(t)]}
          extra={kindHint}
        >
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item
          label={t('applications.applicantName')}
          name="applicantName"
          rules={[{ required: true, whitespace: true, message: t('applications.applicantNameRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label={t('applications.applicantContact')} name="applicantContact">
          <Input />
        </Form.Item>
        <Form.Item label={t('applications.applicantAddress')} name="applicantAddress">
          <Input />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={fetching}>
            {t('common.submit')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </FormPage>
  );
}

/** Form.Item passes value/onChange; MatterPicker takes them with an aria label. */
function MatterPickerField({
  value,
  onChange,
  ariaLabel,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  ariaLabel: string;
}) {
  return <MatterPicker value={value} onChange={(v) => onChange?.(v)} ariaLabel={ariaLabel} allowClear={false} />;
}

const PROBLEM_TEXT = {
  uscc: 'applications.applicantCodeFormat',
  usccCheckDigit: 'applications.applicantCodeCheckDigit',
  idFormat: 'applications.idFormat',
  idBirthDate: 'applications.idBirthDate',
  idCheckDigit: 'applications.idCheckDigit',
} as const;

/** A USCC or a resident ID number, each checked by its own rule (check character included). */
function applicantCodeRule(t: TFunction) {
  return {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value?.trim()) return;
      const { problem } = classifyApplicantCode(value);
      if (problem) throw new Error(t(PROBLEM_TEXT[problem]));
    },
  };
}
