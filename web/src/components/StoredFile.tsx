import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Space, Tooltip, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Code } from '@/components/Code';
import { downloadBase64 } from '@/lib/coordination';
import { blobToBase64, checkBasisFile } from '@/routes/linkages/linkageForm';

/** A stored file as the server shows it: name and SHA-256 (the download answers the bytes). */
export interface StoredFileInfo {
  fileName: string;
  sha256: string;
}

interface Downloaded {
  fileName: string;
  contentType: string;
  contentBase64: string;
}

/** The file's name as a download link, and its hash (shortened; the full hash on hover and copy). */
export function StoredFileLink({
  file,
  fetchFile,
  testId,
}: {
  file: StoredFileInfo;
  fetchFile: () => Promise<Downloaded | null | undefined>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function onClick() {
    setBusy(true);
    try {
      const found = await fetchFile();
      if (found) downloadBase64(found.fileName, found.contentType, found.contentBase64);
      else void message.error(t('documents.notFound'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Space size={4} wrap data-testid={testId}>
      <Button
        type="link"
        size="small"
        icon={<DownloadOutlined />}
        loading={busy}
        onClick={() => void onClick()}
        style={{ paddingInline: 0 }}
      >
        {file.fileName}
      </Button>
      <Tooltip title={t('documents.sha256Hint', { hash: file.sha256 })}>
        <Typography.Text type="secondary" copyable={{ text: file.sha256 }} data-sha256={file.sha256}>
          {t('documents.sha256')} <Code>{file.sha256.slice(0, 12)}…</Code>
        </Typography.Text>
      </Tooltip>
    </Space>
  );
}

/** A form item choosing one file (PDF/PNG/JPEG ≤ 10 MB, checked by its first bytes before sending). */
export function FileUploadItem({
  name,
  label,
  required = false,
  multiple = false,
}: {
  name: string;
  label: string;
  required?: boolean;
  multiple?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={label}
      name={name}
      valuePropName="fileList"
      extra={t('documents.fileHint')}
      getValueFromEvent={(e: { fileList: UploadFile[] }) => (multiple ? e.fileList : e.fileList.slice(-1))}
      rules={[
        {
          validator: async (_, files?: UploadFile[]) => {
            const chosen = files ?? [];
            if (chosen.length === 0 && required) throw new Error(t('documents.chooseFile'));
            for (const f of chosen) {
              if (!f.originFileObj) continue;
              const problem = await checkBasisFile(f.originFileObj);
              if (problem === 'EMPTY') throw new Error(t('documents.fileEmpty'));
              if (problem === 'TOO_LARGE') throw new Error(t('documents.fileTooLarge'));
              if (problem === 'WRONG_TYPE') throw new Error(t('documents.fileWrongType'));
            }
          },
        },
      ]}
    >
      <Upload beforeUpload={() => false} maxCount={multiple ? 10 : 1} multiple={multiple} accept=".pdf,.png,.jpg,.jpeg">
        <Button icon={<UploadOutlined />}>{t('documents.chooseFile')}</Button>
      </Upload>
    </Form.Item>
  );
}

/** The chosen files as upload inputs ({fileName, contentBase64}). */
export async function uploadsOf(files: UploadFile[] | undefined): Promise<{ fileName: string; contentBase64: string }[]> {
  const out: { fileName: string; contentBase64: string }[] = [];
  for (const f of files ?? []) {
    if (f.originFileObj) out.push({ fileName: f.name, contentBase64: await blobToBase64(f.originFileObj) });
  }
  return out;
}
