import { Alert, App, Badge, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { ME_QUERY } from '@/app/queries';
import { Code } from '@/components/Code';
import { useCursorPager } from '@/components/cursorPager';
import { DateRangeInput } from '@/components/DateRangeInput';
import { formatDateTime } from '@/components/format';
import { Pager } from '@/components/Pager';
import { useListParams } from '@/components/pagination';
import { QueryForm } from '@/components/QueryForm';
import { SmsDeliveryTag } from '@/components/SmsDeliveryTag';
import { FileUploadItem, uploadsOf } from '@/components/StoredFile';
import type { Channel, PushInboxQuery, PushStage, PushState, ResultType } from '@/graphql/graphql';
import { splitRange } from '@/lib/dateRange';
import { inboxTabs } from '@/lib/inbox';
import { useAccess } from '@/providers/access/AccessProvider';
import { useRefetchOnInbox } from '@/providers/live/LiveInbox';
import { LegalDocumentFileLink, PushFileLink } from '@/routes/applications/show/DocumentFiles';

import { NoticesTab } from './NoticesTab';
import { CREDIT_NOTICES_QUERY, FEEDBACK_INBOX_QUERY, PUSH_CLAIM_MUTATION, PUSH_CLOSE_MUTATION, PUSH_INBOX_QUERY } from './queries';
import { RedCardsCard } from './red-cards';
import { MonthlySummariesTab } from './summaries';
import { VerificationsTab } from './VerificationsTab';

const PAGE = 20;
const RESULT_TYPES: ResultType[] = [
  'NO_ABNORMALITY',
  'RECTIFICATION_ORDERED',
  'PENALIZED',
  'LICENCE_REVOKED',
  'CASE_FILED',
  'FALSE_COMMITMENT',
  'OTHER',
];
const isResultType = (r: string): r is ResultType => (RESULT_TYPES as string[]).includes(r);
const OFFLINE: Channel[] = ['OWN_SYSTEM', 'LETTER', 'JOINT_MEETING'];
// Roles holding `notice, write` (policies/policy.csv): they may issue policy notices.
type PushRow = PushInboxQuery['pushInbox']['edges'][number]['node'];

/** The limit that runs now: the claim's while awaiting, then the feedback's. */
const dueOf = (p: PushRow): string => (p.state === 'CLAIMED' ? (p.feedbackDue ?? '') : p.claimDue);

function ClaimButton({ push }: { push: PushRow }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [method, setMethod] = useState<Channel>(push.channel === 'ONLINE' ? 'LETTER' : push.channel);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, claim] = useMutation(PUSH_CLAIM_MUTATION);
  const [form] = Form.useForm<{ receipt?: UploadFile[] }>();
  async function onOk() {
    let receipt: UploadFile[] | undefined;
    try {
      ({ receipt } = await form.validateFields());
    } catch {
      return;
    }
    const [upload] = await uploadsOf(receipt);
    const result = await claim({ input: { pushId: push.id, method, note: note.trim(), receipt: upload ?? null } });
    const payload = result.data?.claimPush;
    if (payload?.__typename === 'Push') {
      void message.success(t('inbox.claimed'));
      setOpen(false);
    } else {
      setProblem(
        payload?.__typename === 'ValidationErrors'
          ? payload.errors.map((e) => e.message).join('；')
          : (result.error?.graphQLErrors[0]?.message ?? t('common.serverError')),
      );
    }
  }
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('inbox.claim')}
      </Button>
      <Modal
        open={open}
        title={t('inbox.claimTitle')}
        onOk={() => void onOk()}
        confirmLoading={fetching}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 12 }} />}
        <Space direction="vertical" style={{ width: '100%' }}>
          <label>
            {t('inbox.claimMethod')}
            <Select<Channel>
              value={method}
              onChange={setMethod}
              style={{ width: '100%' }}
              options={OFFLINE.map((c) => ({ value: c, label: t(`enums.Channel.${c}`) }))}
            />
          </label>
          <label>
            {t('inbox.claimNote')}
            <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <Form form={form} layout="vertical" name="claim-receipt" preserve={false}>
            <FileUploadItem name="receipt" label={t('documents.receiptOptional')} />
          </Form>
        </Space>
      </Modal>
    </>
  );
}

