import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography, type UploadFile } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';

import { useCursorPager } from '@/components/cursorPager';
import { formatDateTime } from '@/components/format';
import { MatterPicker } from '@/components/MatterPicker';
import { Pager } from '@/components/Pager';
import { NOTICE_ATTACHMENT_FILE_QUERY } from '@/components/queries';
import { DateInput } from '@/components/QueryForm';
import { applyServerErrors } from '@/components/serverErrors';
import { FileUploadItem, StoredFileLink, uploadsOf } from '@/components/StoredFile';
import type { ChangeKind } from '@/graphql/graphql';

import { ISSUED_NOTICES_QUERY, NOTICE_ANNOUNCE_MUTATION, NOTICE_INBOX_QUERY, NOTICE_READ_MUTATION } from './queries';

const PAGE = 20;
const CHANGE_KINDS: ChangeKind[] = ['LAW', 'REGULATION', 'RULE', 'POLICY'];

function AttachmentLinks({ attachments }: { attachments: readonly { id: string; fileName: string; sha256: string }[] }) {
  const client = useClient();
  return (
    <Space direction="vertical" size={0}>
      {attachments.map((a) => (
        <StoredFileLink
          key={a.id}
          testId="notice-attachment"
          file={a}
          fetchFile={async () =>
            (await client.query(NOTICE_ATTACHMENT_FILE_QUERY, { id: a.id }, { requestPolicy: 'network-only' }).toPromise()).data
              ?.noticeAttachmentFile
          }
        />
      ))}
    </Space>
  );
}

function MarkReadButton({ noticeId }: { noticeId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ fetching }, mark] = useMutation(NOTICE_READ_MUTATION);
  async function onClick() {
    const result = await mark({ noticeId });
    const payload = result.data?.markNoticeRead;
    if (payload?.__typename === 'PolicyNotice') void message.success(t('documents.notices.marked'));
    else
      void message.error(
        payload?.__typename === 'ValidationErrors' ? payload.errors.map((e) => e.message).join('；') : t('common.serverError'),
      );
  }
  return (
    <Button size="small" loading={fetching} onClick={() => void onClick()} data-testid="mark-notice-read">
      {t('documents.notices.markRead')}
    </Button>
  );
}

interface AnnounceValues {
  title: string;
  body: string;
  changeKind: ChangeKind;
  matterId?: string;
  effectiveOn?: string;
  attachments?: UploadFile[];
}

