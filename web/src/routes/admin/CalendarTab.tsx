import { Alert, App, Button, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';

import { DateInput } from '@/components/QueryForm';
import { applyServerErrors } from '@/components/serverErrors';

import { CALENDAR_QUERY, CALENDAR_SET_MUTATION } from './queries';

interface DayValues {
  day: string;
  kind: 'HOLIDAY' | 'WORKDAY';
  name: string;
}

/** Holidays and make-up working days: due dates count working days by this calendar. */
export function CalendarTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  const [form] = Form.useForm<DayValues>();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CALENDAR_QUERY, variables: { year } });
  const [, setDay] = useMutation(CALENDAR_SET_MUTATION);

  async function save(input: { day: string; kind: string | null; name: string }) {
    const result = await setDay({ input });
    const payload = result.data?.setCalendarDay;
    if (payload?.__typename === 'CalendarDay') {
      void message.success(t('common.saved'));
      refetch({ requestPolicy: 'network-only' });
      return true;
    }
    if (payload?.__typename === 'ValidationErrors') {
      const rest = applyServerErrors(form, payload.errors, ['day', 'kind', 'name']);
      if (rest.length > 0) void message.error(rest.map((e) => e.message).join('；'));
    } else {
      void message.error(result.error?.graphQLErrors[0]?.message ?? t('common.serverError'));
    }
    return false;
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        {t('calendar.year')}
        <InputNumber aria-label={t('calendar.year')} min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
      </Space>
      <Form<DayValues>
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        initialValues={{ kind: 'HOLIDAY', name: '' }}
        onFinish={async (v) => {
          if (await save({ day: v.day, kind: v.kind, name: v.name.trim() })) form.resetFields();
        }}
      >
        <Form.Item label={t('calendar.day')} name="day" rules={[{ required: true, message: t('common.required') }]}>
          <DateInput />
        </Form.Item>
        <Form.Item label={t('calendar.kind')} name="kind">
          <Select
            style={{ width: 140 }}
            options={[
              { value: 'HOLIDAY', label: t('calendar.HOLIDAY') },
              { value: 'WORKDAY', label: t('calendar.WORKDAY') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('calendar.name')} name="name">
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.save')}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Table
        rowKey="day"
        size="small"
        loading={fetching && !data}
        dataSource={data?.calendarDays ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('calendar.empty') }}
        columns={[
          { title: t('calendar.day'), dataIndex: 'day', width: 130 },
          {
            title: t('calendar.kind'),
            dataIndex: 'kind',
            width: 130,
            render: (k: string) => (
              <Tag color={k === 'HOLIDAY' ? 'red' : 'blue'}>{k === 'HOLIDAY' || k === 'WORKDAY' ? t(`calendar.${k}`) : k}</Tag>
            ),
          },
          { title: t('calendar.name'), dataIndex: 'name' },
          {
            title: t('inbox.actions'),
            key: 'clear',
            width: 110,
            render: (_, d) => (
              <Button size="small" onClick={() => void save({ day: d.day, kind: null, name: '' })}>
                {t('calendar.clear')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
