import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';

import { DEPARTMENT_NAMES_QUERY, ME_QUERY } from '@/app/queries';
import { formatDateTime } from '@/components/format';
import { DateInput } from '@/components/QueryForm';
import { useServerForm } from '@/components/useServerForm';
import type { ActionKind, EscalationActionInput, EscalationDetailQuery, EscalationStatus } from '@/graphql/graphql';
import {
  ACTION_STATE_COLOR,
  actionFieldErrors,
  canCompleteAction,
  downloadBase64,
  ESCALATION_STATUS_COLOR,
  splitDuration,
} from '@/lib/coordination';
import { useAccess } from '@/providers/access/AccessProvider';

import {
  ADD_ESCALATION_ACTION_MUTATION,
  ASSIGN_ESCALATION_MUTATION,
  COMPLETE_ESCALATION_ACTION_MUTATION,
  DECIDE_ESCALATION_MUTATION,
  ESCALATION_ATTACHMENT_QUERY,
  ESCALATION_QUERY,
  PLANNED_MEETINGS_QUERY,
  SCHEDULE_ESCALATION_MUTATION,
} from './queries';

type Escalation = NonNullable<EscalationDetailQuery['escalation']>;
type Action = Escalation['actions'][number];
const ACTION_KINDS: ActionKind[] = ['REVISE_LIST', 'RECTIFICATION', 'NOTICE', 'OTHER'];

interface ActionValues {
  kind: ActionKind;
  ownerDepartmentId: string;
  dueOn: string;
  description?: string;
  linkageIds?: string[];
}

