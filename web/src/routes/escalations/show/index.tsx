import { useAccess } from '../../../providers/access/AccessProvider';
import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';
import { ME_QUERY } from '../../../app/queries';
import { formatDateTime } from '../../../components/format';
import { useServerForm } from '../../../components/useServerForm';
import type { EscalationDetailQuery, EscalationStatus } from '../../../graphql/graphql';
import { downloadBase64, ESCALATION_STATUS_COLOR, splitDuration } from '../../../lib/coordination';
import {
  ASSIGN_ESCALATION_MUTATION,
  DECIDE_ESCALATION_MUTATION,
  ESCALATION_ATTACHMENT_QUERY,
  ESCALATION_QUERY,
  PLANNED_MEETINGS_QUERY,
  SCHEDULE_ESCALATION_MUTATION,
} from './queries';

type Escalation = NonNullable<EscalationDetailQuery['escalation']>;

function AssignForm({ escalation, onChanged }: { escalation: Escalation; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<{ assignee: string }>(['assignee']);
  const [{ fetching }, assign] = useMutation(ASSIGN_ESCALATION_MUTATION);
  async function onFinish(values: { assignee: string }) {
    const result = await assign({ id: escalation.id, assignee: values.assignee.trim() });
    if (handle(result, result.data?.assignEscalation)) {
      void message.success(t('coordination.escalations.assigned'));
      onChanged();
    }
  }
  return (
    <Form form={form} layout="inline" onFinish={(v) => void onFinish(v)} initialValues={{ assignee: escalation.assignee ?? '' }} data-testid="assign-form" style={{ rowGap: 8 }}>
      <Form.Item label={t('coordination.escalations.assignee')} name="assignee" rules={[{ required: true, whitespace: true, message: t('coordination.escalations.assigneeRequired') }]}>
        <Input style={{ width: 200 }} />
      </Form.Item>
      <Button htmlType="submit" loading={fetching}>
        {t('coordination.escalations.assign')}
      </Button>
      {problems.length > 0 && <Alert type="error" showIcon role="alert" message={problems.join('；')} />}
    </Form>
  );
}

function ScheduleForm({ escalation, departmentId, onChanged }: { escalation: Escalation; departmentId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<{ meetingId: string }>(['meetingId']);
  const [{ data, fetching: loading }] = useQuery({ query: PLANNED_MEETINGS_QUERY });
  const [{ fetching }, schedule] = useMutation(SCHEDULE_ESCALATION_MUTATION);
  // Only meetings the own department convened can take the item (the server says so too).
  const meetings = (data?.meetings ?? []).filter((m) => m.convener.id === departmentId);
  async function onFinish(values: { meetingId: string }) {
    const result = await schedule({ id: escalation.id, meetingId: values.meetingId });
    if (handle(result, result.data?.scheduleEscalation)) {
      void message.success(t('coordination.escalations.scheduled'));
      onChanged();
    }
  }
  return (
    <Form form={form} layout="inline" onFinish={(v) => void onFinish(v)} data-testid="schedule-form" style={{ rowGap: 8 }}>
      <Form.Item label={t('coordination.escalations.scheduleMeeting')} name="meetingId" rules={[{ required: true, message: t('coordination.escalations.scheduleMeetingRequired') }]}>
        <Select
          loading={loading}
          style={{ width: 360 }}
          notFoundContent={t('coordination.escalations.noPlannedMeetings')}
          options={meetings.map((m) => ({ value: m.id, label: `${m.title}（${formatDateTime(m.scheduledAt)}）` }))}
        />
      </Form.Item>
      <Button htmlType="submit" loading={fetching}>
        {t('coordination.escalations.schedule')}
      </Button>
      {problems.length > 0 && <Alert type="error" showIcon role="alert" message={problems.join('；')} />}
    </Form>
  );
}

function DecideForm({ escalation, onChanged }: { escalation: Escalation; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<{ decision: string }>(['decision']);
  const [{ fetching }, decide] = useMutation(DECIDE_ESCALATION_MUTATION);
  async function onFinish(values: { decision: string }) {
    const result = await decide({ id: escalation.id, decision: values.decision.trim() });
    if (handle(result, result.data?.decideEscalation)) {
      void message.success(t('coordination.escalations.decided'));
      onChanged();
    }
  }
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} data-testid="decide-form">
      {problems.length > 0 && <Alert type="error" showIcon role="alert" message={problems.join('；')} style={{ marginBottom: 12 }} />}
      <Form.Item label={t('coordination.escalations.decision')} name="decision" rules={[{ required: true, whitespace: true, message: t('coordination.escalations.decisionRequired') }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={fetching}>
        {t('coordination.escalations.decide')}
      </Button>
    </Form>
  );
}

/** One escalation: statement, parties, attachments, history with durations; the office's actions. */
export default function EscalationShowPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useClient();
  const { message } = App.useApp();
  const [{ data: meData }] = useQuery({ query: ME_QUERY });
  const access = useAccess();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ESCALATION_QUERY, variables: { id } });
  const escalation = data?.escalation;
  if (fetching && !data) return <Spin />;
  if (error) return <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />;
  if (!escalation) return <Alert type="warning" showIcon message={t('coordination.escalations.notFound')} />;
  const me = meData?.me;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const decider = access.allows('escalation.decide') && escalation.status !== 'DECIDED';

  async function download(attachmentId: string) {
    const result = await client.query(ESCALATION_ATTACHMENT_QUERY, { id: attachmentId }, { requestPolicy: 'network-only' }).toPromise();
    const file = result.data?.escalationAttachment;
    if (file) downloadBase64(file.filename, file.mediaType, file.contentBase64);
    else void message.error(t('coordination.escalations.downloadFailed'));
  }

  const duration = (seconds: number) => {
    const { d, h, m } = splitDuration(seconds);
    return t('coordination.escalations.durationValue', { d: String(d), h: String(h), m: String(m) });
  };

  return (
    <section aria-labelledby="page-title">
      <Typography.Title level={2} id="page-title">
        {t('coordination.escalations.detail')} #{escalation.id}
      </Typography.Title>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label={t('coordination.escalations.escalationTitle')}>{escalation.title}</Descriptions.Item>
            <Descriptions.Item label={t('coordination.escalations.status')}>
              <Tag color={ESCALATION_STATUS_COLOR[escalation.status]} data-testid="escalation-status">
                {t(`coordination.enums.EscalationStatus.${escalation.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('coordination.escalations.kind')}>{t(`coordination.enums.EscalationKind.${escalation.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('coordination.escalations.raisingDepartment')}>
              {escalation.raisingDepartment.name}（{escalation.raisedBy}）
            </Descriptions.Item>
            <Descriptions.Item label={t('coordination.escalations.parties')} span={2}>
              {escalation.parties.map((p) => p.name).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('coordination.escalations.statement')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{escalation.statement}</Typography.Paragraph>
            </Descriptions.Item>
            {escalation.refKind && (
              <Descriptions.Item label={t('coordination.escalations.reference')} span={2}>
                {t(`coordination.enums.AgendaKind.${escalation.refKind}`)}{' '}
                {escalation.refKind === 'APPLICATION' && escalation.refId ? <Link to={`/applications/${escalation.refId}`}>#{escalation.refId}</Link> : escalation.refId ? `#${escalation.refId}` : ''}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('coordination.escalations.submittedAt')}>{formatDateTime(escalation.submittedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('coordination.escalations.assignee')}>{escalation.assignee ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('coordination.escalations.meeting')}>
              {escalation.meetingId ? <Link to={`/meetings/${escalation.meetingId}`}>#{escalation.meetingId}</Link> : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('coordination.escalations.decidedAt')}>{formatDateTime(escalation.decidedAt)}</Descriptions.Item>
            {escalation.decision && (
              <Descriptions.Item label={t('coordination.escalations.decision')} span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="escalation-decision">
                  {escalation.decision}
                </Typography.Paragraph>
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>

        <Card title={t('coordination.escalations.attachments')}>
          {escalation.attachments.length === 0 ? (
            <Typography.Text type="secondary">{t('coordination.escalations.noAttachments')}</Typography.Text>
          ) : (
            <Space direction="vertical">
              {escalation.attachments.map((a) => (
                <Space key={a.id}>
                  <Typography.Text>{a.filename}</Typography.Text>
                  <Typography.Text type="secondary">{Math.ceil(a.size / 1024)} KB</Typography.Text>
                  <Button size="small" onClick={() => void download(a.id)}>
                    {t('coordination.escalations.download')}
                  </Button>
                </Space>
              ))}
            </Space>
          )}
        </Card>

        {decider && me && (
          <Card title={t('coordination.escalations.actions')}>
            <Space direction="vertical" size="large" style={{ width: '100%' }}>
              <AssignForm escalation={escalation} onChanged={refresh} />
              <ScheduleForm escalation={escalation} departmentId={me.departmentId} onChanged={refresh} />
              <DecideForm escalation={escalation} onChanged={refresh} />
            </Space>
          </Card>
        )}

        <Card title={t('coordination.escalations.transitions')}>
          <div data-testid="escalation-transitions">
            <Table
              rowKey={(r) => `${r.status}-${r.at}`}
              size="small"
              pagination={false}
              dataSource={escalation.transitions}
              columns={[
                { title: t('coordination.escalations.status'), dataIndex: 'status', width: 130, render: (s: EscalationStatus) => t(`coordination.enums.EscalationStatus.${s}`) },
                { title: t('coordination.escalations.at'), dataIndex: 'at', width: 160, render: formatDateTime },
                { title: t('coordination.escalations.actor'), dataIndex: 'actor', width: 120 },
                { title: t('coordination.escalations.note'), dataIndex: 'note' },
                { title: t('coordination.escalations.duration'), dataIndex: 'durationSeconds', width: 160, render: duration },
              ]}
            />
          </div>
        </Card>
      </Space>
    </section>
  );
}
