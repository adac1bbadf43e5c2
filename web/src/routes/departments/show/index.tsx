import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { Code } from '@/components/Code';
import { DateInput } from '@/components/QueryForm';
import { useServerForm } from '@/components/useServerForm';
import type { DepartmentDetailQuery } from '@/graphql/graphql';
import { todayInChina } from '@/lib/dateRange';
import { normaliseMobile, normaliseOfficePhone } from '@/lib/phones';
import { useAccess } from '@/providers/access/AccessProvider';
import { mayMaintain, splitLiaisons, type LiaisonKind } from '@/routes/departments/org';

import {
  DEPARTMENT_DETAIL_QUERY,
  DEPARTMENT_PEOPLE_QUERY,
  LIAISON_SET_MUTATION,
  PERSON_CREATE_MUTATION,
  POSITION_ADD_MUTATION,
  SECTION_CREATE_MUTATION,
} from './queries';

type Detail = NonNullable<DepartmentDetailQuery['department']>;
type PersonRow = Detail['sections'][number]['people'][number];
type Departments = DepartmentDetailQuery['departments'];
const KINDS: readonly LiaisonKind[] = ['PUSH', 'RECEIVE', 'HEAD'];

interface SectionValues {
  name: string;
}
interface PersonValues {
  sectionId: string;
  name: string;
  officePhone?: string;
  mobile?: string;
  role?: string;
}
interface PositionValues {
  fromDepartmentId: string;
  personId: string;
  sectionId: string;
  title?: string;
}
interface LiaisonValues {
  kind: LiaisonKind;
  personId: string;
  since: string;
}

/** A department: its sections and people, its liaisons with their history; editing for its head and administrators. */
export default function DepartmentShowPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DEPARTMENT_DETAIL_QUERY, variables: { id } });
  const access = useAccess();
  const department = data?.department;
  const names = new Map((data?.departments ?? []).map((d) => [d.id, d.name]));
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const editable = mayMaintain(access, id);

  if (fetching && !data) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error) return <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />;
  if (!department) return <Empty description={t('common.notFoundObject')} />;
  const people = department.sections.flatMap((s) => s.people);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/departments">{t('org.back')}</Link>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {department.name}
      </Typography.Title>
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={t('departments.shortName')}>{department.shortName}</Descriptions.Item>
        <Descriptions.Item label={t('departments.level')}>{t(`enums.DepartmentLevel.${department.level}`)}</Descriptions.Item>
        <Descriptions.Item label={t('departments.creditCode')}>
          {department.creditCode ? <Code>{department.creditCode}</Code> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('departments.parent')}>
          {department.parentId ? (
            <Link to={`/departments/${department.parentId}`}>{names.get(department.parentId) ?? department.parentId}</Link>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
      {!editable && <Typography.Text type="secondary">{t('org.readOnly')}</Typography.Text>}
      <Liaisons department={department} people={people} editable={editable} onChange={reload} />
      <Sections department={department} departments={data?.departments ?? []} editable={editable} onChange={reload} />
    </Space>
  );
}

function Liaisons({
  department,
  people,
  editable,
  onChange,
}: {
  department: Detail;
  people: PersonRow[];
  editable: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { current, history } = splitLiaisons(department.liaisons);
  const { form, problems, handle } = useServerForm<LiaisonValues>(['kind', 'personId', 'since']);
  const [{ fetching }, setLiaison] = useMutation(LIAISON_SET_MUTATION);
  return (
    <Card title={t('org.liaisons')} size="small" data-testid="liaisons">
      <Descriptions size="small" column={2} title={t('org.currentLiaisons')}>
        {KINDS.map((kind) => {
          const l = current[kind];
          return (
            <Descriptions.Item key={kind} label={t(`org.kinds.${kind}`)}>
              <span data-testid={`liaison-${kind}`}>
                {l?.person ? (
                  <>
                    {l.person.name}
                    {l.person.officePhone && ` · ${l.person.officePhone}`}
                    {l.person.mobile && ` · ${l.person.mobile}`}
                    <Typography.Text type="secondary">{` · ${t('org.since')} ${l.since}`}</Typography.Text>
                  </>
                ) : (
                  <Typography.Text type="secondary">{t('org.noLiaison')}</Typography.Text>
                )}
              </span>
            </Descriptions.Item>
          );
        })}
      </Descriptions>
      {editable && (
        <>
          <Form<LiaisonValues>
            form={form}
            layout="inline"
            name="setLiaison"
            style={{ rowGap: 8, marginBottom: 8 }}
            initialValues={{ kind: 'RECEIVE', since: todayInChina() }}
            onFinish={async (v) => {
              const result = await setLiaison({ input: { departmentId: department.id, ...v } });
              if (handle(result, result.data?.setLiaison)) {
                void message.success(t('org.liaisonSet'));
                form.resetFields(['personId']);
                onChange();
              }
            }}
          >
            <Form.Item label={t('org.kind')} name="kind" rules={[{ required: true, message: t('common.required') }]}>
              <Select style={{ width: 140 }} options={KINDS.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))} />
            </Form.Item>
            <Form.Item label={t('org.person')} name="personId" rules={[{ required: true, message: t('common.required') }]}>
              <Select
                style={{ width: 180 }}
                showSearch
                optionFilterProp="label"
                options={people.map((p) => ({ value: p.id, label: p.name }))}
              />
            </Form.Item>
            <Form.Item label={t('org.since')} name="since" rules={[{ required: true, message: t('common.required') }]}>
              <DateInput />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={fetching}>
              {t('org.setLiaison')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary">{t('org.liaisonHint')}</Typography.Paragraph>
          {problems.length > 0 && <Alert type="error" showIcon role="alert" message={problems.join('；')} style={{ marginBottom: 8 }} />}
        </>
      )}
      <Typography.Title level={5}>{t('org.liaisonHistory')}</Typography.Title>
      <Table
        rowKey={(l) => `${l.kind}|${l.since}|${l.person?.id ?? ''}|${l.until ?? ''}`}
        size="small"
        dataSource={history}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('org.noHistory') }}
        columns={[
          { title: t('org.kind'), dataIndex: 'kind', width: 130, render: (k: LiaisonKind) => t(`org.kinds.${k}`) },
          { title: t('org.person'), key: 'person', render: (_, l) => l.person?.name ?? '—' },
          { title: t('org.since'), dataIndex: 'since', width: 120 },
          {
            title: t('org.until'),
            key: 'until',
            width: 160,
            render: (_, l) => (
              <>
                {l.until ?? ''}
                {l.current && (
                  <Tag color="success" style={{ marginInlineStart: l.until ? 8 : 0 }}>
                    {t('org.current')}
                  </Tag>
                )}
                {!l.current && !l.until && <Tag color="processing">{t('org.upcoming')}</Tag>}
              </>
            ),
          },
          { title: t('org.recordedBy'), dataIndex: 'recordedByName', width: 120 },
        ]}
      />
    </Card>
  );
}