function CloseButton({ push }: { push: PushRow }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [{ fetching }, close] = useMutation(PUSH_CLOSE_MUTATION);
  return (
    <Button
      size="small"
      loading={fetching}
      onClick={() =>
        void modal.confirm({
          title: t('inbox.closeConfirm'),
          onOk: async () => {
            const result = await close({ pushId: push.id });
            const payload = result.data?.closePushWithoutAbnormality;
            if (payload?.__typename === 'Push') void message.success(t('inbox.closed'));
            else
              void message.error(
                payload?.__typename === 'ValidationErrors' ? payload.errors.map((e) => e.message).join('；') : t('common.serverError'),
              );
          },
        })
      }
    >
      {t('inbox.close')}
    </Button>
  );
}

const PUSH_FILTERS = ['code', 'applicant', 'stage', 'state', 'pushed', 'overdue', 'scope'] as const;
const STAGES: PushStage[] = ['ACCEPTED', 'COMPLETED'];
const STATES: PushState[] = ['AWAITING_CLAIM', 'CLAIMED'];

function PushesTab() {
  const { t } = useTranslation();
  // The query form's fields live in the URL (shareable, back button); paging by cursor.
  const { filters, setFilters } = useListParams(PUSH_FILTERS);
  const pager = useCursorPager();
  const { since, until } = splitRange(filters.pushed);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: PUSH_INBOX_QUERY,
    variables: {
      first: PAGE,
      after: pager.after,
      supervisionCode: filters.code || null,
      applicant: filters.applicant || null,
      stage: STAGES.find((x) => x === filters.stage) ?? null,
      state: STATES.find((x) => x === filters.state) ?? null,
      overdue: filters.overdue === 'true' ? true : null,
      pushedSince: since,
      pushedUntil: until,
      newestFirst: true,
      // scope=duty: every push the department sent or received (the city for the coordination
      // office), what the workbench's overdue count counts; otherwise the pushes received.
      withinScope: filters.scope === 'duty',
    },
  });
  useRefetchOnInbox('push', refetch);
  const access = useAccess();
  const claims = access.allows('push.claim');
  const records = access.allows('finding.record');
  const connection = data?.pushInbox;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <QueryForm
        values={filters}
        testId="inbox-query"
        onSearch={(values) => {
          pager.reset();
          setFilters(values);
        }}
      >
        <Form.Item name="code" label={t('messages.query.supervisionCode')}>
          <Input allowClear placeholder={t('messages.query.supervisionCodeHint')} style={{ width: 170 }} maxLength={12} />
        </Form.Item>
        <Form.Item name="applicant" label={t('messages.query.applicant')}>
          <Input allowClear placeholder={t('messages.query.applicantHint')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="stage" label={t('messages.query.stage')}>
          <Select
            allowClear
            placeholder={t('messages.query.anyStage')}
            style={{ width: 110 }}
            options={STAGES.map((x) => ({ value: x, label: t(`enums.PushStage.${x}`) }))}
          />
        </Form.Item>
        <Form.Item name="state" label={t('messages.query.state')}>
          <Select
            allowClear
            placeholder={t('messages.query.anyState')}
            style={{ width: 120 }}
            options={STATES.map((x) => ({ value: x, label: t(`enums.PushState.${x}`) }))}
          />
        </Form.Item>
        <Form.Item name="overdue" label={t('inbox.filter')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 110 }}
            options={[{ value: 'true', label: t('messages.query.overdueOnly') }]}
          />
        </Form.Item>
        <Form.Item name="scope" label={t('messages.query.scope')}>
          <Select
            allowClear
            placeholder={t('messages.query.received')}
            style={{ width: 200 }}
            options={[{ value: 'duty', label: t('messages.query.withinScope') }]}
          />
        </Form.Item>
        <Form.Item name="pushed" label={t('messages.query.pushedAt')}>
          <DateRangeInput ariaLabel={t('messages.query.pushedAt')} />
        </Form.Item>
      </QueryForm>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Typography.Text type="secondary" data-testid="pushes-total" data-count={connection?.totalCount ?? ''}>
        {t('inbox.total', { count: connection?.totalCount ?? 0 })}
      </Typography.Text>
      <Table<PushRow>
        rowKey="id"
        loading={fetching && !data}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        pagination={false}
        rowClassName={(p) => (p.overdue ? 'row-overdue' : '')}
        scroll={{ x: 1650 }}
        locale={{ emptyText: t('inbox.noPushes') }}
        columns={[
          {
            title: t('inbox.pushedAt'),
            dataIndex: 'pushedAt',
            width: 150,
            render: formatDateTime,
            sorter: (a, b) => a.pushedAt.localeCompare(b.pushedAt),
            defaultSortOrder: 'descend',
          },
          {
            title: t('inbox.stage'),
            dataIndex: 'stage',
            width: 90,
            render: (s: PushRow['stage']) => t(`enums.PushStage.${s}`),
            sorter: (a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage),
          },
          {
            title: t('inbox.matter'),
            dataIndex: 'matterName',
            width: 200,
            sorter: (a, b) => a.matterName.localeCompare(b.matterName, 'zh-CN'),
          },
          {
            title: t('inbox.applicant'),
            key: 'applicant',
            width: 200,
            render: (_, p) => (p.application ? <Link to={`/applications/${p.application.id}`}>{p.applicantName}</Link> : p.applicantName),
            sorter: (a, b) => a.applicantName.localeCompare(b.applicantName, 'zh-CN'),
          },
          { title: t('inbox.from'), key: 'from', width: 180, render: (_, p) => p.fromDepartment.name },
          { title: t('inbox.channel'), dataIndex: 'channel', width: 110, render: (c: Channel) => t(`enums.Channel.${c}`) },
          {
            title: t('inbox.state'),
            key: 'state',
            width: 170,
            sorter: (a, b) => STATES.indexOf(a.state) - STATES.indexOf(b.state) || Number(a.overdue) - Number(b.overdue),
            render: (_, p) => (
              <Space size={4} wrap>
                <Tag color={p.state === 'CLAIMED' ? 'success' : 'warning'}>{t(`enums.PushState.${p.state}`)}</Tag>
                {p.overdue && <Tag color="error">{t('inbox.overdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('inbox.due'),
            key: 'due',
            width: 130,
            sorter: (a, b) => dueOf(a).localeCompare(dueOf(b)),
            render: (_, p) => <Typography.Text type={p.overdue ? 'danger' : undefined}>{dueOf(p)}</Typography.Text>,
          },
          {
            title: t('inbox.feedback'),
            dataIndex: 'feedbackState',
            width: 120,
            render: (f: PushRow['feedbackState']) => t(`enums.FeedbackState.${f}`),
          },
          { title: t('followUp.sms.column'), key: 'sms', width: 190, render: (_, p) => <SmsDeliveryTag delivery={p.smsDelivery} /> },
          {
            title: t('documents.file'),
            key: 'files',
            width: 260,
            render: (_, p) => (
              <Space direction="vertical" size={0}>
                {p.legalDocuments.map((d) =>
                  d.file ? (
                    <span key={`${d.kind}-${d.number}`}>
                      {t(`enums.DocumentKind.${d.kind}`)}：<LegalDocumentFileLink documentId={d.id} file={d.file} />
                    </span>
                  ) : null,
                )}
                {p.dispatch && (
                  <span data-testid="inbox-dispatch">
                    {t('documents.dispatch.shown', {
                      channel: t(`enums.Channel.${p.dispatch.channel}`),
                      number: p.dispatch.number,
                      sentOn: p.dispatch.sentOn,
                    })}
                  </span>
                )}
                {p.dispatch?.file && <PushFileLink pushId={p.id} kind="DISPATCH" file={p.dispatch.file} />}
                {p.claimReceipt && (
                  <span>
                    {t('documents.receipt')}：<PushFileLink pushId={p.id} kind="RECEIPT" file={p.claimReceipt} />
                  </span>
                )}
              </Space>
            ),
          },
          {
            title: t('inbox.actions'),
            key: 'actions',
            width: 120,
            // Fixed to the right: usable at 1366×768 without scrolling sideways.
            fixed: 'right',
            render: (_, p) => (
              <Space size={4} direction="vertical" data-testid={`push-actions-${p.id}`}>
                {claims && p.state === 'AWAITING_CLAIM' && <ClaimButton push={p} />}
                {claims && p.state === 'CLAIMED' && p.feedbackState === 'OPEN' && <CloseButton push={p} />}
                {p.application && (
                  <Link to={`/applications/${p.application.id}`}>{records ? t('inbox.recordFinding') : t('applications.open')}</Link>
                )}
              </Space>
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

function FeedbackTab() {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const [{ data, fetching, error }, refetch] = useQuery({ query: FEEDBACK_INBOX_QUERY, variables: { first: PAGE, after: pager.after } });
  useRefetchOnInbox('feedback', refetch);
  const connection = data?.feedbackInbox;
  type Row = NonNullable<typeof connection>['edges'][number]['node'];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Table<Row>
        rowKey="id"
        loading={fetching && !data}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        pagination={false}
        locale={{ emptyText: t('inbox.noFeedback') }}
        scroll={{ x: 1500 }}
        columns={[
          {
            title: t('inbox.receivedAt'),
            dataIndex: 'receivedAt',
            width: 150,
            render: formatDateTime,
            sorter: (a, b) => a.receivedAt.localeCompare(b.receivedAt),
            defaultSortOrder: 'descend',
          },
          {
            title: t('messages.feedback.applicationNumber'),
            key: 'number',
            width: 170,
            render: (_, f) =>
              f.application ? (
                <Link to={`/applications/${f.application.id}`}>
                  <Code>{f.application.number}</Code>
                </Link>
              ) : (
                <Code>{f.subjectCode}</Code>
              ),
          },
          { title: t('messages.feedback.matter'), key: 'matter', width: 180, render: (_, f) => f.application?.matter.name ?? '' },
          {
            title: t('messages.feedback.applicant'),
            key: 'applicant',
            width: 180,
            render: (_, f) => f.application?.applicantName ?? '',
            sorter: (a, b) => (a.application?.applicantName ?? '').localeCompare(b.application?.applicantName ?? '', 'zh-CN'),
          },
          { title: t('inbox.from'), key: 'from', width: 160, render: (_, f) => f.fromDepartment.name },
          {
            title: t('messages.feedback.resultType'),
            dataIndex: 'resultType',
            width: 130,
            render: (r: string) => <Tag color="error">{isResultType(r) ? t(`enums.ResultType.${r}`) : r}</Tag>,
            sorter: (a, b) => a.resultType.localeCompare(b.resultType),
          },
          { title: t('findings.summary'), dataIndex: 'summary', width: 200 },
          { title: t('messages.feedback.measures'), key: 'measures', width: 200, render: (_, f) => f.finding.measures },
          {
            title: t('messages.feedback.documentNumber'),
            key: 'documentNumber',
            width: 160,
            render: (_, f) => f.finding.documentNumber,
          },
          {
            title: t('messages.feedback.documents'),
            key: 'documents',
            width: 200,
            render: (_, f) =>
              (f.application?.legalDocuments ?? []).map((d) => (
                <div key={`${d.kind}-${d.number}`}>
                  {t(`enums.DocumentKind.${d.kind}`)} {d.number}
                </div>
              )),
          },
          { title: t('findings.foundOn'), dataIndex: 'foundOn', width: 110, sorter: (a, b) => a.foundOn.localeCompare(b.foundOn) },
          { title: t('messages.feedback.recordedBy'), key: 'recordedBy', width: 100, render: (_, f) => f.finding.recordedByName },
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

function CreditNoticesCard() {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CREDIT_NOTICES_QUERY, variables: { first: PAGE, after: pager.after } });
  useRefetchOnInbox('credit', refetch);
  const connection = data?.creditNotices;
  type Row = NonNullable<typeof connection>['edges'][number]['node'];
  return (
    <Card size="small" title={t('inbox.creditNotices')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
        <Table<Row>
          rowKey="id"
          data-testid="credit-notices"
          loading={fetching && !data}
          dataSource={connection?.edges.map((e) => e.node) ?? []}
          pagination={false}
          locale={{ emptyText: t('inbox.noCreditNotices') }}
          expandable={{ expandedRowRender: (n) => <Typography.Paragraph style={{ margin: 0 }}>{n.message}</Typography.Paragraph> }}
          columns={[
            { title: t('inbox.receivedAt'), dataIndex: 'receivedAt', width: 150, render: formatDateTime },
            { title: t('inbox.applicant'), dataIndex: 'applicantName' },
            {
              title: t('inbox.creditChange'),
              key: 'change',
              width: 170,
              render: (_, n) => (
                <Space size={4}>
                  <Tag>{n.previousLevelLabel}</Tag>→<Tag color={n.levelLabel === '失信' ? 'error' : 'processing'}>{n.levelLabel}</Tag>
                </Space>
              ),
            },
            { title: t('inbox.creditRule'), dataIndex: 'decidingRule' },
            {
              title: t('inbox.application'),
              key: 'application',
              width: 90,
              render: (_, n) => <Link to={`/applications/${n.application?.id ?? ''}`}>#{n.application?.id}</Link>,
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
    </Card>
  );
}

export default function InboxPage() {
  const { t } = useTranslation();
  const [{ data: meData }] = useQuery({ query: ME_QUERY });
  const access = useAccess();
  const [params, setParams] = useSearchParams();
  const tabs = inboxTabs(access);
  const active = tabs.find((x) => x === params.get('tab')) ?? tabs[0] ?? 'pushes';
  const [{ data: awaiting }, refetchAwaiting] = useQuery({
    query: PUSH_INBOX_QUERY,
    variables: { first: 1, state: 'AWAITING_CLAIM' },
    pause: !tabs.includes('pushes'),
  });
  const [{ data: overdue }, refetchOverdue] = useQuery({
    query: PUSH_INBOX_QUERY,
    variables: { first: 1, overdue: true },
    pause: !tabs.includes('pushes'),
  });
  useRefetchOnInbox('push', refetchAwaiting);
  useRefetchOnInbox('push', refetchOverdue);
  const labels = {
    pushes: (
      <Space size={4}>
        {t('inbox.pushes')}
        <Badge count={awaiting?.pushInbox.totalCount ?? 0} color="orange" data-testid="count-awaiting" />
        <Badge count={overdue?.pushInbox.totalCount ?? 0} data-testid="count-overdue" />
      </Space>
    ),
    verifications: t('facilitation.inboxTab'),
    feedback: t('inbox.feedbackInbox'),
    notices: t('inbox.notices'),
    summaries: t('followUp.summaries.tab'),
  };
  // Credit-change notices go to the approving side: the readers of supervision feedback.
  const content = {
    pushes: <PushesTab />,
    verifications: <VerificationsTab />,
    feedback: <FeedbackTab />,
    notices: <NoticesTab before={tabs.includes('feedback') ? <CreditNoticesCard /> : null} canAnnounce={access.can('notice', 'write')} />,
    summaries: <MonthlySummariesTab />,
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('inbox.title')}
      </Typography.Title>
      {tabs.includes('pushes') && meData?.me?.departmentId && <RedCardsCard departmentId={meData.me.departmentId} />}
      <Card>
        <Tabs
          activeKey={active}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          destroyOnHidden
          items={tabs.map((k) => ({ key: k, label: labels[k], children: content[k] }))}
        />
      </Card>
    </Space>
  );
}
