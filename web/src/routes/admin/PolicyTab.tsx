import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery, type OperationResult } from 'urql';

import { Code } from '@/components/Code';
import { formatDateTime } from '@/components/format';
import { applyServerErrors } from '@/components/serverErrors';
import type { CheckPermissionQuery } from '@/graphql/graphql';
import type { FieldErrorData } from '@/providers/graphql/errors';

import {
  actionOptions,
  catalogueNames,
  departmentOptions,
  describeRule,
  matrixRows,
  objectOptions,
  roleOptions,
  type CatalogueData,
  type MatrixRow,
  type Names,
} from './policyCatalogue';
import {
  CHECK_PERMISSION_QUERY,
  PERMISSION_ADD_MUTATION,
  PERMISSION_MATRIX_QUERY,
  PERMISSION_REMOVE_MUTATION,
  POLICY_CATALOGUE_QUERY,
  POLICY_QUERY,
  POLICY_ROLLBACK_MUTATION,
  POLICY_VERSIONS_QUERY,
  ROLE_ASSIGN_MUTATION,
  ROLE_REVOKE_MUTATION,
} from './queries';
import { useReasonPrompt } from './ReasonPrompt';

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

function useCatalogue() {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: POLICY_CATALOGUE_QUERY });
  const names = useMemo(
    () => catalogueNames(data, { department: t('admin.allDepartments'), object: t('admin.allObjects'), action: t('admin.allActions') }),
    [data, t],
  );
  return { data, error, names };
}

interface RuleValues {
  role: string;
  departmentId: string;
  object: string;
  action: string;
  reason: string;
}
interface AssignmentValues {
  username: string;
  role: string;
  departmentId: string;
  reason: string;
}

const pickerProps = { showSearch: true, optionFilterProp: 'label' } as const;

function Pickers({
  data,
  forRule,
  object,
  onObjectChange,
  width = 180,
}: {
  data: CatalogueData | undefined;
  forRule: boolean;
  object: string | undefined;
  onObjectChange: () => void;
  width?: number;
}) {
  const { t } = useTranslation();
  const notFound = t('admin.notInCatalogue');
  return (
    <>
      {forRule && (
        <Form.Item label={t('admin.role')} name="role" rules={[{ required: true, message: t('admin.pickRole') }]}>
          <Select
            {...pickerProps}
            style={{ width }}
            options={roleOptions(data)}
            notFoundContent={notFound}
            placeholder={t('admin.pickRole')}
          />
        </Form.Item>
      )}
      <Form.Item label={t('admin.departmentId')} name="departmentId" rules={[{ required: true, message: t('admin.pickDepartment') }]}>
        <Select
          {...pickerProps}
          style={{ width: width + 40 }}
          options={departmentOptions(data, forRule ? t('admin.allDepartments') : undefined)}
          notFoundContent={notFound}
          placeholder={t('admin.pickDepartment')}
        />
      </Form.Item>
      <Form.Item label={t('admin.object')} name="object" rules={[{ required: true, message: t('admin.pickObject') }]}>
        <Select
          {...pickerProps}
          style={{ width }}
          options={objectOptions(data, forRule ? t('admin.allObjects') : undefined)}
          notFoundContent={notFound}
          placeholder={t('admin.pickObject')}
          onChange={onObjectChange}
        />
      </Form.Item>
      <Form.Item label={t('admin.action')} name="action" rules={[{ required: true, message: t('admin.pickAction') }]}>
        <Select
          {...pickerProps}
          style={{ width: 150 }}
          options={actionOptions(data, object, forRule ? t('admin.allActions') : undefined)}
          notFoundContent={object ? notFound : t('admin.pickObjectFirst')}
          placeholder={t('admin.pickAction')}
        />
      </Form.Item>
    </>
  );
}

