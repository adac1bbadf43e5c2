import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';

import { DEPARTMENT_NAMES_QUERY } from '@/app/queries';
import { formatDateTime } from '@/components/format';
import { DateInput, DateTimeInput } from '@/components/QueryForm';
import { FileUploadItem, StoredFileLink, uploadsOf } from '@/components/StoredFile';
import { useServerForm } from '@/components/useServerForm';
import type { DecisionStatus, MeetingDetailQuery } from '@/graphql/graphql';
import { canEditMeeting, canFollowUp, DECISION_STATUS_COLOR, localInputToServer, MEETING_STATUS_COLOR } from '@/lib/coordination';
import { useAccess } from '@/providers/access/AccessProvider';

import {
  ADD_DECISION_MUTATION,
  FOLLOW_UP_MUTATION,
  MEETING_MINUTES_FILE_QUERY,
  MEETING_QUERY,
  RECORD_EXCHANGE_MUTATION,
  RECORD_MINUTES_MUTATION,
} from './queries';

type Meeting = NonNullable<MeetingDetailQuery['meeting']>;
type Decision = Meeting['decisions'][number];

function MinutesFileLink({ meetingId, file }: { meetingId: string; file: { fileName: string; sha256: string } }) {
  const { t } = useTranslation();
  const client = useClient();
  return (
    <Space size={4} style={{ marginBottom: 12 }}>
      {t('documents.minutes.shown')}：
      <StoredFileLink
        testId="minutes-file"
        file={file}
        fetchFile={async () => {
          const found = (await client.query(MEETING_MINUTES_FILE_QUERY, { meetingId }, { requestPolicy: 'network-only' }).toPromise()).data
            ?.meetingMinutesFile;
          return found ? { fileName: found.filename, contentType: found.mediaType, contentBase64: found.contentBase64 } : null;
        }}
      />
    </Space>
  );
}

function MinutesForm({ meeting, onChanged }: { meeting: Meeting; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<{ minutes: string; heldAt: string; minutesFile?: UploadFile[] }>(['minutes', 'heldAt']);
  const [{ fetching }, record] = useMutation(RECORD_MINUTES_MUTATION);
  async function onFinish(values: { minutes: string; heldAt: string; minutesFile?: UploadFile[] }) {
    const [file] = await uploadsOf(values.minutesFile);
    const result = await record({
      meetingId: meeting.id,
      minutes: values.minutes.trim(),
      heldAt: localInputToServer(values.heldAt) ?? values.heldAt,
      minutesFile: file ?? null,
    });
    if (handle(result, result.data?.recordMeetingMinutes)) {
      void message.success(t('coordination.meetings.minutesSaved'));
      onChanged();
    }
  }
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => void onFinish(v)}
      initialValues={{ minutes: meeting.minutes }}
      data-testid="minutes-form"
    >
      {problems.length > 0 && <Alert type="error" showIcon role="alert" message={problems.join('；')} style={{ marginBottom: 12 }} />}
      <Form.Item
        label={t('coordination.meetings.minutes')}
        name="minutes"
        rules={[{ required: true, whitespace: true, message: t('coordination.meetings.minutesRequired') }]}
      >
        <Input.TextArea rows={5} />
      </Form.Item>
      <Form.Item
        label={t('coordination.meetings.heldAt')}
        name="heldAt"
        rules={[
          { required: true, message: t('coordination.meetings.heldAtRequired') },
          {
            validator: async (_, v: string | undefined) =>
              !v || localInputToServer(v) ? undefined : Promise.reject(new Error(t('coordination.meetings.scheduledAtInvalid'))),
          },
        ]}
      >
        <DateTimeInput style={{ width: 240 }} />
      </Form.Item>
      <FileUploadItem name="minutesFile" label={t('documents.minutes.file')} />
      <Button type="primary" htmlType="submit" loading={fetching}>
        {t('coordination.meetings.recordMinutes')}
      </Button>
    </Form>
  );
}

