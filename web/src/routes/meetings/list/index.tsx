import { App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { DEPARTMENT_NAMES_QUERY } from '@/app/queries';
import { formatDateTime } from '@/components/format';
import { ListPage } from '@/components/ListPage';
import { Pager } from '@/components/Pager';
import { pageRows, pageWindow, useListParams } from '@/components/pagination';
import { DateTimeInput } from '@/components/QueryForm';
import { useServerForm } from '@/components/useServerForm';
import type { AgendaKind, MeetingsQuery, MeetingStatus } from '@/graphql/graphql';
import { localInputToServer, MEETING_STATUS_COLOR } from '@/lib/coordination';
import { useAccess } from '@/providers/access/AccessProvider';

import { CONVENE_MEETING_MUTATION, MEETINGS_QUERY } from './queries';

type Row = MeetingsQuery['meetings'][number];
const STATUSES: MeetingStatus[] = ['PLANNED', 'HELD', 'CLOSED'];
const AGENDA_KINDS: AgendaKind[] = ['OTHER', 'LINKAGE', 'APPLICATION', 'FINDING', 'POLICY_NOTICE', 'ESCALATION'];

interface ConveneValues {
  title: string;
  scheduledAt: string;
  location?: string;
  participants: string[];
  agenda?: { title: string; kind: AgendaKind; refId?: string }[];
}

function ConveneButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const { form, problems, handle } = useServerForm<ConveneValues>(['title', 'scheduledAt', 'location', 'participants']);
  const [{ data: depts }] = useQuery({ query: DEPARTMENT_NAMES_QUERY });
  const [{ fetching }, convene] = useMutation(CONVENE_MEETING_MUTATION);

  async function onFinish(values: ConveneValues) {
    const result = await convene({
      input: {
        title: values.title.trim(),
        scheduledAt: localInputToServer(values.scheduledAt) ?? values.scheduledAt,
        location: values.location?.trim() ?? '',
        participants: values.participants.map((departmentId) => ({ departmentId })),
        agenda: (values.agenda ?? []).map((a) => ({ title: a.title.trim(), kind: a.kind, refId: a.refId?.trim() || null })),
      },
    });
    const meeting = handle(result, result.data?.conveneMeeting);
    if (meeting?.__typename === 'Meeting') {
      void message.success(t('coordination.meetings.convened'));
      setOpen(false);
      navigate(`/meetings/${meeting.id}`);
    }
  }

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('coordination.meetings.convene')}
      </Button>
      <Modal
        open={open}
        title={t('coordination.meetings.convene')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.submit')}
        confirmLoading={fetching}
        width={720}
        forceRender
      >
        {problems.length > 0 && (
          <Typography.Text type="danger" role="alert">
            {problems.join('；')}
          </Typography.Text>
        )}
        <Form<ConveneValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ agenda: [] }}>
          <Form.Item
            label={t('coordination.meetings.meetingTitle')}
            name="title"
            rules={[{ required: true, whitespace: true, message: t('coordination.meetings.titleRequired') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label={t('coordination.meetings.scheduledAt')}
            name="scheduledAt"
            rules={[
              { required: true, message: t('coordination.meetings.scheduledAtRequired') },
              {
                validator: async (_, v: string | undefined) =>
                  !v || localInputToServer(v) ? undefined : Promise.reject(new Error(t('coordination.meetings.scheduledAtInvalid'))),
              },
            ]}
          >
            <DateTimeInput />
          </Form.Item>
          <Form.Item label={t('coordination.meetings.location')} name="location">
            <Input />
          </Form.Item>
          <Form.Item
            label={t('coordination.meetings.participants')}
            name="participants"
            rules={[{ required: true, type: 'array', min: 1, message: t('coordination.meetings.participantsRequired') }]}
          >
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              options={(depts?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Typography.Text strong>{t('coordination.meetings.agenda')}</Typography.Text>
          <Form.List name="agenda">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="start" wrap style={{ display: 'flex', marginTop: 8 }}>
                    <Form.Item
                      name={[field.name, 'title']}
                      rules={[{ required: true, whitespace: true, message: t('coordination.meetings.agendaTitleRequired') }]}
                    >
                      <Input
                        placeholder={t('coordination.meetings.agendaTitle')}
                        aria-label={t('coordination.meetings.agendaTitle')}
                        style={{ width: 280 }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'kind']} initialValue="OTHER">
                      <Select<AgendaKind>
                        aria-label={t('coordination.meetings.agendaKind')}
                        style={{ width: 140 }}
                        options={AGENDA_KINDS.map((k) => ({ value: k, label: t(`coordination.enums.AgendaKind.${k}`) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'refId']}>
                      <Input
                        placeholder={t('coordination.meetings.agendaRefId')}
                        aria-label={t('coordination.meetings.agendaRefId')}
                        style={{ width: 140 }}
                      />
                    </Form.Item>
                    <Button onClick={() => remove(field.name)}>{t('coordination.meetings.removeAgenda')}</Button>
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ kind: 'OTHER' })} style={{ marginTop: 8 }}>
                  {t('coordination.meetings.addAgenda')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}

/** 联席会议: the meetings the department convened or takes part in (the office: all), by status. */
export default function MeetingsListPage() {
  const { t } = useTranslation();
  const { page, filters, setPage, setFilters } = useListParams(['status'] as const);
  const status = (STATUSES as string[]).includes(filters.status) ? (filters.status as MeetingStatus) : null;
  const access = useAccess();
  const [{ data, fetching, error }] = useQuery({ query: MEETINGS_QUERY, variables: { status, ...pageWindow(page) } });
  const { rows, hasNext } = pageRows(data?.meetings);
  return (
    <ListPage
      title={t('coordination.meetings.title')}
      error={error}
      actions={access.allows('meeting.write') ? <ConveneButton /> : undefined}
      filters={
        <Select<string>
          aria-label={t('coordination.meetings.status')}
          value={status ?? ''}
          style={{ width: 180 }}
          onChange={(v) => setFilters({ status: v })}
          options={[
            { value: '', label: t('common.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`coordination.enums.MeetingStatus.${s}`) })),
          ]}
        />
      }
    >
      <Table<Row>
        rowKey="id"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          {
            title: t('coordination.meetings.meetingTitle'),
            dataIndex: 'title',
            render: (title: string, m) => <Link to={`/meetings/${m.id}`}>{title}</Link>,
          },
          { title: t('coordination.meetings.scheduledAt'), dataIndex: 'scheduledAt', width: 160, render: formatDateTime },
          { title: t('coordination.meetings.location'), dataIndex: 'location', width: 160 },
          { title: t('coordination.meetings.convener'), key: 'convener', width: 200, render: (_, m) => m.convener.name },
          {
            title: t('coordination.meetings.participants'),
            key: 'participants',
            render: (_, m) => m.participants.map((p) => p.department.shortName).join('、'),
          },
          {
            title: t('coordination.meetings.decisionsCount'),
            key: 'decisions',
            width: 170,
            render: (_, m) => {
              const open = m.decisions.filter((d) => d.status === 'OPEN').length;
              const overdue = m.decisions.filter((d) => d.overdue).length;
              return (
                <Space size={4} wrap>
                  {open > 0 && <Tag>{t('coordination.meetings.openDecisions', { count: open })}</Tag>}
                  {overdue > 0 && <Tag color="error">{t('coordination.meetings.overdueDecisions', { count: overdue })}</Tag>}
                </Space>
              );
            },
          },
          {
            title: t('coordination.meetings.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: MeetingStatus) => <Tag color={MEETING_STATUS_COLOR[s]}>{t(`coordination.enums.MeetingStatus.${s}`)}</Tag>,
          },
        ]}
      />
      <Pager page={page} hasNext={hasNext} onChange={setPage} disabled={fetching} />
    </ListPage>
  );
}