function Sections({
  department,
  departments,
  editable,
  onChange,
}: {
  department: Detail;
  departments: Departments;
  editable: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sectionForm = useServerForm<SectionValues>(['name']);
  const personForm = useServerForm<PersonValues>(['sectionId', 'name', 'officePhone', 'mobile', 'role']);
  const [{ fetching: creatingSection }, createSection] = useMutation(SECTION_CREATE_MUTATION);
  const [{ fetching: creatingPerson }, createPerson] = useMutation(PERSON_CREATE_MUTATION);
  const [folded, setFolded] = useState<string[]>([]);
  const phone = (check: (v: string) => string | null, text: string) => ({
    validator: async (_: unknown, v: string | undefined) => (!v?.trim() || check(v) ? undefined : Promise.reject(new Error(text))),
  });
  return (
    <Card title={t('org.sections')} size="small" data-testid="sections">
      {editable && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Form<SectionValues>
            form={sectionForm.form}
            layout="inline"
            name="createSection"
            onFinish={async (v) => {
              const result = await createSection({ input: { departmentId: department.id, name: v.name.trim() } });
              const created = sectionForm.handle(result, result.data?.createSection);
              if (created?.__typename === 'Section') {
                void message.success(t('org.sectionCreated', { name: created.name }));
                sectionForm.form.resetFields();
                onChange();
              }
            }}
          >
            <Form.Item
              label={t('org.sectionName')}
              name="name"
              rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
            >
              <Input style={{ width: 220 }} />
            </Form.Item>
            <Button htmlType="submit" loading={creatingSection}>
              {t('org.addSection')}
            </Button>
          </Form>
          {sectionForm.problems.length > 0 && <Alert type="error" showIcon role="alert" message={sectionForm.problems.join('；')} />}
          <Form<PersonValues>
            form={personForm.form}
            layout="inline"
            name="createPerson"
            style={{ rowGap: 8 }}
            onFinish={async (v) => {
              const result = await createPerson({
                input: {
                  sectionId: v.sectionId,
                  name: v.name.trim(),
                  officePhone: v.officePhone?.trim() ?? '',
                  mobile: v.mobile?.trim() ?? '',
                  role: v.role?.trim() ?? '',
                },
              });
              const created = personForm.handle(result, result.data?.createPerson);
              if (created?.__typename === 'Person') {
                void message.success(t('org.personCreated', { name: created.name }));
                personForm.form.resetFields(['name', 'officePhone', 'mobile', 'role']);
                onChange();
              }
            }}
          >
            <Form.Item label={t('org.section')} name="sectionId" rules={[{ required: true, message: t('common.required') }]}>
              <Select style={{ width: 180 }} options={department.sections.map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
            <Form.Item
              label={t('org.personName')}
              name="name"
              rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 50 }]}
            >
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Form.Item label={t('org.officePhone')} name="officePhone" rules={[phone(normaliseOfficePhone, t('org.officePhoneInvalid'))]}>
              <Input style={{ width: 140 }} />
            </Form.Item>
            <Form.Item label={t('org.mobile')} name="mobile" rules={[phone(normaliseMobile, t('org.mobileInvalid'))]}>
              <Input style={{ width: 140 }} />
            </Form.Item>
            <Form.Item label={t('org.personRole')} name="role" rules={[{ max: 100 }]}>
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={creatingPerson}>
              {t('org.addPerson')}
            </Button>
          </Form>
          {personForm.problems.length > 0 && <Alert type="error" showIcon role="alert" message={personForm.problems.join('；')} />}
          <AddPosition department={department} departments={departments} onChange={onChange} />
        </Space>
      )}
      <Table
        rowKey="id"
        size="small"
        dataSource={department.sections}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('org.noSections') }}
        expandable={{
          // Every section open, new ones too; a user may fold some.
          expandedRowKeys: department.sections.map((s) => s.id).filter((key) => !folded.includes(key)),
          onExpand: (open, s) => setFolded((f) => (open ? f.filter((k) => k !== s.id) : [...f, s.id])),
        }}
        columns={[
          { title: t('org.sectionName'), dataIndex: 'name' },
          { title: t('org.people'), key: 'count', width: 100, render: (_, s) => s.people.length },
        ]}
        expandedRowRender={(s) => (
          <Table
            rowKey="id"
            size="small"
            dataSource={s.people}
            pagination={false}
            locale={{ emptyText: t('org.noPeople') }}
            columns={[
              {
                title: t('org.personName'),
                key: 'name',
                render: (_, p: PersonRow) => (
                  <>
                    {p.name}
                    {p.sectionId !== s.id && <Tag style={{ marginInlineStart: 8 }}>{t('org.concurrent')}</Tag>}
                  </>
                ),
              },
              {
                title: t('org.personRole'),
                key: 'role',
                render: (_, p: PersonRow) => {
                  const here = p.positions.find((x) => x.sectionId === s.id);
                  return here?.home === false ? here.title : p.role;
                },
              },
              {
                title: t('org.positions'),
                key: 'positions',
                render: (_, p: PersonRow) =>
                  p.positions
                    .filter((x) => x.sectionId !== s.id)
                    .map((x) => `${x.department?.name ?? ''} ${x.section?.name ?? ''}${x.title ? `（${x.title}）` : ''}`)
                    .join('；'),
              },
              { title: t('org.officePhone'), dataIndex: 'officePhone' },
              { title: t('org.mobile'), dataIndex: 'mobile', render: (m: string) => m || '—' },
            ]}
          />
        )}
      />
    </Card>
  );
}

