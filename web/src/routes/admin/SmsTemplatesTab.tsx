import { Alert, App, Button, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';

import { Code } from '@/components/Code';
import { formatDateTime } from '@/components/format';
import { useServerForm } from '@/components/useServerForm';
import type { SmsTemplatesQuery } from '@/graphql/graphql';

import { SMS_TEMPLATE_UPDATE_MUTATION, SMS_TEMPLATES_QUERY } from './queries';
import { MAX_SMS_TEXT, renderPreview, templateProblem } from './smsTemplate';

type Template = SmsTemplatesQuery['smsTemplates'][number];
interface TemplateValues {
  text: string;
  providerCode: string;
}

/** The SMS templates: text with placeholders and the provider's template code, per purpose. */
export function SmsTemplatesTab() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SMS_TEMPLATES_QUERY });
  const [editing, setEditing] = useState<Template | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="sms-templates">
      <Typography.Text type="secondary">{t('smsTemplates.hint')}</Typography.Text>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Table<Template>
        rowKey="purpose"
        size="small"
        loading={fetching && !data}
        dataSource={data?.smsTemplates ?? []}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          { title: t('smsTemplates.purpose'), dataIndex: 'title', width: 200 },
          {
            title: t('smsTemplates.providerCode'),
            dataIndex: 'providerCode',
            width: 140,
            render: (c: string) => <Code boxed>{c}</Code>,
          },
          { title: t('smsTemplates.text'), dataIndex: 'text' },
          { title: t('smsTemplates.preview'), dataIndex: 'preview' },
          {
            title: t('smsTemplates.state'),
            key: 'state',
            width: 170,
            render: (_, tpl) =>
              tpl.isDefault ? (
                <Tag>{t('smsTemplates.builtIn')}</Tag>
              ) : (
                <Tag color="blue">{t('smsTemplates.edited', { by: tpl.updatedByName, at: formatDateTime(tpl.updatedAt) })}</Tag>
              ),
          },
          {
            title: t('inbox.actions'),
            key: 'edit',
            width: 80,
            render: (_, tpl) => (
              <Button size="small" onClick={() => setEditing(tpl)}>
                {t('smsTemplates.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <EditTemplate
          template={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </Space>
  );
}

function EditTemplate({ template, onClose }: { template: Template; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<TemplateValues>(['text', 'providerCode']);
  const [{ fetching }, update] = useMutation(SMS_TEMPLATE_UPDATE_MUTATION);
  const text = Form.useWatch('text', form) ?? template.text;
  const names = template.placeholders.map((p) => p.name);
  const preview = renderPreview(text, template.placeholders);
  return (
    <Modal
      open
      width={760}
      title={t('smsTemplates.editTitle', { title: template.title })}
      okText={t('smsTemplates.save')}
      cancelText={t('common.cancel')}
      confirmLoading={fetching}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      {problems.length > 0 && <Alert type="error" showIcon role="alert" message={problems.join('；')} style={{ marginBottom: 12 }} />}
      <Form<TemplateValues>
        form={form}
        layout="vertical"
        name="smsTemplate"
        initialValues={{ text: template.text, providerCode: template.providerCode }}
        onFinish={async (v) => {
          const result = await update({ input: { purpose: template.purpose, text: v.text.trim(), providerCode: v.providerCode.trim() } });
          if (handle(result, result.data?.updateSmsTemplate)) {
            void message.success(t('smsTemplates.saved'));
            onClose(true);
          }
        }}
      >
        <Form.Item
          label={t('smsTemplates.providerCode')}
          name="providerCode"
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { pattern: /^\s*[A-Za-z0-9_-]{1,64}\s*$/, message: t('smsTemplates.providerCodeRule') },
          ]}
        >
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Form.Item
          label={t('smsTemplates.text')}
          name="text"
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: MAX_SMS_TEXT, message: t('smsTemplates.tooLong', { max: String(MAX_SMS_TEXT) }) },
            {
              validator: async (_r, v: string | undefined) => {
                const problem = v ? templateProblem(v, names) : null;
                if (!problem) return;
                throw new Error(
                  problem.kind === 'unbalanced'
                    ? t('smsTemplates.unbalanced')
                    : t('smsTemplates.unknownPlaceholder', { names: problem.names.map((n) => `{${n}}`).join('、') }),
                );
              },
            },
          ]}
          extra={
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => form.setFieldsValue({ text: template.defaultText })}>
              {t('smsTemplates.restoreDefault')}
            </Button>
          }
        >
          <Input.TextArea rows={3} showCount maxLength={MAX_SMS_TEXT} />
        </Form.Item>
      </Form>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('smsTemplates.placeholders')}>
          <Space size={[4, 4]} wrap>
            {template.placeholders.map((p) => (
              <Tag
                key={p.name}
                style={{ cursor: 'pointer' }}
                title={p.sample}
                onClick={() => form.setFieldsValue({ text: `${text}{${p.name}}` })}
              >
                {`{${p.name}}`} {p.description}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('smsTemplates.preview')}>
          <span data-testid="sms-preview">{preview ?? '—'}</span>
          {preview && <Typography.Text type="secondary">{`（${t('smsTemplates.length', { count: preview.length })}）`}</Typography.Text>}
        </Descriptions.Item>
      </Descriptions>
    </Modal>
  );
}