function toInput(values: ActionValues): EscalationActionInput {
  return {
    kind: values.kind,
    ownerDepartmentId: values.ownerDepartmentId,
    dueOn: values.dueOn,
    description: (values.description ?? '').trim(),
    linkageIds: values.kind === 'REVISE_LIST' ? (values.linkageIds ?? []).map((id) => id.trim().replace(/^#/, '')) : [],
  };
}

/** The fields of one action; `prefix` is its Form.List path (empty for a single action). */
function ActionFields({ prefix, kind }: { prefix: (string | number)[]; kind: ActionKind | undefined }) {
  const { t } = useTranslation();
  const [{ data: depts }] = useQuery({ query: DEPARTMENT_NAMES_QUERY });
  const name = (field: string) => [...prefix, field];
  return (
    <Space wrap align="start">
      <Form.Item label={t('coordination.escalations.actionKind')} name={name('kind')} rules={[{ required: true }]}>
        <Select style={{ width: 160 }} options={ACTION_KINDS.map((k) => ({ value: k, label: t(`coordination.enums.ActionKind.${k}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('coordination.escalations.actionOwner')}
        name={name('ownerDepartmentId')}
        rules={[{ required: true, message: t('coordination.escalations.actionOwnerRequired') }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: 240 }}
          options={(depts?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item
        label={t('coordination.escalations.actionDueOn')}
        name={name('dueOn')}
        rules={[{ required: true, message: t('coordination.escalations.actionDueOnRequired') }]}
      >
        <DateInput style={{ width: 170 }} />
      </Form.Item>
      {kind === 'REVISE_LIST' ? (
        <Form.Item
          label={t('coordination.escalations.actionLinkages')}
          name={name('linkageIds')}
          extra={t('coordination.escalations.actionLinkagesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('coordination.escalations.actionLinkagesRequired') }]}
        >
          <Select mode="tags" style={{ width: 260 }} tokenSeparators={[',', '，', ' ', '、']} open={false} />
        </Form.Item>
      ) : null}
      <Form.Item
        label={t('coordination.escalations.actionDescription')}
        name={name('description')}
        rules={
          kind === 'REVISE_LIST'
            ? []
            : [{ required: true, whitespace: true, message: t('coordination.escalations.actionDescriptionRequired') }]
        }
      >
        <Input style={{ width: 320 }} />
      </Form.Item>
    </Space>
  );
}

function AddActionForm({ escalation, onChanged }: { escalation: Escalation; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<ActionValues>(['kind', 'ownerDepartmentId', 'dueOn', 'description', 'linkageIds']);
  const kind = Form.useWatch('kind', form);
  const [{ fetching }, add] = useMutation(ADD_ESCALATION_ACTION_MUTATION);
  async function onFinish(values: ActionValues) {
    const result = await add({ escalationId: escalation.id, input: toInput(values) });
    if (handle(result, result.data?.addEscalationAction)) {
      void message.success(t('coordination.escalations.actionAdded'));
      form.resetFields();
      onChanged();
    }
  }
  return (
    <Form<ActionValues>
      form={form}
      layout="vertical"
      onFinish={(v) => void onFinish(v)}
      initialValues={{ kind: 'OTHER' }}
      data-testid="add-action-form"
    >
      {problems.length > 0 && <Alert type="error" showIcon role="alert" message={problems.join('；')} style={{ marginBottom: 12 }} />}
      <ActionFields prefix={[]} kind={kind} />
      <Button htmlType="submit" loading={fetching}>
        {t('coordination.escalations.addAction')}
      </Button>
    </Form>
  );
}

function CompleteButton({ action, onChanged }: { action: Action; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [{ fetching }, complete] = useMutation(COMPLETE_ESCALATION_ACTION_MUTATION);
  async function onConfirm() {
    const result = await complete({ id: action.id, note: note.trim() });
    const outcome = result.data?.completeEscalationAction;
    if (outcome?.__typename === 'EscalationAction') {
      void message.success(t('coordination.escalations.completed'));
      onChanged();
    } else if (outcome?.__typename === 'ValidationErrors') {
      void message.error(outcome.errors.map((e) => e.message).join('；'));
    } else {
      void message.error(result.error?.graphQLErrors[0]?.message ?? t('common.serverError'));
    }
  }
  return (
    <Popconfirm
      title={t('coordination.escalations.completeConfirm')}
      description={
        <Input
          aria-label={t('coordination.escalations.completeNote')}
          placeholder={t('coordination.escalations.completeNote')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      }
      onConfirm={() => void onConfirm()}
    >
      <Button size="small" loading={fetching} data-testid={`complete-action-${action.id}`}>
        {t('coordination.escalations.complete')}
      </Button>
    </Popconfirm>
  );
}

function ActionsTable({ escalation, onChanged }: { escalation: Escalation; onChanged: () => void }) {
  const access = useAccess();
  const { t } = useTranslation();
  if (escalation.actions.length === 0) return <Typography.Text type="secondary">{t('coordination.escalations.noActions')}</Typography.Text>;
  return (
    <div data-testid="escalation-actions">
      <Table<Action>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={escalation.actions}
        columns={[
          {
            title: t('coordination.escalations.actionKind'),
            dataIndex: 'kind',
            width: 120,
            render: (k: ActionKind) => t(`coordination.enums.ActionKind.${k}`),
          },
          {
            title: t('coordination.escalations.actionDescription'),
            key: 'description',
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                <span>{a.description}</span>
                {a.linkages.map((l) => (
                  <Typography.Text key={l.linkageId} type={l.listVersion ? 'success' : 'secondary'}>
                    {l.listVersion && l.change
                      ? t('coordination.escalations.linkageRevised', {
                          id: l.linkageId,
                          version: String(l.listVersion),
                          change: t(`coordination.enums.ListChange.${l.change}`),
                        })
                      : t('coordination.escalations.linkageAwaiting', { id: l.linkageId })}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          { title: t('coordination.escalations.actionOwner'), key: 'owner', width: 180, render: (_, a) => a.owner.name },
          { title: t('coordination.escalations.actionDueOn'), dataIndex: 'dueOn', width: 110 },
          {
            title: t('coordination.escalations.actionState'),
            key: 'state',
            width: 140,
            render: (_, a) => (
              <Space size={4}>
                <Tag color={ACTION_STATE_COLOR[a.state]}>{t(`coordination.enums.ActionState.${a.state}`)}</Tag>
                {a.overdue && <Tag color="error">{t('coordination.escalations.actionOverdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('coordination.escalations.actionDone'),
            key: 'done',
            width: 240,
            render: (_, a) =>
              a.doneAt ? (
                <Space direction="vertical" size={0}>
                  <span>
                    {a.listVersion
                      ? t('coordination.escalations.actionDoneByList', { at: formatDateTime(a.doneAt), version: String(a.listVersion) })
                      : t('coordination.escalations.actionDoneBy', { at: formatDateTime(a.doneAt), by: a.doneByName ?? '' })}
                  </span>
                  {a.note && <Typography.Text type="secondary">{a.note}</Typography.Text>}
                </Space>
              ) : canCompleteAction(access, a) ? (
                <CompleteButton action={a} onChanged={onChanged} />
              ) : null,
          },
        ]}
      />
    </div>
  );
}

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
    <Form
      form={form}
      layout="inline"
      onFinish={(v) => void onFinish(v)}
      initialValues={{ assignee: escalation.assignee ?? '' }}
      data-testid="assign-form"
      style={{ rowGap: 8 }}
    >
      <Form.Item
        label={t('coordination.escalations.assignee')}
        name="assignee"
        rules={[{ required: true, whitespace: true, message: t('coordination.escalations.assigneeRequired') }]}
      >
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
      <Form.Item
        label={t('coordination.escalations.scheduleMeeting')}
        name="meetingId"
        rules={[{ required: true, message: t('coordination.escalations.scheduleMeetingRequired') }]}
      >
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

interface DecideValues {
  decision: string;
  actions?: ActionValues[];
}

function DecideForm({ escalation, onChanged }: { escalation: Escalation; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<DecideValues>(['decision']);
  const actions = Form.useWatch('actions', form);
  const [{ fetching }, decide] = useMutation(DECIDE_ESCALATION_MUTATION);
  async function onFinish(values: DecideValues) {
    const result = await decide({ id: escalation.id, decision: values.decision.trim(), actions: (values.actions ?? []).map(toInput) });
    const outcome = result.data?.decideEscalation;
    if (outcome?.__typename === 'ValidationErrors') {
      // Each action's errors go next to its own fields; the rest as usual.
      const { placed, rest } = actionFieldErrors(outcome.errors);
      form.setFields(placed as Parameters<typeof form.setFields>[0]);
      if (rest.length > 0) handle(result, { ...outcome, errors: rest });
      else void message.error(t('common.formHasErrors'));
      return;
    }
    if (handle(result, outcome)) {
      void message.success(t('coordination.escalations.decided'));
      onChanged();
    }
  }
  return (
    <Form<DecideValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} data-testid="decide-form">
      {problems.length > 0 && <Alert type="error" showIcon role="alert" message={problems.join('；')} style={{ marginBottom: 12 }} />}
      <Form.Item
        label={t('coordination.escalations.decision')}
        name="decision"
        rules={[{ required: true, whitespace: true, message: t('coordination.escalations.decisionRequired') }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Typography.Text strong>{t('coordination.escalations.decisionActions')}</Typography.Text>
      <Form.List name="actions">
        {(fields, { add, remove }) => (
          <div data-testid="decide-actions">
            {fields.map((field) => (
              <Space key={field.key} align="start" style={{ display: 'flex' }}>
                <ActionFields prefix={[field.name]} kind={actions?.[field.name]?.kind} />
                <Button type="link" danger onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                  {t('coordination.escalations.removeActionRow')}
                </Button>
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({ kind: 'OTHER' })} style={{ margin: '8px 0 16px' }}>
              {t('coordination.escalations.addActionRow')}
            </Button>
          </div>
        )}
      </Form.List>
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
  const office = access.allows('escalation.decide');
  const decider = office && escalation.status !== 'DECIDED' && escalation.status !== 'CLOSED';

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
            <Descriptions.Item label={t('coordination.escalations.kind')}>
              {t(`coordination.enums.EscalationKind.${escalation.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('coordination.escalations.raisingDepartment')}>
              {escalation.raisingDepartment.name}（{escalation.raisedByName}）
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
                {escalation.refKind === 'APPLICATION' && escalation.refId ? (
                  <Link to={`/applications/${escalation.refId}`}>#{escalation.refId}</Link>
                ) : escalation.refId ? (
                  `#${escalation.refId}`
                ) : (
                  ''
                )}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('coordination.escalations.submittedAt')}>
              {formatDateTime(escalation.submittedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('coordination.escalations.assignee')}>{escalation.assignee ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('coordination.escalations.meeting')}>
              {escalation.meetingId ? <Link to={`/meetings/${escalation.meetingId}`}>#{escalation.meetingId}</Link> : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('coordination.escalations.decidedAt')}>{formatDateTime(escalation.decidedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('coordination.escalations.closedAt')}>{formatDateTime(escalation.closedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('coordination.escalations.workingDays')}>
              <span data-testid="escalation-working-days">
                {t('coordination.escalations.workingDaysValue', { count: escalation.workingDays })}
              </span>
            </Descriptions.Item>
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

        {(escalation.status === 'DECIDED' || escalation.status === 'CLOSED') && (
          <Card title={t('coordination.escalations.decisionActions')}>
            <Space direction="vertical" size="large" style={{ width: '100%' }}>
              <ActionsTable escalation={escalation} onChanged={refresh} />
              {office && escalation.status === 'DECIDED' && <AddActionForm escalation={escalation} onChanged={refresh} />}
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
                {
                  title: t('coordination.escalations.status'),
                  dataIndex: 'status',
                  width: 130,
                  render: (s: EscalationStatus) => t(`coordination.enums.EscalationStatus.${s}`),
                },
                { title: t('coordination.escalations.at'), dataIndex: 'at', width: 160, render: formatDateTime },
                { title: t('coordination.escalations.actor'), dataIndex: 'actorName', width: 120 },
                { title: t('coordination.escalations.note'), dataIndex: 'note' },
                { title: t('coordination.escalations.duration'), dataIndex: 'durationSeconds', width: 160, render: duration },
                {
                  title: t('coordination.escalations.stageWorkingDays'),
                  dataIndex: 'workingDays',
                  width: 130,
                  render: (n: number) => t('coordination.escalations.workingDaysValue', { count: n }),
                },
              ]}
            />
          </div>
        </Card>
      </Space>
    </section>
  );
}
