import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';

import { FormPage } from '@/components/FormPage';
import { DateInput } from '@/components/QueryForm';
import { useServerForm } from '@/components/useServerForm';
import type { RecordCategory } from '@/graphql/graphql';

import { CREDIT_RECORD_ADD_MUTATION } from './queries';

const CATEGORIES: RecordCategory[] = ['LICENSING', 'PENALTY', 'COMMENDATION', 'COMMITMENT_BREACH', 'OTHER'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface RecordValues {
  category: RecordCategory;
  title: string;
  source: string;
  decidedOn: string;
  validUntil?: string;
}

export function AddCreditRecord({ subjectCode, onAdded }: { subjectCode: string; onAdded?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const { form, problems, handle } = useServerForm<RecordValues>(['category', 'title', 'source', 'decidedOn', 'validUntil']);
  const [{ fetching }, addRecord] = useMutation(CREDIT_RECORD_ADD_MUTATION);

  async function onFinish(values: RecordValues) {
    const result = await addRecord({
      input: {
        subjectCode,
        category: values.category,
        title: values.title.trim(),
        source: values.source.trim(),
        decidedOn: values.decidedOn,
        validUntil: values.validUntil || null,
      },
    });
    if (handle(result, result.data?.addCreditRecord)) {
      void message.success(t('records.added'));
      onAdded?.();
      form.resetFields();
      setOpen(false);
    }
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('records.add')}</Button>
      <Modal open={open} title={t('records.add')} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <FormPage title="" problems={problems}>
          <Form<RecordValues> form={form} layout="vertical" onFinish={onFinish}>
            <Form.Item label={t('records.category')} name="category" rules={[{ required: true, message: t('records.categoryRequired') }]}>
              <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`enums.RecordCategory.${c}`) }))} />
            </Form.Item>
            <Form.Item
              label={t('records.title')}
              name="title"
              rules={[{ required: true, whitespace: true, message: t('records.titleRequired') }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              label={t('records.source')}
              name="source"
              rules={[{ required: true, whitespace: true, message: t('records.sourceRequired') }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              label={t('records.decidedOn')}
              name="decidedOn"
              rules={[
                { required: true, message: t('records.decidedOnRequired') },
                { pattern: DATE, message: t('findings.dateFormat') },
              ]}
            >
              <DateInput />
            </Form.Item>
            <Form.Item label={t('records.validUntil')} name="validUntil" rules={[{ pattern: DATE, message: t('findings.dateFormat') }]}>
              <DateInput />
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
