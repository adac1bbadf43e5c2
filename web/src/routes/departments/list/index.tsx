import { Alert, App, Button, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { Code } from '@/components/Code';
import { ListPage } from '@/components/ListPage';
import { PAGE_SIZE } from '@/components/pagination';
import { usccRule } from '@/components/usccRule';
import { useServerForm } from '@/components/useServerForm';
import type { DepartmentLevel } from '@/graphql/graphql';
import { useAccess } from '@/providers/access/AccessProvider';

import { DEPARTMENT_CREATE_MUTATION, DEPARTMENTS_LIST_QUERY } from './queries';

const LEVELS: readonly DepartmentLevel[] = ['CITY', 'COUNTY', 'TOWNSHIP'];

interface DepartmentValues {
  name: string;
  shortName: string;
  level: DepartmentLevel;
  creditCode?: string;
  parentId?: string;
}

// `departments` has no first/offset yet (a city has tens of departments): the table pages
// what the server returned. Switch to the list pattern of matters when the API gains them.
export default function DepartmentsListPage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DEPARTMENTS_LIST_QUERY });
  const access = useAccess();
  const [creating, setCreating] = useState(false);
  const names = new Map((data?.departments ?? []).map((d) => [d.id, d.name]));
  const isAdmin = access.allows('department.write');
  return (
    <ListPage
      title={t('departments.title')}
      error={error}
      actions={
        isAdmin && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('org.create')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={data?.departments ?? []}
        pagination={{ pageSize: PAGE_SIZE, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          { title: t('departments.name'), dataIndex: 'name', render: (name: string, d) => <Link to={`/departments/${d.id}`}>{name}</Link> },
          { title: t('departments.shortName'), dataIndex: 'shortName', width: 160 },
          {
            title: t('departments.level'),
            dataIndex: 'level',
            width: 120,
            render: (l: DepartmentLevel) => t(`enums.DepartmentLevel.${l}`),
          },
          { title: t('departments.creditCode'), dataIndex: 'creditCode', width: 220, render: (c: string | null) => <Code>{c}</Code> },
          {
            title: t('departments.parent'),
            dataIndex: 'parentId',
            width: 200,
            render: (p: string | null) => (p ? (names.get(p) ?? p) : ''),
          },
        ]}
      />
      {creating && (
        <CreateDepartmentModal
          parents={(data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
          onClose={(created) => {
            setCreating(false);
            if (created) refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </ListPage>
  );
}

function CreateDepartmentModal({ parents, onClose }: { parents: { value: string; label: string }[]; onClose: (created: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<DepartmentValues>(['name', 'shortName', 'level', 'creditCode', 'parentId']);
  const [{ fetching }, create] = useMutation(DEPARTMENT_CREATE_MUTATION);
  return (
    <Modal
      open
      title={t('org.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={fetching}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      {problems.length > 0 && <Alert type="error" showIcon role="alert" message={problems.join('；')} style={{ marginBottom: 12 }} />}
      <Form<DepartmentValues>
        form={form}
        layout="vertical"
        name="createDepartment"
        initialValues={{ level: 'CITY' }}
        onFinish={async (v) => {
          const creditCode = v.creditCode?.trim().toUpperCase();
          const result = await create({
            input: {
              name: v.name.trim(),
              shortName: v.shortName.trim(),
              level: v.level,
              creditCode: creditCode || null,
              parentId: v.parentId ?? null,
            },
          });
          const created = handle(result, result.data?.createDepartment);
          if (created?.__typename === 'Department') {
            void message.success(t('org.created', { name: created.name }));
            onClose(true);
          }
        }}
      >
        <Form.Item
          label={t('departments.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label={t('departments.shortName')}
          name="shortName"
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 50 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label={t('departments.level')} name="level" rules={[{ required: true, message: t('common.required') }]}>
          <Select options={LEVELS.map((l) => ({ value: l, label: t(`enums.DepartmentLevel.${l}`) }))} />
        </Form.Item>
        <Form.Item label={t('departments.creditCode')} name="creditCode" rules={[usccRule(t)]}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item label={t('departments.parent')} name="parentId">
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('org.parentNone')} options={parents} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