interface DecisionValues {
  text: string;
  ownerDepartmentId: string;
  dueOn: string;
  agendaItemId?: string;
}

function DecisionForm({ meeting, onChanged }: { meeting: Meeting; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<DecisionValues>(['text', 'ownerDepartmentId', 'dueOn', 'agendaItemId']);
  const [{ data: depts }] = useQuery({ query: DEPARTMENT_NAMES_QUERY });
  const [{ fetching }, add] = useMutation(ADD_DECISION_MUTATION);
  async function onFinish(values: DecisionValues) {
    const result = await add({
      meetingId: meeting.id,
      text: values.text.trim(),
      ownerDepartmentId: values.ownerDepartmentId,
      dueOn: values.dueOn,
      agendaItemId: values.agendaItemId ?? null,
    });
    if (handle(result, result.data?.addMeetingDecision)) {
      void message.success(t('coordination.meetings.decisionAdded'));
      onChanged();
      form.resetFields();
    }
  }
  return (
    <Form<DecisionValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} data-testid="decision-form">
      {problems.length > 0 && <Alert type="error" showIcon role="alert" message={problems.join('；')} style={{ marginBottom: 12 }} />}
      <Form.Item
        label={t('coordination.meetings.decisionText')}
        name="text"
        rules={[{ required: true, whitespace: true, message: t('coordination.meetings.decisionTextRequired') }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item
          label={t('coordination.meetings.owner')}
          name="ownerDepartmentId"
          rules={[{ required: true, message: t('coordination.meetings.ownerRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 260 }}
            options={(depts?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item
          label={t('coordination.meetings.dueOn')}
          name="dueOn"
          rules={[{ required: true, message: t('coordination.meetings.dueOnRequired') }]}
        >
          <DateInput style={{ width: 180 }} />
        </Form.Item>
        {meeting.agenda.length > 0 && (
          <Form.Item label={t('coordination.meetings.agendaItem')} name="agendaItemId">
            <Select
              allowClear
              style={{ width: 240 }}
              options={meeting.agenda.map((a) => ({ value: a.id, label: `${a.position}. ${a.title}` }))}
            />
          </Form.Item>
        )}
      </Space>
      <Button type="primary" htmlType="submit" loading={fetching}>
        {t('coordination.meetings.addDecision')}
      </Button>
    </Form>
  );
}

function FollowUpButton({
  decision,
  status,
  onChanged,
}: {
  decision: Decision;
  status: Exclude<DecisionStatus, 'OPEN'>;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const { form, problems, handle } = useServerForm<{ note: string }>(['note']);
  const [{ fetching }, followUp] = useMutation(FOLLOW_UP_MUTATION);
  async function onFinish(values: { note?: string }) {
    const result = await followUp({ decisionId: decision.id, status, note: values.note?.trim() ?? '' });
    if (handle(result, result.data?.followUpMeetingDecision)) {
      void message.success(t('coordination.meetings.followedUp'));
      onChanged();
      setOpen(false);
    }
  }
  const label = status === 'DONE' ? t('coordination.meetings.markDone') : t('coordination.meetings.markDropped');
  return (
    <>
      <Button size="small" danger={status === 'DROPPED'} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={`${t('coordination.meetings.followUpTitle')}：${label}`}
        onOk={() => form.submit()}
        confirmLoading={fetching}
        onCancel={() => setOpen(false)}
        forceRender
      >
        {problems.length > 0 && <Alert type="error" showIcon role="alert" message={problems.join('；')} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
          <Form.Item
            label={t('coordination.meetings.followUpNote')}
            name="note"
            rules={
              status === 'DROPPED' ? [{ required: true, whitespace: true, message: t('coordination.meetings.followUpNoteRequired') }] : []
            }
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function ExchangeForm({ meeting, onChanged }: { meeting: Meeting; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<{ pushId: string; summary?: string }>(['pushId', 'summary']);
  const [{ fetching }, record] = useMutation(RECORD_EXCHANGE_MUTATION);
  async function onFinish(values: { pushId: string; summary?: string }) {
    const result = await record({ meetingId: meeting.id, pushId: values.pushId.trim(), summary: values.summary?.trim() ?? '' });
    if (handle(result, result.data?.recordMeetingExchange)) {
      void message.success(t('coordination.meetings.exchangeRecorded'));
      onChanged();
      form.resetFields();
    }
  }
  return (
    <Form form={form} layout="inline" onFinish={(v) => void onFinish(v)} style={{ marginTop: 12, rowGap: 8 }}>
      <Form.Item
        label={t('coordination.meetings.pushId')}
        name="pushId"
        rules={[{ required: true, whitespace: true, message: t('coordination.meetings.pushIdRequired') }]}
      >
        <Input style={{ width: 140 }} />
      </Form.Item>
      <Form.Item label={t('coordination.meetings.exchangeSummary')} name="summary">
        <Input style={{ width: 280 }} />
      </Form.Item>
      <Button htmlType="submit" loading={fetching}>
        {t('coordination.meetings.recordExchange')}
      </Button>
      {problems.length > 0 && <Alert type="error" showIcon role="alert" message={problems.join('；')} />}
    </Form>
  );
}

/** One joint meeting: participants, agenda, minutes, decisions with follow-up, exchanged pushes. */
export default function MeetingShowPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const access = useAccess();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MEETING_QUERY, variables: { id } });
  const meeting = data?.meeting;
  if (fetching && !data) return <Spin />;
  if (error) return <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />;
  if (!meeting) return <Alert type="warning" showIcon message={t('coordination.meetings.notFound')} />;
  const editable = canEditMeeting(access, meeting.convener.id);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const agendaTitle = new Map(meeting.agenda.map((a) => [a.id, `${a.position}. ${a.title}`]));
  return (
    <section aria-labelledby="page-title">
      <Typography.Title level={2} id="page-title">
        {t('coordination.meetings.detail')} #{meeting.id}
      </Typography.Title>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label={t('coordination.meetings.meetingTitle')}>{meeting.title}</Descriptions.Item>
            <Descriptions.Item label={t('coordination.meetings.status')}>
              <Tag color={MEETING_STATUS_COLOR[meeting.status]} data-testid="meeting-status">
                {t(`coordination.enums.MeetingStatus.${meeting.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('coordination.meetings.scheduledAt')}>{formatDateTime(meeting.scheduledAt)}</Descriptions.Item>
            <Descriptions.Item label={t('coordination.meetings.heldAt')}>{formatDateTime(meeting.heldAt)}</Descriptions.Item>
            <Descriptions.Item label={t('coordination.meetings.location')}>{meeting.location}</Descriptions.Item>
            <Descriptions.Item label={t('coordination.meetings.convener')}>
              {meeting.convener.name}（{meeting.convenedBy}）
            </Descriptions.Item>
            <Descriptions.Item label={t('coordination.meetings.participants')} span={2}>
              {meeting.participants.map((p) => (p.personName ? `${p.department.name}（${p.personName}）` : p.department.name)).join('、')}
            </Descriptions.Item>
          </Descriptions>
          {!editable && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('coordination.meetings.readOnly')}
            </Typography.Paragraph>
          )}
        </Card>

        <Card title={t('coordination.meetings.agenda')}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={meeting.agenda}
            locale={{ emptyText: t('coordination.meetings.noAgenda') }}
            columns={[
              { title: '#', dataIndex: 'position', width: 60 },
              { title: t('coordination.meetings.agendaTitle'), dataIndex: 'title' },
              {
                title: t('coordination.meetings.agendaKind'),
                dataIndex: 'kind',
                width: 140,
                render: (k: Meeting['agenda'][number]['kind']) => t(`coordination.enums.AgendaKind.${k}`),
              },
              {
                title: t('coordination.meetings.agendaRefId'),
                key: 'ref',
                width: 140,
                render: (_, a) =>
                  a.refId == null ? (
                    ''
                  ) : a.kind === 'ESCALATION' ? (
                    <Link to={`/escalations/${a.refId}`}>#{a.refId}</Link>
                  ) : a.kind === 'APPLICATION' ? (
                    <Link to={`/applications/${a.refId}`}>#{a.refId}</Link>
                  ) : (
                    `#${a.refId}`
                  ),
              },
            ]}
          />
        </Card>

        <Card title={t('coordination.meetings.minutes')}>
          {meeting.minutes ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="meeting-minutes">
              {meeting.minutes}
            </Typography.Paragraph>
          ) : (
            <Typography.Paragraph type="secondary">{t('coordination.meetings.noMinutes')}</Typography.Paragraph>
          )}
          {meeting.minutesFile && <MinutesFileLink meetingId={meeting.id} file={meeting.minutesFile} />}
          {editable && <MinutesForm meeting={meeting} onChanged={refresh} />}
        </Card>

        <Card title={t('coordination.meetings.decisions')}>
          <div data-testid="decisions">
            <Table<Decision>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={meeting.decisions}
              rowClassName={(d) => (d.overdue ? 'row-overdue' : '')}
              locale={{ emptyText: t('coordination.meetings.noDecisions') }}
              columns={[
                { title: t('coordination.meetings.decisionText'), dataIndex: 'text' },
                { title: t('coordination.meetings.owner'), key: 'owner', width: 200, render: (_, d) => d.owner.name },
                {
                  title: t('coordination.meetings.dueOn'),
                  dataIndex: 'dueOn',
                  width: 150,
                  render: (due: string, d) => (
                    <Space size={4}>
                      <Typography.Text type={d.overdue ? 'danger' : undefined}>{due}</Typography.Text>
                      {d.overdue && <Tag color="error">{t('coordination.meetings.overdue')}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: t('coordination.meetings.agendaItem'),
                  key: 'agenda',
                  width: 160,
                  render: (_, d) => (d.agendaItemId ? (agendaTitle.get(d.agendaItemId) ?? '') : ''),
                },
                {
                  title: t('coordination.meetings.decisionStatus'),
                  key: 'status',
                  width: 240,
                  render: (_, d) => (
                    <Space direction="vertical" size={4}>
                      <Tag color={DECISION_STATUS_COLOR[d.status]}>{t(`coordination.enums.DecisionStatus.${d.status}`)}</Tag>
                      {d.followUp && <Typography.Text type="secondary">{d.followUp}</Typography.Text>}
                      {canFollowUp(access, d, meeting.convener.id) && (
                        <Space size={4}>
                          <FollowUpButton decision={d} status="DONE" onChanged={refresh} />
                          <FollowUpButton decision={d} status="DROPPED" onChanged={refresh} />
                        </Space>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </div>
          {editable && (
            <div style={{ marginTop: 16 }}>
              <DecisionForm meeting={meeting} onChanged={refresh} />
            </div>
          )}
        </Card>

        <Card title={t('coordination.meetings.exchanges')}>
          <Table
            rowKey="pushId"
            size="small"
            pagination={false}
            dataSource={meeting.exchanges}
            locale={{ emptyText: t('coordination.meetings.noExchanges') }}
            columns={[
              { title: t('coordination.meetings.pushId'), dataIndex: 'pushId', width: 110, render: (p: string) => `#${p}` },
              { title: t('coordination.meetings.exchangeDepartment'), key: 'dept', render: (_, x) => x.department.name },
              { title: t('coordination.meetings.exchangeSummary'), dataIndex: 'summary' },
              { title: t('coordination.meetings.recordedBy'), dataIndex: 'recordedByName', width: 120 },
              { title: t('coordination.meetings.recordedAt'), dataIndex: 'recordedAt', width: 160, render: formatDateTime },
            ]}
          />
          {editable && <ExchangeForm meeting={meeting} onChanged={refresh} />}
        </Card>
      </Space>
    </section>
  );
}
