import { App, Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { FormPage } from '@/components/FormPage';
import { useServerForm } from '@/components/useServerForm';
import type { MatterKind } from '@/graphql/graphql';
import { DEPARTMENT_OPTIONS_QUERY } from '@/routes/matters/list/queries';

import { MATTER_CREATE_MUTATION } from './queries';

interface MatterValues {
  code: string;
  name: string;
  kind: MatterKind;
  departmentId: string;
  legalBasis?: string;
}

export default function MatterCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<MatterValues>(['code', 'name', 'kind', 'departmentId', 'legalBasis']);
  const [{ data: depts }] = useQuery({ query: DEPARTMENT_OPTIONS_QUERY });
  const [{ fetching }, createMatter] = useMutation(MATTER_CREATE_MUTATION);

  async function onFinish(values: MatterValues) {
    const result = await createMatter({
      input: { ...values, code: values.code.trim(), name: values.name.trim(), legalBasis: values.legalBasis?.trim() ?? '' },
    });
    const matter = handle(result, result.data?.createMatter);
    if (matter) {
      void message.success(t('matters.created'));
      navigate(`/matters?q=${encodeURIComponent(values.code.trim())}`);
    }
  }

  return (
    <FormPage title={t('matters.create')} problems={problems}>
      <Form<MatterValues> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('matters.code')} name="code" rules={[{ required: true, whitespace: true, message: t('matters.codeRequired') }]}>
          <Input placeholder="430900-XK-0001" />
        </Form.Item>
        <Form.Item label={t('matters.name')} name="name" rules={[{ required: true, whitespace: true, message: t('matters.nameRequired') }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('matters.kind')} name="kind" rules={[{ required: true, message: t('matters.kindRequired') }]}>
          <Select options={(['APPROVAL', 'SUPERVISION'] as const).map((k) => ({ value: k, label: t(`enums.MatterKind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('matters.department')}
          name="departmentId"
          rules={[{ required: true, message: t('matters.departmentRequired') }]}
        >
          <Select showSearch optionFilterProp="label" options={(depts?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item label={t('matters.legalBasis')} name="legalBasis">
          <Input.TextArea rows={3} />
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
