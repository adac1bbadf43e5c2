import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';

import { formatDateTime } from '@/components/format';
import type { ApplicationShowQuery } from '@/graphql/graphql';
import { downloadBase64 } from '@/routes/credit/files';

import { COMMITMENT_FILE_QUERY, MISSING_ITEM_SUPPLY_MUTATION, MISSING_ITEM_WAIVE_MUTATION } from './queries';

type Shown = NonNullable<ApplicationShowQuery['application']>;
type Item = Shown['missingItems'][number];
type Closing = { item: Item; action: 'supply' | 'waive' };

const STATE_COLOR = { OUTSTANDING: 'orange', SUPPLIED: 'green', WAIVED: 'default' } as const;

/** 容缺 materials (what is outstanding, supply / waive), the 告知承诺 commitment and its 核查. */
export function FacilitationCard({ application, approves }: { application: Shown; approves: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [closing, setClosing] = useState<Closing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<{ text: string }>();
  const [{ fetching: supplying }, supply] = useMutation(MISSING_ITEM_SUPPLY_MUTATION);
  const [{ fetching: waiving }, waive] = useMutation(MISSING_ITEM_WAIVE_MUTATION);
  const { missingItems, commitment, verificationTasks } = application;
  if (missingItems.length === 0 && !commitment && verificationTasks.length === 0) return null;
  const outstanding = missingItems.filter((i) => i.state === 'OUTSTANDING').length;
  const canClose = approves && application.status === 'ACCEPTED';

  async function onClose() {
    if (!closing) return;
    let values: { text: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setProblem(null);
    const text = (values.text ?? '').trim();
    const result =
      closing.action === 'supply'
        ? (await supply({ input: { itemId: closing.item.id, note: text } })).data?.supplyMissingItem
        : (await waive({ input: { itemId: closing.item.id, reason: text } })).data?.waiveMissingItem;
    if (result?.__typename === 'MissingItem') {
      void message.success(t(closing.action === 'supply' ? 'facilitation.supplied' : 'facilitation.waived'));
      setClosing(null);
      form.resetFields();
    } else if (result?.__typename === 'ValidationErrors') {
      setProblem(result.errors.map((e) => e.message).join('；'));
    } else {
      setProblem(t('common.serverError'));
    }
  }

  async function onDownload() {
    const result = await client.query(COMMITMENT_FILE_QUERY, { id: application.id }, { requestPolicy: 'network-only' }).toPromise();
    const file = result.data?.application?.commitment;
    if (file?.contentBase64) downloadBase64(file.fileName, file.fileType, file.contentBase64);
    else void message.error(t('common.serverError'));
  }

  return (
    <Card title={t('facilitation.followUpTitle')} data-testid="facilitation-card">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {outstanding > 0 && (
          <Alert type="warning" showIcon message={t('facilitation.outstanding', { count: outstanding })} data-testid="outstanding-items" />
        )}
        {missingItems.length > 0 && (
          <Table<Item>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={missingItems}
            data-testid="missing-items"
            columns={[
              { title: t('facilitation.itemName'), dataIndex: 'name' },
              {
                title: t('facilitation.dueOn'),
                dataIndex: 'dueOn',
                render: (due: string, item) => (
                  <Space>
                    {due}
                    {item.overdue && <Tag color="red">{t('facilitation.overdue')}</Tag>}
                    {item.reminders > 0 && (
                      <Typography.Text type="secondary">{t('facilitation.reminders', { count: item.reminders })}</Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t('facilitation.state'),
                dataIndex: 'state',
                render: (state: Item['state'], item) => (
                  <Space direction="vertical" size={0}>
                    <Tag color={STATE_COLOR[state]}>{t(`enums.ItemState.${state}`)}</Tag>
                    {item.note && <Typography.Text type="secondary">{item.note}</Typography.Text>}
                    {item.closedBy && (
                      <Typography.Text type="secondary">
                        {t('facilitation.closedBy', { by: item.closedByName, at: formatDateTime(item.closedAt) })}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              ...(canClose
                ? [
                    {
                      title: '',
                      key: 'actions',
                      render: (_: unknown, item: Item) =>
                        item.state === 'OUTSTANDING' && (
                          <Space>
                            <Button size="small" onClick={() => setClosing({ item, action: 'supply' })}>
                              {t('facilitation.supply')}
                            </Button>
                            <Button size="small" onClick={() => setClosing({ item, action: 'waive' })}>
                              {t('facilitation.waive')}
                            </Button>
                          </Space>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
        {commitment && (
          <div data-testid="commitment">
            <Typography.Text strong>{t('facilitation.commitment')}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{commitment.text}</Typography.Paragraph>
            <Space wrap>
              <Button size="small" onClick={() => void onDownload()}>
                {t('facilitation.download')}（{commitment.fileName}）
              </Button>
              <Typography.Text type="secondary" copyable={{ text: commitment.fileSha256 }}>
                {t('facilitation.sha256', { hash: commitment.fileSha256 })}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('facilitation.commitmentRecorded', { by: commitment.recordedByName, at: formatDateTime(commitment.recordedAt) })}
              </Typography.Text>
            </Space>
          </div>
        )}
        {verificationTasks.length > 0 && (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            title={() => t('facilitation.verifications')}
            dataSource={verificationTasks}
            data-testid="verification-tasks"
            columns={[
              { title: t('facilitation.verifier'), key: 'dept', render: (_: unknown, task) => task.department.name },
              {
                title: t('facilitation.verificationDue'),
                dataIndex: 'dueOn',
                render: (due: string, task) => (
                  <Space>
                    {due}
                    {task.overdue && <Tag color="red">{t('facilitation.overdue')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('facilitation.result'),
                key: 'result',
                render: (_: unknown, task) =>
                  task.result ? (
                    <Space direction="vertical" size={0}>
                      <Tag color={task.result === 'UNTRUTHFUL' ? 'red' : 'green'}>{t(`enums.VerificationResult.${task.result}`)}</Tag>
                      <Typography.Text type="secondary">{task.evidence}</Typography.Text>
                      {task.documentNumber && <Typography.Text type="secondary">{task.documentNumber}</Typography.Text>}
                    </Space>
                  ) : (
                    <Tag>{t('facilitation.pending')}</Tag>
                  ),
              },
            ]}
          />
        )}
      </Space>
      <Modal
        open={closing !== null}
        title={closing ? `${t(closing.action === 'supply' ? 'facilitation.supply' : 'facilitation.waive')}：${closing.item.name}` : ''}
        onCancel={() => {
          setClosing(null);
          setProblem(null);
          form.resetFields();
        }}
        onOk={() => void onClose()}
        confirmLoading={supplying || waiving}
        destroyOnHidden
      >
        {problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" name="closeMissingItem">
          <Form.Item
            name="text"
            label={t(closing?.action === 'waive' ? 'facilitation.waiveReason' : 'facilitation.supplyNote')}
            rules={
              closing?.action === 'waive' ? [{ required: true, whitespace: true, message: t('facilitation.waiveReasonRequired') }] : []
            }
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
