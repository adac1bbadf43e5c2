import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { DateInput } from '@/components/QueryForm';
import { applyServerErrors } from '@/components/serverErrors';
import type { BasisDocumentUploadMutation, BasisKind } from '@/graphql/graphql';
import { blobToBase64, checkBasisFile } from '@/routes/linkages/linkageForm';

import { postWithProgress } from './postWithProgress';
import { BASIS_DOCUMENT_UPLOAD_MUTATION } from './queries';

export type UploadedBasisDocument = Extract<BasisDocumentUploadMutation['uploadBasisDocument'], { __typename: 'BasisDocument' }>;

interface UploadValues {
  kind: BasisKind;
  number: string;
  signedOn: string;
  parties: string;
  file: UploadFile[];
}

const FIELDS = ['kind', 'number', 'signedOn', 'parties', 'file'] as const;

/** The modal that uploads a basis document (委托书 / 工作交付书 / 工作备忘录) with its file. */
export function BasisDocumentUpload({
  open,
  onClose,
  onUploaded,
  defaultParties,
}: {
  open: boolean;
  onClose: () => void;
  onUploaded: (document: UploadedBasisDocument) => void;
  defaultParties: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UploadValues>();
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function setFile(file: UploadFile | null) {
    form.setFieldsValue({ file: file ? [file] : [] });
  }

  async function onFinish(values: UploadValues) {
    const chosen = values.file[0];
    const raw = chosen?.originFileObj;
    if (!chosen || !raw) return;
    setProblem(null);
    setUploading(true);
    setFile({ ...chosen, status: 'uploading', percent: 0 });
    const result = await postWithProgress(
      BASIS_DOCUMENT_UPLOAD_MUTATION,
      {
        input: {
          kind: values.kind,
          number: values.number.trim(),
          signedOn: values.signedOn,
          parties: values.parties.trim(),
          fileName: raw.name,
          contentBase64: await blobToBase64(raw),
        },
      },
      (percent) => setFile({ ...chosen, status: 'uploading', percent }),
    );
    setUploading(false);
    const outcome = result.data?.uploadBasisDocument;
    if (outcome?.__typename === 'BasisDocument') {
      setFile({ ...chosen, status: 'done', percent: 100 });
      void message.success(t('linkage.basisUploaded', { number: outcome.number }));
      onUploaded(outcome);
      form.resetFields();
      onClose();
      return;
    }
    setFile({ ...chosen, status: 'error' });
    if (outcome?.__typename === 'ValidationErrors') {
      // The server names the file by its input field (contentBase64): the form's is `file`.
      const errors = outcome.errors.map((e) => (e.field === 'contentBase64' ? { ...e, field: 'file' } : e));
      const rest = applyServerErrors(form, errors, FIELDS);
      if (rest.length > 0) setProblem(rest.map((e) => e.message).join('；'));
    } else {
      setProblem(result.error === 'network' || !result.error ? t('common.serverError') : result.error);
    }
  }

  return (
    <Modal
      open={open}
      title={t('linkage.basisUpload')}
      okText={t('linkage.basisUpload')}
      cancelText={t('common.cancel')}
      confirmLoading={uploading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={problem} />}
      <Form<UploadValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void onFinish(v)}
        initialValues={{ kind: 'MEMORANDUM', parties: defaultParties, file: [] }}
      >
        <Form.Item label={t('linkage.basisKind')} name="kind" rules={[{ required: true }]}>
          <Select
            aria-label={t('linkage.basisKind')}
            options={(['ENTRUSTMENT', 'HANDOVER', 'MEMORANDUM'] as const).map((k) => ({ value: k, label: t(`enums.BasisKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('linkage.basisNumber')}
          name="number"
          rules={[{ required: true, whitespace: true, message: t('linkage.basisNumberRequired') }]}
        >
          <Input placeholder="益审管联〔2026〕7号" />
        </Form.Item>
        <Form.Item
          label={t('linkage.basisSignedOn')}
          name="signedOn"
          rules={[{ required: true, message: t('linkage.basisSignedOnRequired') }]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item
          label={t('linkage.basisParties')}
          name="parties"
          rules={[{ required: true, whitespace: true, message: t('linkage.basisPartiesRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label={t('linkage.basisFile')}
          name="file"
          valuePropName="fileList"
          // The list is kept by beforeUpload / onRemove below, not by Upload's own change events.
          getValueFromEvent={() => form.getFieldValue('file') as UploadFile[]}
          extra={t('linkage.basisFileHint')}
          rules={[
            {
              validator: (_, v: UploadFile[] | undefined) =>
                v && v.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('linkage.basisFileRequired'))),
            },
          ]}
        >
          <Upload
            accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            maxCount={1}
            onRemove={() => setFile(null)}
            beforeUpload={async (file) => {
              const fileProblem = await checkBasisFile(file);
              if (fileProblem) {
                form.setFields([{ name: 'file', value: [], errors: [t(`linkage.basisFile${fileProblem}`)] }]);
                return Upload.LIST_IGNORE;
              }
              // Held in the form; sent on submit together with the document's details.
              setFile({ uid: file.uid, name: file.name, size: file.size, type: file.type, originFileObj: file, status: 'done' });
              form.setFields([{ name: 'file', errors: [] }]);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('linkage.basisFileChoose')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
