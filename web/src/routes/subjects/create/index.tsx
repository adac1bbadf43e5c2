import { App, Button, Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';

import { FormPage } from '@/components/FormPage';
import { usccRule } from '@/components/usccRule';
import { useServerForm } from '@/components/useServerForm';
import type { SubjectKind } from '@/graphql/graphql';

import { SUBJECT_REGISTER_MUTATION } from './queries';

interface SubjectValues {
  creditCode: string;
  name: string;
  kind: SubjectKind;
}

export default function SubjectCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<SubjectValues>(['creditCode', 'name', 'kind']);
  const [{ fetching }, register] = useMutation(SUBJECT_REGISTER_MUTATION);
  const kind = Form.useWatch('kind', form);

  async function onFinish(values: SubjectValues) {
    const result = await register({ input: { ...values, creditCode: values.creditCode.trim().toUpperCase(), name: values.name.trim() } });
    const subject = handle(result, result.data?.registerSubject);
    if (subject?.__typename === 'Subject') {
      void message.success(t('subjects.registered'));
      navigate(`/subjects/${subject.creditCode}`);
    }
  }

  return (
    <FormPage title={t('subjects.register')} problems={problems}>
      <Form<SubjectValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ kind: 'LEGAL_PERSON' }}>
        <Form.Item label={t('subjects.kind')} name="kind">
          <Radio.Group
            options={(['LEGAL_PERSON', 'NATURAL_PERSON'] as const).map((k) => ({ value: k, label: t(`enums.SubjectKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('subjects.creditCode')}
          name="creditCode"
          rules={[
            { required: true, whitespace: true, message: t('subjects.creditCodeRequired') },
            ...(kind === 'NATURAL_PERSON' ? [] : [usccRule(t)]),
          ]}
        >
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item
          label={t('subjects.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('subjects.nameRequired') }]}
        >
          <Input />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={fetching}>
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </FormPage>
  );
}
