import { Alert, App, Button, Checkbox, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';

import { useCursorPager } from '@/components/cursorPager';
import { formatDateTime } from '@/components/format';
import { Pager } from '@/components/Pager';
import { useUrlParam } from '@/components/pagination';
import { useServerForm } from '@/components/useServerForm';
import type { AccountsQuery } from '@/graphql/graphql';
import { passwordStrongEnough } from '@/lib/password';

import { accountFlags, assignableRoles, isRoleName, keyDepartments, rolesByDepartment } from './accounts';
import {
  ACCOUNT_CREATE_MUTATION,
  ACCOUNTS_QUERY,
  ADMIN_DEPARTMENTS_QUERY,
  API_KEY_ISSUE_MUTATION,
  API_KEY_REVOKE_MUTATION,
  ROLE_ASSIGN_MUTATION,
  ROLE_REVOKE_MUTATION,
} from './queries';
import { useReasonPrompt } from './ReasonPrompt';

const PAGE = 20;
type AccountRow = AccountsQuery['accounts']['edges'][number]['node'];

interface CreateValues {
  username: string;
  displayName: string;
  initialPassword: string;
  serviceAccount: boolean;
}
interface AssignValues {
  role: string;
  departmentId: string;
  reason: string;
}
interface KeyValues {
  name: string;
  departmentId: string;
}

function useRoleLabel() {
  const { t } = useTranslation();
  return (role: string) => (isRoleName(role) ? t(`roles.${role}`) : role);
}

/** Accounts: search and page, create, assign / revoke roles per department, API keys. */
export function AccountsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roleLabel = useRoleLabel();
  const pager = useCursorPager();
  const [keyword, setKeyword] = useState('');
  const [typed, setTyped] = useState('');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  // `locked=1` in the URL: the workbench's 已锁定账号 tile opens the list of exactly those.
  const [locked, setLocked] = useUrlParam('locked');
  const lockedOnly = locked === '1';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ACCOUNTS_QUERY,
    variables: { keyword: keyword || null, departmentId, lockedOnly, first: PAGE, after: pager.after },
  });
  const [{ data: departments }] = useQuery({ query: ADMIN_DEPARTMENTS_QUERY });
  const names = useMemo(() => new Map((departments?.departments ?? []).map((d) => [d.id, d.name])), [departments]);
  const departmentOptions = (departments?.departments ?? []).map((d) => ({ value: d.id, label: d.name }));
  const [, revokeRole] = useMutation(ROLE_REVOKE_MUTATION);
  const { ask, prompt } = useReasonPrompt();
  const [creating, setCreating] = useState(false);
  const [assigning, setAssigning] = useState<AccountRow | null>(null);
  const [keysOf, setKeysOf] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const connection = data?.accounts;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const keyAccount = rows.find((r) => r.username === keysOf) ?? null;

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="accounts">
      {prompt}
      <Space wrap>
        <Input.Search
          aria-label={t('accounts.keyword')}
          placeholder={t('accounts.keyword')}
          allowClear
          style={{ width: 240 }}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(v) => {
            setKeyword(v.trim());
            pager.reset();
          }}
        />
        <Select
          aria-label={t('accounts.department')}
          placeholder={t('accounts.allDepartments')}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 220 }}
          options={departmentOptions}
          value={departmentId}
          onChange={(v: string | undefined) => {
            setDepartmentId(v ?? null);
            pager.reset();
          }}
        />
        <Checkbox
          checked={lockedOnly}
          onChange={(e) => {
            setLocked(e.target.checked ? '1' : null);
            pager.reset();
          }}
        >
          {t('accounts.lockedOnly')}
        </Checkbox>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('accounts.create')}
        </Button>
        <Typography.Text type="secondary" data-testid="accounts-total" data-count={connection?.totalCount ?? ''}>
          {t('accounts.total', { count: connection?.totalCount ?? 0 })}
        </Typography.Text>
      </Space>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Table<AccountRow>
        rowKey="id"
        size="small"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('accounts.empty') }}
        columns={[
          { title: t('accounts.username'), dataIndex: 'username', width: 150 },
          { title: t('accounts.displayName'), dataIndex: 'displayName', width: 140 },
          {
            title: t('accounts.state'),
            key: 'state',
            width: 200,
            render: (_, a) => (
              <Space size={4} wrap>
                {accountFlags(a).map((flag) => (
                  <Tag
                    key={flag}
                    color={flag === 'locked' || flag === 'inactive' ? 'error' : flag === 'service' ? 'purple' : 'warning'}
                    title={
                      flag === 'locked' && a.lockedUntil ? t('accounts.lockedUntil', { at: formatDateTime(a.lockedUntil) }) : undefined
                    }
                  >
                    {t(`accounts.flags.${flag}`)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('accounts.lastSignIn'),
            dataIndex: 'lastSignInAt',
            width: 150,
            render: (at: string | null) =>
              at ? formatDateTime(at) : <Typography.Text type="secondary">{t('accounts.never')}</Typography.Text>,
          },
          {
            title: t('accounts.roles'),
            key: 'roles',
            render: (_, a) => {
              const groups = rolesByDepartment(a.roleAssignments, names);
              if (groups.length === 0) return <Typography.Text type="secondary">{t('accounts.noRoles')}</Typography.Text>;
              return (
                <Space direction="vertical" size={2}>
                  {groups.map((g) => (
                    <div key={g.departmentId}>
                      <Typography.Text strong>{g.departmentName}</Typography.Text>{' '}
                      {g.roles.map((role) => (
                        <Tag
                          key={role}
                          closable
                          onClose={(e) => {
                            e.preventDefault();
                            void (async () => {
                              const reason = await ask(
                                t('accounts.revokeConfirm', { username: a.username, department: g.departmentName, role: roleLabel(role) }),
                              );
                              if (reason === null) return;
                              const result = await revokeRole({
                                input: { username: a.username, role, departmentId: g.departmentId },
                                reason,
                              });
                              const outcome = result.data?.revokeRole;
                              if (outcome?.__typename === 'PolicyVersion') {
                                void message.success(t('accounts.revoked'));
                                reload();
                              } else {
                                void message.error(
                                  outcome?.__typename === 'ValidationErrors'
                                    ? outcome.errors.map((e) => e.message).join('；')
                                    : (result.error?.graphQLErrors[0]?.message ?? t('common.serverError')),
                                );
                              }
                            })();
                          }}
                          data-testid={`role-${a.username}-${g.departmentId}-${role}`}
                        >
                          {roleLabel(role)}
                        </Tag>
                      ))}
                    </div>
                  ))}
                </Space>
              );
            },
          },
          {
            title: t('accounts.actions'),
            key: 'actions',
            width: 190,
            render: (_, a) => (
              <Space size={4}>
                <Button size="small" onClick={() => setAssigning(a)}>
                  {t('accounts.assignRole')}
                </Button>
                {a.serviceAccount && (
                  <Button size="small" onClick={() => setKeysOf(a.username)}>
                    {t('accounts.apiKeys')}
                  </Button>
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
      {creating && (
        <CreateAccountModal
          onClose={(created) => {
            setCreating(false);
            if (created) {
              setKeyword(created);
              setTyped(created);
              pager.reset();
              reload();
            }
          }}
        />
      )}
      {assigning && (
        <AssignRoleModal
          account={assigning}
          departmentOptions={departmentOptions}
          onClose={(changed) => {
            setAssigning(null);
            if (changed) reload();
          }}
        />
      )}
      <Drawer
        title={keyAccount ? t('accounts.apiKeysTitle', { username: keyAccount.username }) : ''}
        open={keyAccount !== null}
        width={720}
        onClose={() => setKeysOf(null)}
        destroyOnHidden
      >
        {keyAccount && <ApiKeys account={keyAccount} names={names} onChange={reload} />}
      </Drawer>
    </Space>
  );
}

function CreateAccountModal({ onClose }: { onClose: (created: string | null) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<CreateValues>(['username', 'displayName', 'initialPassword', 'serviceAccount']);
  const [{ fetching }, create] = useMutation(ACCOUNT_CREATE_MUTATION);
  return (
    <Modal
      open
      title={t('accounts.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={fetching}
      onOk={() => form.submit()}
      onCancel={() => onClose(null)}
      destroyOnHidden
    >
      {problems.length > 0 && <Alert type="error" showIcon role="alert" message={problems.join('；')} style={{ marginBottom: 12 }} />}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        name="createAccount"
        initialValues={{ serviceAccount: false }}
        onFinish={async (v) => {
          const result = await create({ input: { ...v, username: v.username.trim(), displayName: v.displayName.trim() } });
          const created = handle(result, result.data?.createAccount);
          if (created?.__typename === 'Account') {
            void message.success(t('accounts.created', { username: created.username }));
            onClose(created.username);
          }
        }}
      >
        <Form.Item
          label={t('accounts.username')}
          name="username"
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: 64, message: t('accounts.usernameRule') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('accounts.displayName')}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 64 }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('accounts.initialPassword')}
          name="initialPassword"
          extra={t('accounts.initialPasswordHint')}
          rules={[
            { required: true, message: t('common.required') },
            {
              validator: async (_r, v: string | undefined) =>
                !v || passwordStrongEnough(v) ? undefined : Promise.reject(new Error(t('accounts.passwordWeak'))),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="serviceAccount" valuePropName="checked">
          <Checkbox>{t('accounts.serviceAccount')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AssignRoleModal({
  account,
  departmentOptions,
  onClose,
}: {
  account: AccountRow;
  departmentOptions: { value: string; label: string }[];
  onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roleLabel = useRoleLabel();
  const { form, problems, handle } = useServerForm<AssignValues>(['role', 'departmentId', 'reason']);
  const [{ fetching }, assign] = useMutation(ROLE_ASSIGN_MUTATION);
  return (
    <Modal
      open
      title={t('accounts.assignTitle', { username: account.username })}
      okText={t('accounts.assignRole')}
      cancelText={t('common.cancel')}
      confirmLoading={fetching}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      {problems.length > 0 && <Alert type="error" showIcon role="alert" message={problems.join('；')} style={{ marginBottom: 12 }} />}
      <Form<AssignValues>
        form={form}
        layout="vertical"
        name="assignAccountRole"
        onFinish={async (v) => {
          const { reason, ...input } = v;
          const result = await assign({ input: { username: account.username, ...input }, reason: reason.trim() });
          if (handle(result, result.data?.assignRole)) {
            void message.success(t('accounts.assigned'));
            onClose(true);
          }
        }}
      >
        <Form.Item label={t('accounts.department')} name="departmentId" rules={[{ required: true, message: t('common.required') }]}>
          <Select showSearch optionFilterProp="label" options={departmentOptions} />
        </Form.Item>
        <Form.Item label={t('accounts.role')} name="role" rules={[{ required: true, message: t('common.required') }]}>
          <Select options={assignableRoles(account).map((r) => ({ value: r, label: roleLabel(r) }))} />
        </Form.Item>
        <Form.Item
          label={t('admin.reason')}
          name="reason"
          extra={t('admin.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('admin.reasonRequired') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ApiKeys({ account, names, onChange }: { account: AccountRow; names: ReadonlyMap<string, string>; onChange: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<KeyValues>(['name', 'departmentId']);
  const [{ fetching }, issue] = useMutation(API_KEY_ISSUE_MUTATION);
  const [, revoke] = useMutation(API_KEY_REVOKE_MUTATION);
  const [issued, setIssued] = useState<string | null>(null);
  const allowed = keyDepartments(account.roleAssignments);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="api-keys">
      {issued && (
        <Alert
          type="success"
          showIcon
          message={t('accounts.issued')}
          description={
            <Typography.Paragraph copyable={{ text: issued }} code style={{ marginBottom: 0 }} data-testid="issued-key">
              {issued}
            </Typography.Paragraph>
          }
        />
      )}
      {allowed.length === 0 ? (
        <Alert type="info" showIcon message={t('accounts.noKeyDepartment')} />
      ) : (
        <Form<KeyValues>
          form={form}
          layout="inline"
          name="issueApiKey"
          style={{ rowGap: 8 }}
          initialValues={{ departmentId: allowed[0] }}
          onFinish={async (v) => {
            const result = await issue({ username: account.username, departmentId: v.departmentId, name: v.name.trim() });
            const outcome = handle(result, result.data?.issueApiKey);
            if (outcome?.__typename === 'IssuedApiKey') {
              setIssued(outcome.key);
              form.resetFields(['name']);
              onChange();
            }
          }}
        >
          <Form.Item
            label={t('accounts.keyName')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
          >
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label={t('accounts.keyDepartment')} name="departmentId" rules={[{ required: true, message: t('common.required') }]}>
            <Select style={{ width: 200 }} options={allowed.map((d) => ({ value: d, label: names.get(d) ?? d }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={fetching}>
            {t('accounts.issueKey')}
          </Button>
        </Form>
      )}
      {problems.length > 0 && <Alert type="error" showIcon role="alert" message={problems.join('；')} />}
      <Table
        rowKey="id"
        size="small"
        dataSource={account.apiKeys}
        pagination={false}
        locale={{ emptyText: t('accounts.noKeys') }}
        columns={[
          { title: t('accounts.keyName'), dataIndex: 'name' },
          {
            title: t('accounts.keyPrefix'),
            dataIndex: 'prefix',
            width: 110,
            render: (p: string) => <Typography.Text code>{p}</Typography.Text>,
          },
          { title: t('accounts.keyDepartment'), dataIndex: 'departmentId', width: 140, render: (d: string) => names.get(d) ?? d },
          { title: t('accounts.keyCreatedAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
          {
            title: t('accounts.keyState'),
            key: 'state',
            width: 170,
            render: (_, k) =>
              k.revokedAt ? (
                <Tag>{t('accounts.keyRevoked', { at: formatDateTime(k.revokedAt) })}</Tag>
              ) : (
                <Space size={4}>
                  <Tag color="success">{t('accounts.keyActive')}</Tag>
                  <Popconfirm
                    title={t('accounts.revokeKeyConfirm', { prefix: k.prefix })}
                    onConfirm={async () => {
                      const result = await revoke({ id: k.id });
                      if (result.data?.revokeApiKey.__typename === 'ApiKey') {
                        void message.success(t('accounts.keyRevokedDone'));
                        onChange();
                      } else {
                        void message.error(result.error?.graphQLErrors[0]?.message ?? t('common.serverError'));
                      }
                    }}
                  >
                    <Button size="small" danger>
                      {t('accounts.revokeKey')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </Space>
  );
}
