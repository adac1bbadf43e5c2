import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Radio, Space, Table, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { useCursorPager } from '@/components/cursorPager';
import { formatDateTime } from '@/components/format';
import { Pager } from '@/components/Pager';
import type { VerificationInboxQuery, VerificationResult } from '@/graphql/graphql';
import { blobToBase64, checkBasisFile } from '@/routes/linkages/linkageForm';

import { VERIFICATION_INBOX_QUERY, VERIFICATION_RECORD_MUTATION } from './queries';

const PAGE = 20;
type Row = VerificationInboxQuery['verificationInbox']['edges'][number]['node'];

interface RecordValues {
  result: VerificationResult;
  evidence: string;
  documentNumber?: string;
  file?: UploadFile[];
}

function RecordButton({ task }: { task: Row }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<RecordValues>();
  const result = Form.useWatch('result', form);
  const [{ fetching }, record] = useMutation(VERIFICATION_RECORD_MUTATION);

  async function onOk() {
    let values: RecordValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setProblem(null);
    const raw = values.file?.[0]?.originFileObj;
    const outcome = (
      await record({
        input: {
          taskId: task.id,
          result: values.result,
          evidence: values.evidence.trim(),
          documentNumber: (values.documentNumber ?? '').trim(),
          fileName: raw?.name ?? '',
          contentBase64: raw ? await blobToBase64(raw) : '',
        },
      })
    ).data?.recordVerification;
    if (outcome?.__typename === 'VerificationTask') {
      void message.success(t('facilitation.recorded'));
      setOpen(false);
      form.resetFields();
    } else {
      setProblem(outcome?.__typename === 'ValidationErrors' ? outcome.errors.map((e) => e.message).join('；') : t('common.serverError'));
    }
  }

  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)}>
        {t('facilitation.record')}
      </Button>
      <Modal
        open={open}
        title={t('facilitation.record')}
        onOk={() => void onOk()}
        confirmLoading={fetching}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 12 }} />}
        <Form<RecordValues> form={form} layout="vertical" name="recordVerification" initialValues={{ result: 'TRUTHFUL' }}>
          <Form.Item name="result" label={t('facilitation.result')}>
            <Radio.Group
              options={(['TRUTHFUL', 'UNTRUTHFUL'] as const).map((r) => ({ value: r, label: t(`enums.VerificationResult.${r}`) }))}
            />
          </Form.Item>
          {result === 'UNTRUTHFUL' && (
            <Alert type="warning" showIcon message={t('facilitation.untruthfulHint')} style={{ marginBottom: 12 }} />
          )}
          <Form.Item
            name="evidence"
            label={t('facilitation.evidence')}
            rules={[{ required: true, whitespace: true, message: t('facilitation.evidenceRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="documentNumber"
            label={t('facilitation.documentNumber')}
            rules={[{ required: result === 'UNTRUTHFUL', whitespace: true, message: t('facilitation.documentNumberRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="file"
            label={t('facilitation.evidenceFile')}
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
            rules={[
              {
                validator: async (_, files?: UploadFile[]) => {
                  const raw = files?.[0]?.originFileObj;
                  if (!raw) return;
                  const issue = await checkBasisFile(raw);
                  if (issue === 'EMPTY') throw new Error(t('facilitation.fileEmpty'));
                  if (issue === 'TOO_LARGE') throw new Error(t('facilitation.fileTooLarge'));
                  if (issue === 'WRONG_TYPE') throw new Error(t('facilitation.fileWrongType'));
                },
              },
            ]}
          >
            <Upload beforeUpload={() => false} maxCount={1} accept=".pdf,.png,.jpg,.jpeg">
              <Button icon={<UploadOutlined />}>{t('facilitation.chooseFile')}</Button>
            </Upload>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 告知承诺核查: the department's verification tasks, with their due dates and results. */
export function VerificationsTab() {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const [openOnly, setOpenOnly] = useState(true);
  const [{ data, fetching, error }] = useQuery({
    query: VERIFICATION_INBOX_QUERY,
    variables: { openOnly: openOnly ? true : null, first: PAGE, after: pager.after },
  });
  const connection = data?.verificationInbox;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="verification-inbox">
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Checkbox checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)}>
        {t('facilitation.openOnly')}
      </Checkbox>
      <Table<Row>
        rowKey="id"
        loading={fetching && !data}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        pagination={false}
        locale={{ emptyText: t('facilitation.inboxEmpty') }}
        rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
        columns={[
          {
            title: t('facilitation.application'),
            key: 'application',
            width: 90,
            render: (_, r) => (r.application ? <Link to={`/applications/${r.application.id}`}>#{r.application.id}</Link> : ''),
          },
          {
            title: t('facilitation.applicant'),
            key: 'applicant',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>{r.application?.applicantName}</span>
                <Typography.Text type="secondary">{r.application?.matter.name}</Typography.Text>
              </Space>
            ),
          },
          { title: t('inbox.from'), key: 'from', width: 160, render: (_, r) => r.fromDepartment?.name ?? '' },
          {
            title: t('facilitation.commitment'),
            key: 'commitment',
            render: (_, r) => (
              <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
                {r.application?.commitment?.text ?? ''}
              </Typography.Paragraph>
            ),
          },
          {
            title: t('facilitation.verificationDue'),
            dataIndex: 'dueOn',
            width: 140,
            render: (due: string, r) => (
              <Space>
                {due}
                {r.overdue && <Tag color="red">{t('facilitation.overdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('facilitation.result'),
            key: 'result',
            width: 220,
            render: (_, r) =>
              r.result ? (
                <Space direction="vertical" size={0}>
                  <Tag color={r.result === 'UNTRUTHFUL' ? 'red' : 'green'}>{t(`enums.VerificationResult.${r.result}`)}</Tag>
                  {r.documentNumber && <Typography.Text type="secondary">{r.documentNumber}</Typography.Text>}
                  <Typography.Text type="secondary">{formatDateTime(r.verifiedAt)}</Typography.Text>
                </Space>
              ) : (
                <RecordButton task={r} />
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
    </Space>
  );
}
