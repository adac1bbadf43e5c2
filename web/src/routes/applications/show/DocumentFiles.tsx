import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Typography, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';

import { formatDateTime } from '@/components/format';
import { LEGAL_DOCUMENT_FILE_QUERY, PUSH_FILE_QUERY } from '@/components/queries';
import { DateInput } from '@/components/QueryForm';
import { applyServerErrors } from '@/components/serverErrors';
import { FileUploadItem, StoredFileLink, uploadsOf, type StoredFileInfo } from '@/components/StoredFile';
import type { ApplicationShowQuery, Channel, PushFileKind } from '@/graphql/graphql';

import { PUSH_DISPATCH_MUTATION } from './queries';

type Shown = NonNullable<ApplicationShowQuery['application']>;
type ShownPush = Shown['pushes'][number];
const DISPATCH_CHANNELS: Channel[] = ['LETTER', 'OWN_SYSTEM'];

/** A legal document's file, downloaded through `legalDocumentFile` (approving and receiving departments). */
export function LegalDocumentFileLink({
  documentId,
  file,
}: {
  documentId: string | null | undefined;
  file: StoredFileInfo | null | undefined;
}) {
  const { t } = useTranslation();
  const client = useClient();
  if (!file || !documentId) return <Typography.Text type="secondary">{t('documents.noFile')}</Typography.Text>;
  return (
    <StoredFileLink
      testId="legal-document-file"
      file={file}
      fetchFile={async () =>
        (await client.query(LEGAL_DOCUMENT_FILE_QUERY, { id: documentId }, { requestPolicy: 'network-only' }).toPromise()).data
          ?.legalDocumentFile
      }
    />
  );
}

/** A push's receipt or dispatch file, downloaded through `pushFile` (both sides of the push). */
export function PushFileLink({ pushId, kind, file }: { pushId: string; kind: PushFileKind; file: StoredFileInfo }) {
  const client = useClient();
  return (
    <StoredFileLink
      testId={`push-file-${kind.toLowerCase()}`}
      file={file}
      fetchFile={async () =>
        (await client.query(PUSH_FILE_QUERY, { pushId, kind }, { requestPolicy: 'network-only' }).toPromise()).data?.pushFile
      }
    />
  );
}

interface DispatchValues {
  channel: Channel;
  number: string;
  sentOn: string;
  note?: string;
  file?: UploadFile[];
}

function DispatchButton({ push }: { push: ShownPush }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<DispatchValues>();
  const [{ fetching }, record] = useMutation(PUSH_DISPATCH_MUTATION);
  async function onFinish(values: DispatchValues) {
    setProblem(null);
    const [file] = await uploadsOf(values.file);
    const result = await record({
      input: {
        pushId: push.id,
        channel: values.channel,
        number: values.number.trim(),
        sentOn: values.sentOn,
        note: values.note?.trim() ?? '',
        file: file ?? null,
      },
    });
    const payload = result.data?.recordPushDispatch;
    if (payload?.__typename === 'Push') {
      void message.success(t('documents.dispatch.done'));
      setOpen(false);
    } else if (payload?.__typename === 'ValidationErrors') {
      const rest = applyServerErrors(form, payload.errors, ['channel', 'number', 'sentOn', 'note']);
      if (rest.length > 0) setProblem(rest.map((e) => e.message).join('；'));
    } else {
      setProblem(result.error?.graphQLErrors[0]?.message ?? t('common.serverError'));
    }
  }
  const initial = { channel: push.channel === 'OWN_SYSTEM' ? 'OWN_SYSTEM' : 'LETTER' } as const;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="record-dispatch">
        {t('documents.dispatch.record')}
      </Button>
      <Modal
        open={open}
        title={t('documents.dispatch.title')}
        onOk={() => form.submit()}
        confirmLoading={fetching}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 12 }} />}
        <Form<DispatchValues>
          form={form}
          layout="vertical"
          name="dispatch"
          initialValues={initial}
          onFinish={(v) => void onFinish(v)}
          preserve={false}
        >
          <Form.Item label={t('documents.dispatch.channel')} name="channel" rules={[{ required: true }]}>
            <Select options={DISPATCH_CHANNELS.map((c) => ({ value: c, label: t(`enums.Channel.${c}`) }))} />
          </Form.Item>
          <Form.Item
            label={t('documents.dispatch.number')}
            name="number"
            rules={[{ required: true, whitespace: true, message: t('documents.dispatch.numberRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            label={t('documents.dispatch.sentOn')}
            name="sentOn"
            rules={[{ required: true, message: t('documents.dispatch.sentOnRequired') }]}
          >
            <DateInput />
          </Form.Item>
          <Form.Item label={t('documents.dispatch.note')} name="note">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <FileUploadItem name="file" label={t('documents.dispatch.file')} />
        </Form>
      </Modal>
    </>
  );
}

/** The offline pushes of the application: how the approving side sent each, and the receipts. */
export function OfflinePushesCard({ application, departmentId }: { application: Shown; departmentId: string | null | undefined }) {
  const { t } = useTranslation();
  const offline = application.pushes.filter((p) => p.channel !== 'ONLINE');
  if (offline.length === 0) return null;
  return (
    <Card title={t('documents.dispatch.column')} data-testid="offline-pushes">
      <Table<ShownPush>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={offline}
        columns={[
          { title: t('inbox.stage'), dataIndex: 'stage', width: 80, render: (s: ShownPush['stage']) => t(`enums.PushStage.${s}`) },
          { title: t('documents.notices.department'), key: 'to', render: (_, p) => p.department.name },
          { title: t('inbox.channel'), dataIndex: 'channel', width: 110, render: (c: Channel) => t(`enums.Channel.${c}`) },
          {
            title: t('documents.dispatch.column'),
            key: 'dispatch',
            render: (_, p) =>
              p.dispatch ? (
                <Space direction="vertical" size={0}>
                  <span data-testid="dispatch-shown">
                    {t('documents.dispatch.shown', {
                      channel: t(`enums.Channel.${p.dispatch.channel}`),
                      number: p.dispatch.number,
                      sentOn: p.dispatch.sentOn,
                    })}
                  </span>
                  <Typography.Text type="secondary">
                    {p.dispatch.recordedByName} {formatDateTime(p.dispatch.recordedAt)}
                  </Typography.Text>
                  {p.dispatch.file && <PushFileLink pushId={p.id} kind="DISPATCH" file={p.dispatch.file} />}
                </Space>
              ) : p.fromDepartment.id === departmentId ? (
                <DispatchButton push={p} />
              ) : (
                <Typography.Text type="secondary">{t('documents.dispatch.none')}</Typography.Text>
              ),
          },
          {
            title: t('documents.receipt'),
            key: 'receipt',
            render: (_, p) =>
              p.claimReceipt ? (
                <PushFileLink pushId={p.id} kind="RECEIPT" file={p.claimReceipt} />
              ) : (
                <Typography.Text type="secondary">{t('documents.noFile')}</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}
