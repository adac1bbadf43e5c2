import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useClient, useMutation, useQuery, type OperationResult } from 'urql';
import { useCursorPager } from '../../components/cursorPager';
import { formatDateTime } from '../../components/format';
import { Pager } from '../../components/Pager';
import { applyServerErrors } from '../../components/serverErrors';
import type { CheckPermissionQuery } from '../../graphql/graphql';
import type { FieldErrorData } from '../../providers/graphql/errors';
import { AccountsTab } from './AccountsTab';
import { AuditTab } from './AuditTab';
import { CalendarTab } from './CalendarTab';
import { SmsTemplatesTab } from './SmsTemplatesTab';
import {
  CHECK_PERMISSION_QUERY,
  DEAD_LETTER_RETRY_MUTATION,
  DEAD_LETTERS_QUERY,
  PERMISSION_ADD_MUTATION,
  PERMISSION_REMOVE_MUTATION,
  POLICY_QUERY,
  POLICY_ROLLBACK_MUTATION,
  POLICY_VERSIONS_QUERY,
  ROLE_ASSIGN_MUTATION,
  ROLE_REVOKE_MUTATION,
} from './queries';

const PAGE = 20;
type Change = { __typename?: string; errors?: readonly FieldErrorData[] } | null | undefined;

/** Shows the outcome of a policy change; returns true when it was applied. */
function useChangeOutcome() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (result: OperationResult<unknown>, outcome: Change, place?: (errors: readonly FieldErrorData[]) => FieldErrorData[]) => {
    if (outcome?.__typename === 'PolicyVersion') {
      void message.success(t('admin.changed'));
      return true;
    }
    if (outcome?.__typename === 'ValidationErrors') {
      const rest = place ? place(outcome.errors ?? []) : [...(outcome.errors ?? [])];
      if (rest.length > 0) void message.error(rest.map((e) => e.message).join('；'));
      return false;
    }
    void message.error(result.error?.graphQLErrors[0]?.message ?? t('common.serverError'));
    return false;
  };
}

interface RuleValues {
  role: string;
  departmentId: string;
  object: string;
  action: string;
}
interface AssignmentValues {
  username: string;
  role: string;
  departmentId: string;
}