export function PolicyTab() {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const { names } = catalogue;
  const [{ data, fetching, error }, refetch] = useQuery({ query: POLICY_QUERY });
  const [{ data: versions }, refetchVersions] = useQuery({ query: POLICY_VERSIONS_QUERY, variables: { first: 20 } });
  const [ruleForm] = Form.useForm<RuleValues>();
  const [assignForm] = Form.useForm<AssignmentValues>();
  const ruleObject = Form.useWatch('object', ruleForm);
  const [, addPermission] = useMutation(PERMISSION_ADD_MUTATION);
  const [, removePermission] = useMutation(PERMISSION_REMOVE_MUTATION);
  const [, assignRole] = useMutation(ROLE_ASSIGN_MUTATION);
  const [, revokeRole] = useMutation(ROLE_REVOKE_MUTATION);
  const [, rollback] = useMutation(POLICY_ROLLBACK_MUTATION);
  const { ask, prompt } = useReasonPrompt();
  const [matrixVersion, setMatrixVersion] = useState(0);
  const outcomeOf = useChangeOutcome();
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchVersions({ requestPolicy: 'network-only' });
    setMatrixVersion((v) => v + 1);
  };
  const ruleFields = ['role', 'departmentId', 'object', 'action', 'reason'];
  const [ruleFilter, setRuleFilter] = useState('');
  const terms = ruleFilter.split(/\s+/).filter(Boolean);
  const fieldsOf = (p: { role: string; departmentId: string; object: string; action: string }) => [
    p.role,
    p.departmentId,
    p.object,
    p.action,
    names.role(p.role),
    names.department(p.departmentId),
    names.object(p.object),
    names.action(p.action),
  ];
  const everyField = new Set((data?.permissions ?? []).flatMap(fieldsOf));
  // A term naming a role, department, object or action exactly matches only that; any other
  // term matches as part of a name or code.
  const rules = (data?.permissions ?? []).filter((p) => {
    const fields = fieldsOf(p);
    return terms.every((term) => (everyField.has(term) ? fields.includes(term) : fields.some((f) => f.includes(term))));
  });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {prompt}
      {(error ?? catalogue.error) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={(error ?? catalogue.error)?.graphQLErrors[0]?.message ?? t('common.serverError')}
        />
      )}
      <Card title={t('admin.permissions')} size="small" data-testid="permission-rules">
        <Form<RuleValues>
          form={ruleForm}
          name="addRule"
          layout="inline"
          aria-label={t('admin.addPermission')}
          initialValues={{ departmentId: '*' }}
          onFinish={async (v) => {
            const { reason, ...input } = v;
            const result = await addPermission({ input, reason: reason.trim() });
            if (outcomeOf(result, result.data?.addPermission, (e) => applyServerErrors(ruleForm, e, ruleFields))) {
              ruleForm.resetFields();
              reload();
            }
          }}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          <Pickers data={catalogue.data} forRule object={ruleObject} onObjectChange={() => ruleForm.setFieldValue('action', undefined)} />
          <Form.Item
            label={t('admin.reason')}
            name="reason"
            rules={[{ required: true, whitespace: true, message: t('admin.reasonRequired') }]}
          >
            <Input style={{ width: 240 }} maxLength={500} placeholder={t('admin.reasonHint')} />
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
            {
              title: t('admin.role'),
              dataIndex: 'role',
              render: (role: string) => names.role(role),
              filters: [...new Set((data?.permissions ?? []).map((p) => p.role))].map((r) => ({ text: names.role(r), value: r })),
              onFilter: (v, p) => p.role === v,
            },
            { title: t('admin.departmentId'), dataIndex: 'departmentId', render: (d: string) => names.department(d) },
            { title: t('admin.object'), dataIndex: 'object', render: (o: string) => names.object(o) },
            { title: t('admin.action'), dataIndex: 'action', render: (a: string) => names.action(a) },
            {
              title: t('inbox.actions'),
              key: 'remove',
              width: 90,
              render: (_, p) => (
                <Button
                  size="small"
                  danger
                  onClick={async () => {
                    const reason = await ask(
                      t('admin.removeTitle', { rule: describeRule([p.role, p.departmentId, p.object, p.action], names) }),
                    );
                    if (reason === null) return;
                    const result = await removePermission({
                      input: { role: p.role, departmentId: p.departmentId, object: p.object, action: p.action },
                      reason,
                    });
                    if (outcomeOf(result, result.data?.removePermission)) reload();
                  }}
                >
                  {t('admin.remove')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <PermissionMatrixCard data={catalogue.data} names={names} version={matrixVersion} />
      <Card title={t('admin.roleAssignments')} size="small">
        <Form<AssignmentValues>
          form={assignForm}
          name="assignRole"
          layout="inline"
          onFinish={async (v) => {
            const { reason, ...input } = v;
            const result = await assignRole({ input: { ...input, username: input.username.trim() }, reason: reason.trim() });
            if (
              outcomeOf(result, result.data?.assignRole, (e) =>
                applyServerErrors(assignForm, e, ['username', 'role', 'departmentId', 'reason']),
              )
            ) {
              assignForm.resetFields();
              reload();
            }
          }}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          <Form.Item
            label={t('auth.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label={t('admin.role')} name="role" rules={[{ required: true, message: t('admin.pickRole') }]}>
            <Select {...pickerProps} style={{ width: 180 }} options={roleOptions(catalogue.data)} placeholder={t('admin.pickRole')} />
          </Form.Item>
          <Form.Item label={t('admin.departmentId')} name="departmentId" rules={[{ required: true, message: t('admin.pickDepartment') }]}>
            <Select
              {...pickerProps}
              style={{ width: 220 }}
              options={departmentOptions(catalogue.data)}
              placeholder={t('admin.pickDepartment')}
            />
          </Form.Item>
          <Form.Item
            label={t('admin.reason')}
            name="reason"
            rules={[{ required: true, whitespace: true, message: t('admin.reasonRequired') }]}
          >
            <Input style={{ width: 200 }} maxLength={500} placeholder={t('admin.reasonHint')} />
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
            {
              title: t('admin.holder'),
              key: 'holder',
              // The person, and the account name they sign in with (an identifier).
              render: (_, a) => (
                <Space size={4}>
                  <span>{a.displayName}</span>
                  <Code>{a.username}</Code>
                </Space>
              ),
            },
            { title: t('admin.role'), dataIndex: 'role', render: (r: string) => names.role(r) },
            { title: t('admin.departmentId'), dataIndex: 'departmentId', render: (d: string) => names.department(d) },
            {
              title: t('inbox.actions'),
              key: 'revoke',
              width: 90,
              render: (_, a) => (
                <Button
                  size="small"
                  danger
                  onClick={async () => {
                    const reason = await ask(
                      t('admin.revokeTitle', {
                        username: a.username,
                        department: names.department(a.departmentId),
                        role: names.role(a.role),
                      }),
                    );
                    if (reason === null) return;
                    const result = await revokeRole({
                      input: { username: a.username, role: a.role, departmentId: a.departmentId },
                      reason,
                    });
                    if (outcomeOf(result, result.data?.revokeRole)) reload();
                  }}
                >
                  {t('admin.revoke')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <PermissionTester data={catalogue.data} names={names} />
      <Card title={t('admin.versions')} size="small">
        <Table
          rowKey="id"
          size="small"
          dataSource={versions?.policyVersions ?? []}
          pagination={false}
          columns={[
            { title: t('admin.versionId'), dataIndex: 'id', width: 70 },
            { title: t('admin.at'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
            { title: t('admin.actor'), dataIndex: 'actorName', width: 120 },
            { title: t('admin.summary'), dataIndex: 'description' },
            { title: t('admin.ruleCount'), dataIndex: 'ruleCount', width: 90 },
            {
              title: t('inbox.actions'),
              key: 'rollback',
              width: 110,
              render: (_, v) => (
                <Button
                  size="small"
                  onClick={async () => {
                    const reason = await ask(t('admin.rollbackConfirm', { id: v.id }));
                    if (reason === null) return;
                    const result = await rollback({ versionId: v.id, reason });
                    if (outcomeOf(result, result.data?.rollbackPolicy)) reload();
                  }}
                >
                  {t('admin.rollback')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function PermissionMatrixCard({ data, names, version }: { data: CatalogueData | undefined; names: Names; version: number }) {
  const { t } = useTranslation();
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const first = data?.departments[0]?.id;
  useEffect(() => {
    if (departmentId === undefined && first !== undefined) setDepartmentId(first);
  }, [departmentId, first]);
  const [{ data: matrix, fetching, error }, refetch] = useQuery({
    query: PERMISSION_MATRIX_QUERY,
    variables: { departmentId: departmentId ?? '' },
    pause: departmentId === undefined,
  });
  useEffect(() => {
    if (version > 0) refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);
  const rows = matrixRows(matrix?.permissionMatrix.cells ?? []);
  const roles = data?.policyCatalogue.roles ?? [];
  return (
    <Card
      title={t('admin.matrix')}
      size="small"
      data-testid="permission-matrix"
      extra={
        <Space>
          <Typography.Text>{t('admin.departmentId')}</Typography.Text>
          <Select
            {...pickerProps}
            aria-label={t('admin.matrixDepartment')}
            style={{ width: 240 }}
            value={departmentId}
            options={departmentOptions(data)}
            onChange={setDepartmentId}
          />
        </Space>
      }
    >
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Typography.Paragraph type="secondary">{t('admin.matrixHint')}</Typography.Paragraph>
      <Table<MatrixRow>
        rowKey="key"
        size="small"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 480 }}
        columns={[
          { title: t('admin.object'), key: 'object', width: 170, fixed: 'left', render: (_, r) => names.object(r.object) },
          { title: t('admin.action'), key: 'action', width: 110, fixed: 'left', render: (_, r) => names.action(r.action) },
          ...roles.map((role) => ({
            title: role.name,
            key: role.code,
            align: 'center' as const,
            render: (_: unknown, r: MatrixRow) => {
              const cell = r.cells[role.code];
              const testId = `matrix-${role.code}-${r.object}-${r.action}`;
              if (!cell?.allowed) {
                return (
                  <Typography.Text type="secondary" data-testid={testId} aria-label={t('admin.denied')}>
                    —
                  </Typography.Text>
                );
              }
              return (
                <Tooltip title={`${t('admin.decidingRule')}：${describeRule(cell.decidingRule, names)}`}>
                  <Tag color="success" data-testid={testId}>
                    {t('admin.allowed')}
                  </Tag>
                </Tooltip>
              );
            },
          })),
        ]}
      />
    </Card>
  );
}

interface TesterValues {
  username: string;
  departmentId: string;
  object: string;
  action: string;
}

function PermissionTester({ data, names }: { data: CatalogueData | undefined; names: Names }) {
  const { t } = useTranslation();
  const client = useClient();
  const [form] = Form.useForm<TesterValues>();
  const object = Form.useWatch('object', form);
  const [answer, setAnswer] = useState<CheckPermissionQuery['checkPermission'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Card title={t('admin.tester')} size="small" data-testid="permission-tester">
      <Form<TesterValues>
        form={form}
        name="tester"
        layout="inline"
        style={{ rowGap: 8 }}
        onFinish={async (v) => {
          setProblem(null);
          setAnswer(null);
          const result = await client
            .query(CHECK_PERMISSION_QUERY, { ...v, username: v.username.trim() }, { requestPolicy: 'network-only' })
            .toPromise();
          setAnswer(result.data?.checkPermission ?? null);
          const failure = result.error?.graphQLErrors[0];
          if (!failure && result.error) setProblem(t('common.serverError'));
          if (failure) {
            const argument = failure.extensions.argument;
            if (typeof argument === 'string' && ['departmentId', 'object', 'action'].includes(argument))
              form.setFields([{ name: argument as keyof TesterValues, errors: [failure.message] }]);
            else setProblem(failure.message);
          }
        }}
      >
        <Form.Item label={t('auth.username')} name="username" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Pickers data={data} forRule={false} object={object} onObjectChange={() => form.setFieldValue('action', undefined)} />
        <Button htmlType="submit">{t('admin.test')}</Button>
      </Form>
      {problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginTop: 12 }} />}
      {answer && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }} data-testid="permission-answer">
          <Descriptions.Item label={t('admin.decision')}>
            {answer.allowed ? <Tag color="success">{t('admin.allowed')}</Tag> : <Tag color="error">{t('admin.denied')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.decidingRule')}>
            {answer.decidingRule.length > 0 ? describeRule(answer.decidingRule, names) : t('admin.noRule')}
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.userRoles')}>
            {answer.roles.map((r) => names.role(r)).join('、') || t('admin.noRoles')}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