/**
 * A person of this or another department takes a further position in one of this
 * department's sections (a head responsible on both sides of a same-department linkage).
 */
function AddPosition({ department, departments, onChange }: { department: Detail; departments: Departments; onChange: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const form = useServerForm<PositionValues>(['personId', 'sectionId', 'title']);
  const from = Form.useWatch('fromDepartmentId', form.form) ?? department.id;
  const [{ data }] = useQuery({ query: DEPARTMENT_PEOPLE_QUERY, variables: { id: from } });
  const people = new Map(
    (data?.department?.sections ?? []).flatMap((sec) => sec.people.map((p) => [p.id, { ...p, sectionName: sec.name }] as const)),
  );
  const [{ fetching }, addPosition] = useMutation(POSITION_ADD_MUTATION);
  return (
    <>
      <Form<PositionValues>
        form={form.form}
        layout="inline"
        name="addPosition"
        style={{ rowGap: 8 }}
        initialValues={{ fromDepartmentId: department.id }}
        onFinish={async (v) => {
          const result = await addPosition({ input: { personId: v.personId, sectionId: v.sectionId, title: v.title?.trim() ?? '' } });
          const added = form.handle(result, result.data?.addPosition);
          if (added?.__typename === 'Person') {
            void message.success(t('org.positionAdded', { name: added.name }));
            form.form.resetFields(['personId', 'title']);
            onChange();
          }
        }}
      >
        <Form.Item label={t('org.positionFrom')} name="fromDepartmentId">
          <Select
            style={{ width: 200 }}
            showSearch
            optionFilterProp="label"
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            onChange={() => form.form.resetFields(['personId'])}
          />
        </Form.Item>
        <Form.Item label={t('org.person')} name="personId" rules={[{ required: true, message: t('common.required') }]}>
          <Select
            style={{ width: 200 }}
            showSearch
            optionFilterProp="label"
            options={[...people.values()].map((p) => ({ value: p.id, label: `${p.name}（${p.sectionName}）` }))}
          />
        </Form.Item>
        <Form.Item label={t('org.positionSection')} name="sectionId" rules={[{ required: true, message: t('common.required') }]}>
          <Select style={{ width: 180 }} options={department.sections.map((sec) => ({ value: sec.id, label: sec.name }))} />
        </Form.Item>
        <Form.Item label={t('org.positionTitle')} name="title" rules={[{ max: 100 }]}>
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Button htmlType="submit" loading={fetching}>
          {t('org.addPosition')}
        </Button>
      </Form>
      {form.problems.length > 0 && <Alert type="error" showIcon role="alert" message={form.problems.join('；')} />}
    </>
  );
}