function PolicyTab() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: POLICY_QUERY });
  const [{ data: versions }, refetchVersions] = useQuery({ query: POLICY_VERSIONS_QUERY, variables: { first: 20 } });
  const [ruleForm] = Form.useForm<RuleValues>();
  const [assignForm] = Form.useForm<AssignmentValues>();
  const [, addPermission] = useMutation(PERMISSION_ADD_MUTATION);
  const [, removePermission] = useMutation(PERMISSION_REMOVE_MUTATION);
  const [, assignRole] = useMutation(ROLE_ASSIGN_MUTATION);
  const [, revokeRole] = useMutation(ROLE_REVOKE_MUTATION);
  const [, rollback] = useMutation(POLICY_ROLLBACK_MUTATION);
  const outcomeOf = useChangeOutcome();
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchVersions({ requestPolicy: 'network-only' });
  };
  const ruleFields = ['role', 'departmentId', 'object', 'action'];
  const [ruleFilter, setRuleFilter] = useState('');
  const terms = ruleFilter.split(/\s+/).filter(Boolean);
  const rules = (data?.permissions ?? []).filter((p) => {
    const text = `${p.role} ${p.departmentId} ${p.object} ${p.action}`;
    return terms.every((term) => text.split(' ').includes(term) || text.includes(term));
  });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Card title={t('admin.permissions')} size="small" data-testid="permission-rules">
        <Form<RuleValues>
          form={ruleForm}
          name="addRule"
          layout="inline"
          aria-label={t('admin.addPermission')}
          onFinish={async (v) => {
            const result = await addPermission({ input: v });
            if (outcomeOf(result, result.data?.addPermission, (e) => applyServerErrors(ruleForm, e, ruleFields))) {
              ruleForm.resetFields();
              reload();
            }
          }}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          <Form.Item label={t('admin.role')} name="role" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input style={{ width: 170 }} />
          </Form.Item>
          <Form.Item label={t('admin.departmentId')} name="departmentId" initialValue="*" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input style={{ width: 70 }} />
          </Form.Item>
          <Form.Item label={t('admin.object')} name="object" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label={t('admin.action')} name="action" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input style={{ width: 100 }} />
          </Form.Item>
          <Button htmlType="submit" type="primary">
            {t('admin.addPermission')}
          </Button>
        </Form>
        <Input.Search
          aria-label={t('admin.filterRules')}
          placeholder={t('admin.filterRules')}
          allowClear
          style={{ width: 320, marginBottom: 8 }}
          onSearch={(v) => setRuleFilter(v)}
        />
        <Table
          rowKey={(p) => `${p.role}|${p.departmentId}|${p.object}|${p.action}`}
          size="small"
          loading={fetching && !data}
          dataSource={rules}
          pagination={{ pageSize: 15, showSizeChanger: false }}
          columns={[
            { title: t('admin.role'), dataIndex: 'role', filters: [...new Set((data?.permissions ?? []).map((p) => p.role))].map((r) => ({ text: r, value: r })), onFilter: (v, p) => p.role === v },
            { title: t('admin.departmentId'), dataIndex: 'departmentId', width: 90 },
            { title: t('admin.object'), dataIndex: 'object' },
            { title: t('admin.action'), dataIndex: 'action' },
            {
              title: t('inbox.actions'),
              key: 'remove',
              width: 90,
              render: (_, p) => (
                <Popconfirm
                  title={t('admin.removeConfirm')}
                  onConfirm={async () => {
                    const result = await removePermission({ input: { role: p.role, departmentId: p.departmentId, object: p.object, action: p.action } });
                    if (outcomeOf(result, result.data?.removePermission)) reload();
                  }}
                >
                  <Button size="small" danger>
                    {t('admin.remove')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('admin.roleAssignments')} size="small">
        <Form<AssignmentValues>
          form={assignForm}
          name="assignRole"
          layout="inline"
          onFinish={async (v) => {
            const result = await assignRole({ input: v });
            if (outcomeOf(result, result.data?.assignRole, (e) => applyServerErrors(assignForm, e, ['username', 'role', 'departmentId']))) {
              assignForm.resetFields();
              reload();
            }
          }}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          <Form.Item label={t('auth.username')} name="username" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label={t('admin.role')} name="role" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input style={{ width: 170 }} />
          </Form.Item>
          <Form.Item label={t('admin.departmentId')} name="departmentId" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input style={{ width: 70 }} />
          </Form.Item>
          <Button htmlType="submit" type="primary">
            {t('admin.assignRole')}
          </Button>
        </Form>
        <Table
          rowKey={(a) => `${a.username}|${a.role}|${a.departmentId}`}
          size="small"
          loading={fetching && !data}
          dataSource={data?.roleAssignments ?? []}
          pagination={{ pageSize: 15, showSizeChanger: false }}
          columns={[
            { title: t('auth.username'), dataIndex: 'username' },
            { title: t('admin.role'), dataIndex: 'role' },
            { title: t('admin.departmentId'), dataIndex: 'departmentId' },
            {
              title: t('inbox.actions'),
              key: 'revoke',
              width: 90,
              render: (_, a) => (
                <Popconfirm
                  title={t('admin.revokeConfirm')}
                  onConfirm={async () => {
                    const result = await revokeRole({ input: { username: a.username, role: a.role, departmentId: a.departmentId } });
                    if (outcomeOf(result, result.data?.revokeRole)) reload();
                  }}
                >
                  <Button size="small" danger>
                    {t('admin.revoke')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      <PermissionTester />
      <Card title={t('admin.versions')} size="small">
        <Table
          rowKey="id"
          size="small"
          dataSource={versions?.policyVersions ?? []}
          pagination={false}
          columns={[
            { title: 'ID', dataIndex: 'id', width: 70 },
            { title: t('admin.at'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
            { title: t('admin.actor'), dataIndex: 'actor', width: 120 },
            { title: t('admin.summary'), dataIndex: 'summary' },
            { title: t('admin.ruleCount'), dataIndex: 'ruleCount', width: 90 },
            {
              title: t('inbox.actions'),
              key: 'rollback',
              width: 110,
              render: (_, v) => (
                <Popconfirm
                  title={t('admin.rollbackConfirm', { id: v.id })}
                  onConfirm={async () => {
                    const result = await rollback({ versionId: v.id });
                    if (outcomeOf(result, result.data?.rollbackPolicy)) reload();
                  }}
                >
                  <Button size="small">{t('admin.rollback')}</Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function PermissionTester() {
  const { t } = useTranslation();
  const client = useClient();
  const [answer, setAnswer] = useState<CheckPermissionQuery['checkPermission'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Card title={t('admin.tester')} size="small" data-testid="permission-tester">
      <Form<RuleValues & { username: string }>
        name="tester"
        layout="inline"
        style={{ rowGap: 8 }}
        onFinish={async (v) => {
          setProblem(null);
          const result = await client.query(CHECK_PERMISSION_QUERY, { ...v }, { requestPolicy: 'network-only' }).toPromise();
          setAnswer(result.data?.checkPermission ?? null);
          if (result.error) setProblem(result.error.graphQLErrors[0]?.message ?? t('common.serverError'));
        }}
      >
        <Form.Item label={t('auth.username')} name="username" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label={t('admin.departmentId')} name="departmentId" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input style={{ width: 70 }} />
        </Form.Item>
        <Form.Item label={t('admin.object')} name="object" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label={t('admin.action')} name="action" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input style={{ width: 100 }} />
        </Form.Item>
        <Button htmlType="submit">{t('admin.test')}</Button>
      </Form>
      {problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginTop: 12 }} />}
      {answer && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }} data-testid="permission-answer">
          <Descriptions.Item label={t('admin.decision')}>
            {answer.allowed ? <Tag color="success">{t('admin.allowed')}</Tag> : <Tag color="error">{t('admin.denied')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.decidingRule')}>{answer.decidingRule.length > 0 ? answer.decidingRule.join(', ') : t('admin.noRule')}</Descriptions.Item>
          <Descriptions.Item label={t('admin.userRoles')}>{answer.roles.join('、') || '—'}</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

function DeadLettersTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pager = useCursorPager();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DEAD_LETTERS_QUERY, variables: { first: PAGE, after: pager.after } });
  const [, retry] = useMutation(DEAD_LETTER_RETRY_MUTATION);
  const connection = data?.deadLetters;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Typography.Text type="secondary">{t('admin.deadLetterCount', { count: connection?.totalCount ?? 0 })}</Typography.Text>
      <Table
        rowKey="id"
        size="small"
        loading={fetching && !data}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        pagination={false}
        locale={{ emptyText: t('admin.noDeadLetters') }}
        columns={[
          { title: t('admin.at'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
          { title: t('admin.topic'), dataIndex: 'topic', width: 220 },
          { title: t('admin.key'), dataIndex: 'key', width: 160 },
          { title: t('admin.attempts'), dataIndex: 'attempts', width: 80 },
          { title: t('admin.lastError'), dataIndex: 'lastError' },
          {
            title: t('inbox.actions'),
            key: 'retry',
            width: 90,
            render: (_, d) => (
              <Button
                size="small"
                onClick={async () => {
                  const result = await retry({ id: d.id });
                  const payload = result.data?.retryDeadLetter;
                  if (payload?.__typename === 'DeadLetter') {
                    void message.success(t('admin.retried'));
                    refetch({ requestPolicy: 'network-only' });
                  } else {
                    void message.error(payload?.__typename === 'ValidationErrors' ? payload.errors.map((e) => e.message).join('；') : t('common.serverError'));
                  }
                }}
              >
                {t('admin.retry')}
              </Button>
            ),
          },
        ]}
      />
      <Pager page={pager.page} hasNext={Boolean(connection?.pageInfo.hasNextPage)} disabled={fetching} onChange={(n) => pager.onChange(n, connection?.pageInfo.endCursor)} />
    </Space>
  );
}

export default function AdminPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const active = params.get('tab') ?? 'policy';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('nav.admin')}
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'policy', label: t('admin.policy'), children: <PolicyTab /> },
          { key: 'audit', label: t('admin.audit'), children: <AuditTab /> },
          { key: 'dead-letters', label: t('admin.deadLetters'), children: <DeadLettersTab /> },
          { key: 'calendar', label: t('calendar.title'), children: <CalendarTab /> },
          { key: 'accounts', label: t('accounts.tab'), children: <AccountsTab /> },
          { key: 'sms-templates', label: t('smsTemplates.tab'), children: <SmsTemplatesTab /> },
        ]}
      />
    </Space>
  );
}