function AnnounceButton({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<AnnounceValues>();
  const [{ fetching }, announce] = useMutation(NOTICE_ANNOUNCE_MUTATION);
  async function onFinish(values: AnnounceValues) {
    setProblem(null);
    const result = await announce({
      input: {
        title: values.title.trim(),
        body: values.body.trim(),
        changeKind: values.changeKind,
        matterIds: values.matterId ? [values.matterId] : [],
        effectiveOn: values.effectiveOn || null,
        attachments: await uploadsOf(values.attachments),
      },
    });
    const payload = result.data?.announcePolicyNotice;
    if (payload?.__typename === 'PolicyNotice') {
      void message.success(t('documents.notices.announced'));
      setOpen(false);
      onDone();
    } else if (payload?.__typename === 'ValidationErrors') {
      const rest = applyServerErrors(form, payload.errors, ['title', 'body', 'changeKind', 'effectiveOn']);
      const matters = rest.filter((e) => e.field === 'matterIds');
      if (matters.length > 0) form.setFields([{ name: 'matterId', errors: matters.map((e) => e.message) }]);
      const others = rest.filter((e) => e.field !== 'matterIds');
      if (others.length > 0) setProblem(others.map((e) => e.message).join('；'));
    } else {
      setProblem(result.error?.graphQLErrors[0]?.message ?? t('common.serverError'));
    }
  }
  return (
    <>
      <Button type="primary" size="small" onClick={() => setOpen(true)} data-testid="announce-notice">
        {t('documents.notices.announce')}
      </Button>
      <Modal
        open={open}
        title={t('documents.notices.announceTitle')}
        onOk={() => form.submit()}
        confirmLoading={fetching}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        width={640}
      >
        {problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 12 }} />}
        <Form<AnnounceValues>
          form={form}
          layout="vertical"
          name="announce"
          initialValues={{ changeKind: 'POLICY' }}
          onFinish={(v) => void onFinish(v)}
          preserve={false}
        >
          <Form.Item
            label={t('documents.notices.title')}
            name="title"
            rules={[{ required: true, whitespace: true, message: t('documents.notices.titleRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            label={t('documents.notices.body')}
            name="body"
            rules={[{ required: true, whitespace: true, message: t('documents.notices.bodyRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item label={t('documents.notices.changeKind')} name="changeKind">
              <Select
                style={{ width: 160 }}
                options={CHANGE_KINDS.map((k) => ({ value: k, label: t(`documents.notices.changeKinds.${k}`) }))}
              />
            </Form.Item>
            <Form.Item label={t('documents.notices.effectiveOn')} name="effectiveOn">
              <DateInput style={{ width: 180 }} />
            </Form.Item>
          </Space>
          <Form.Item
            label={t('documents.notices.matters')}
            name="matterId"
            rules={[{ required: true, message: t('documents.notices.mattersRequired') }]}
          >
            <MatterPicker value={undefined} onChange={() => undefined} ariaLabel={t('documents.notices.matters')} />
          </Form.Item>
          <FileUploadItem name="attachments" label={t('documents.notices.attachmentFiles')} multiple />
        </Form>
      </Modal>
    </>
  );
}

function IssuedNoticesCard({ canAnnounce }: { canAnnounce: boolean }) {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ISSUED_NOTICES_QUERY, variables: { first: PAGE, after: pager.after } });
  const connection = data?.issuedNotices;
  type Row = NonNullable<typeof connection>['edges'][number]['node'];
  type Receipt = Row['readReceipts'][number];
  return (
    <Card
      size="small"
      title={t('documents.notices.issued')}
      data-testid="issued-notices"
      extra={canAnnounce ? <AnnounceButton onDone={() => refetch({ requestPolicy: 'network-only' })} /> : null}
    >
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Table<Row>
        rowKey="id"
        size="small"
        loading={fetching && !data}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        pagination={false}
        locale={{ emptyText: t('documents.notices.noIssued') }}
        expandable={{
          expandedRowRender: (n) => (
            <Table<Receipt>
              rowKey={(r) => r.department.id}
              size="small"
              pagination={false}
              data-testid="notice-read-receipts"
              dataSource={n.readReceipts}
              columns={[
                { title: t('documents.notices.department'), key: 'department', render: (_, r) => r.department.name },
                {
                  title: t('documents.notices.readState'),
                  key: 'state',
                  render: (_, r) =>
                    r.readAt ? <Tag color="success">{t('documents.notices.read')}</Tag> : <Tag>{t('documents.notices.unread')}</Tag>,
                },
                { title: t('documents.notices.reader'), dataIndex: 'readerName' },
                { title: t('documents.notices.readAt'), dataIndex: 'readAt', render: (v: string | null) => (v ? formatDateTime(v) : '') },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('inbox.announcedAt'), dataIndex: 'announcedAt', width: 150, render: formatDateTime },
          { title: t('inbox.noticeTitle'), dataIndex: 'title' },
          {
            title: t('documents.notices.listVersion'),
            dataIndex: 'listVersion',
            width: 130,
            render: (v: number | null) => (v ? t('documents.notices.listVersionValue', { version: String(v) }) : ''),
          },
          {
            title: t('documents.notices.readers'),
            key: 'readers',
            width: 160,
            render: (_, n) =>
              t('documents.notices.readCount', {
                read: String(n.readReceipts.filter((r) => r.readAt).length),
                total: String(n.readReceipts.length),
              }),
          },
          {
            title: t('documents.notices.attachments'),
            key: 'attachments',
            render: (_, n) => <AttachmentLinks attachments={n.attachments} />,
          },
        ]}
      />
      <Pager
        page={pager.page}
        hasNext={Boolean(connection?.pageInfo.hasNextPage)}
        disabled={fetching}
        onChange={(n) => pager.onChange(n, connection?.pageInfo.endCursor)}
      />
    </Card>
  );
}

/** Policy notices: received (read state, mark read, attachments) and, for the issuer, who read them. */
export function NoticesTab({ before, canAnnounce }: { before?: ReactNode; canAnnounce: boolean }) {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const [{ data, fetching, error }] = useQuery({ query: NOTICE_INBOX_QUERY, variables: { first: PAGE, after: pager.after } });
  const connection = data?.noticeInbox;
  type Row = NonNullable<typeof connection>['edges'][number]['node'];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {before}
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Table<Row>
        rowKey="id"
        data-testid="notice-inbox"
        loading={fetching && !data}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        pagination={false}
        locale={{ emptyText: t('inbox.noNotices') }}
        expandable={{
          expandedRowRender: (n) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{n.body}</Typography.Paragraph>,
        }}
        columns={[
          { title: t('inbox.announcedAt'), dataIndex: 'announcedAt', width: 150, render: formatDateTime },
          { title: t('inbox.noticeTitle'), dataIndex: 'title' },
          { title: t('inbox.from'), key: 'from', render: (_, n) => n.fromDepartment.name },
          { title: t('inbox.effectiveOn'), dataIndex: 'effectiveOn', width: 120 },
          {
            title: t('documents.notices.listVersion'),
            dataIndex: 'listVersion',
            width: 130,
            render: (v: number | null) => (v ? t('documents.notices.listVersionValue', { version: String(v) }) : ''),
          },
          {
            title: t('documents.notices.attachments'),
            key: 'attachments',
            render: (_, n) => <AttachmentLinks attachments={n.attachments} />,
          },
          {
            title: t('documents.notices.readState'),
            key: 'read',
            width: 170,
            render: (_, n) =>
              n.readAt ? (
                <Tag color="success" data-testid="notice-read">
                  {t('documents.notices.read')} {formatDateTime(n.readAt)}
                </Tag>
              ) : (
                <MarkReadButton noticeId={n.id} />
              ),
          },
        ]}
      />
      <Pager
        page={pager.page}
        hasNext={Boolean(connection?.pageInfo.hasNextPage)}
        disabled={fetching}
        onChange={(n) => pager.onChange(n, connection?.pageInfo.endCursor)}
      />
      <IssuedNoticesCard canAnnounce={canAnnounce} />
    </Space>
  );
}
