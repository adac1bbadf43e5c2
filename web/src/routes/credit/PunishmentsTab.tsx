import { Alert, App, Button, Form, Input, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';

import { Code } from '@/components/Code';
import { DaysSelect } from '@/components/DaysSelect';
import { formatDateTime } from '@/components/format';
import { FormPage } from '@/components/FormPage';
import { Pager } from '@/components/Pager';
import { pageRows, pageWindow, useListParams } from '@/components/pagination';
import { DateInput } from '@/components/QueryForm';
import { useServerForm } from '@/components/useServerForm';
import type { JointPunishmentFieldsFragment, RecordOrigin } from '@/graphql/graphql';
import { usccProblem } from '@/lib/uscc';

import { fileToBase64 } from './files';
import { IMPORT_COLUMNS, importRowErrors, type ImportRowError } from './importErrors';
import {
  ADD_JOINT_PUNISHMENT_MUTATION,
  IMPORT_JOINT_PUNISHMENTS_MUTATION,
  JOINT_PUNISHMENTS_QUERY,
  REVOKE_JOINT_PUNISHMENT_MUTATION,
} from './queries';

type Entry = JointPunishmentFieldsFragment;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID_NUMBER = /^\d{17}[\dX]$/;

interface AddValues {
  subjectCode: string;
  subjectName?: string;
  sourceDocument: string;
  measures: string;
  startsOn: string;
  endsOn?: string;
}
const ADD_FIELDS = ['subjectCode', 'subjectName', 'sourceDocument', 'measures', 'startsOn', 'endsOn'] as const;

function AddPunishment({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const { form, problems, handle } = useServerForm<AddValues>(ADD_FIELDS);
  const [{ fetching }, add] = useMutation(ADD_JOINT_PUNISHMENT_MUTATION);
  const required = { required: true, whitespace: true, message: t('common.required') };

  async function onFinish(v: AddValues) {
    const result = await add({
      input: {
        subjectCode: v.subjectCode.trim().toUpperCase(),
        subjectName: v.subjectName?.trim() || null,
        sourceDocument: v.sourceDocument.trim(),
        measures: v.measures.trim(),
        startsOn: v.startsOn,
        endsOn: v.endsOn || null,
      },
    });
    if (handle(result, result.data?.addJointPunishment)) {
      void message.success(t('creditAdmin.punishments.added'));
      form.resetFields();
      setOpen(false);
      onAdded();
    }
  }

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('creditAdmin.punishments.add')}
      </Button>
      <Modal
        open={open}
        title={t('creditAdmin.punishments.addTitle')}
        onCancel={() => setOpen(false)}
        footer={null}
        destroyOnHidden
        width={640}
      >
        <FormPage title="" problems={problems}>
          <Form<AddValues> form={form} name="addJointPunishment" layout="vertical" onFinish={onFinish}>
            <Form.Item
              label={t('creditAdmin.punishments.subjectCode')}
              name="subjectCode"
              rules={[
                required,
                {
                  validator: async (_, value: string | undefined) => {
                    const code = (value ?? '').trim().toUpperCase();
                    if (!code || ID_NUMBER.test(code)) return;
                    if (usccProblem(code)) throw new Error(t('creditAdmin.punishments.invalidCode'));
                  },
                },
              ]}
            >
              <Input maxLength={18} />
            </Form.Item>
            <Form.Item
              label={t('creditAdmin.punishments.subjectName')}
              name="subjectName"
              extra={t('creditAdmin.punishments.subjectNameHint')}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label={t('creditAdmin.punishments.sourceDocument')} name="sourceDocument" rules={[required]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label={t('creditAdmin.punishments.measures')} name="measures" rules={[required]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Space wrap align="start">
              <Form.Item
                label={t('creditAdmin.punishments.startsOn')}
                name="startsOn"
                rules={[{ required: true, pattern: DATE, message: t('common.required') }]}
              >
                <DateInput />
              </Form.Item>
              <Form.Item
                label={t('creditAdmin.punishments.endsOn')}
                name="endsOn"
                dependencies={['startsOn']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_, value: string | undefined) => {
                      const start = getFieldValue('startsOn') as string | undefined;
                      if (value && start && value < start) throw new Error(t('creditAdmin.punishments.endsBeforeStart'));
                    },
                  }),
                ]}
              >
                <DateInput />
              </Form.Item>
            </Space>
            <Button type="primary" htmlType="submit" loading={fetching}>
              {t('common.submit')}
            </Button>
          </Form>
        </FormPage>
      </Modal>
    </>
  );
}

function RevokePunishment({ entry, onRevoked }: { entry: Entry; onRevoked: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const { form, problems, handle } = useServerForm<{ reason: string }>(['reason']);
  const [{ fetching }, revoke] = useMutation(REVOKE_JOINT_PUNISHMENT_MUTATION);
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)}>
        {t('creditAdmin.punishments.revoke')}
      </Button>
      <Modal open={open} title={t('creditAdmin.punishments.revokeTitle')} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <FormPage title="" problems={problems}>
          <Typography.Paragraph>
            <Code>{entry.subjectCode}</Code> · {entry.sourceDocument}
          </Typography.Paragraph>
          <Form<{ reason: string }>
            form={form}
            name="revokeJointPunishment"
            layout="vertical"
            onFinish={async (v) => {
              const result = await revoke({ id: entry.id, reason: v.reason.trim() });
              if (handle(result, result.data?.revokeJointPunishment)) {
                void message.success(t('creditAdmin.punishments.revoked'));
                setOpen(false);
                onRevoked();
              }
            }}
          >
            <Form.Item
              label={t('creditAdmin.punishments.revokeReason')}
              name="reason"
              rules={[{ required: true, whitespace: true, message: t('creditAdmin.punishments.revokeReasonRequired') }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Button type="primary" danger htmlType="submit" loading={fetching}>
              {t('creditAdmin.punishments.revoke')}
            </Button>
          </Form>
        </FormPage>
      </Modal>
    </>
  );
}

function Status({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  if (entry.revokedAt) {
    return (
      <Tooltip title={`${formatDateTime(entry.revokedAt)} ${entry.revokeReason ?? ''}`}>
        <Tag>{t('creditAdmin.punishments.statusRevoked')}</Tag>
      </Tooltip>
    );
  }
  return entry.active ? (
    <Tag color="red">{t('creditAdmin.punishments.statusActive')}</Tag>
  ) : (
    <Tag color="default">{t('creditAdmin.punishments.statusInactive')}</Tag>
  );
}

/** 联合惩戒名单: filter by subject and date, add, import (all rows or none), revoke. */
export function PunishmentsTab({ writes }: { writes: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { page, filters, setPage, setFilters } = useListParams(['subject', 'activeOn', 'ending'] as const);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: JOINT_PUNISHMENTS_QUERY,
    variables: {
      subjectCode: filters.subject || null,
      activeOn: DATE.test(filters.activeOn) ? filters.activeOn : null,
      endingWithinDays: /^\d{1,3}$/.test(filters.ending) ? Number(filters.ending) : null,
      ...pageWindow(page),
    },
  });
  const { rows, hasNext } = pageRows(data?.jointPunishments);
  const [{ fetching: importing }, importList] = useMutation(IMPORT_JOINT_PUNISHMENTS_MUTATION);
  const [importErrors, setImportErrors] = useState<ImportRowError[] | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  async function onImport(file: File) {
    setImportErrors(null);
    const result = await importList({ contentBase64: await fileToBase64(file) });
    const outcome = result.data?.importJointPunishments;
    if (outcome?.__typename === 'JointPunishmentImport') {
      void message.success(t('creditAdmin.punishments.imported', { count: outcome.imported }));
      reload();
    } else if (outcome?.__typename === 'ValidationErrors') {
      setImportErrors(importRowErrors(outcome.errors));
    } else {
      void message.error(result.error?.graphQLErrors[0]?.message ?? t('common.serverError'));
    }
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          key={filters.subject}
          aria-label={t('creditAdmin.punishments.filterSubject')}
          placeholder={t('creditAdmin.punishments.filterSubject')}
          defaultValue={filters.subject}
          allowClear
          enterButton={t('common.search')}
          onSearch={(v) => setFilters({ subject: v.trim().toUpperCase() })}
          style={{ width: 360 }}
        />
        <Space>
          <label htmlFor="punishments-active-on">{t('creditAdmin.punishments.activeOn')}</label>
          <DateInput
            id="punishments-active-on"
            value={filters.activeOn}
            onChange={(v) => setFilters({ activeOn: v })}
            style={{ width: 160 }}
          />
        </Space>
        <DaysSelect
          label={t('creditAdmin.punishments.endingWithin')}
          anyText={t('creditAdmin.punishments.endingAny')}
          dayText={(days) => t('creditAdmin.punishments.endingWithinDays', { days })}
          value={filters.ending}
          onChange={(v) => setFilters({ ending: v })}
          width={160}
        />
        {writes && (
          <>
            <AddPunishment onAdded={reload} />
            <Button loading={importing} onClick={() => fileInput.current?.click()}>
              {t('creditAdmin.punishments.import')}
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept=".xlsx"
              hidden
              aria-label={t('creditAdmin.punishments.import')}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void onImport(file);
              }}
            />
          </>
        )}
      </Space>
      {writes && (
        <Typography.Text type="secondary">
          {t('creditAdmin.punishments.importHint', { columns: Object.values(IMPORT_COLUMNS).join('、') })}
        </Typography.Text>
      )}
      {importErrors && (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable
          onClose={() => setImportErrors(null)}
          message={t('creditAdmin.punishments.importRefused', { count: importErrors.length })}
          description={
            <Table<ImportRowError>
              data-testid="import-errors"
              rowKey={(e) => `${e.row ?? ''}|${e.column}|${e.message}`}
              size="small"
              pagination={false}
              dataSource={importErrors}
              columns={[
                { title: t('creditAdmin.punishments.row'), dataIndex: 'row', width: 70 },
                { title: t('creditAdmin.punishments.column'), dataIndex: 'column', width: 220 },
                { title: t('creditAdmin.punishments.reason'), dataIndex: 'message' },
              ]}
            />
          }
        />
      )}
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Table<Entry>
        rowKey="id"
        size="small"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('creditAdmin.punishments.empty') }}
        columns={[
          {
            title: t('creditAdmin.punishments.subjectCode'),
            dataIndex: 'subjectCode',
            width: 200,
            render: (c: string) => <Code>{c}</Code>,
          },
          { title: t('creditAdmin.punishments.sourceDocument'), dataIndex: 'sourceDocument', width: 180 },
          { title: t('creditAdmin.punishments.measures'), dataIndex: 'measures' },
          { title: t('creditAdmin.punishments.startsOn'), dataIndex: 'startsOn', width: 110 },
          {
            title: t('creditAdmin.punishments.endsOn'),
            dataIndex: 'endsOn',
            width: 110,
            render: (d: string | null) => d ?? t('creditAdmin.punishments.endsOpen'),
          },
          {
            title: t('creditAdmin.punishments.origin'),
            dataIndex: 'origin',
            width: 100,
            render: (o: RecordOrigin) => t(`enums.RecordOrigin.${o}`),
          },
          { title: t('creditAdmin.punishments.addedBy'), dataIndex: 'addedByName', width: 120 },
          { title: t('creditAdmin.punishments.status'), key: 'status', width: 100, render: (_, e) => <Status entry={e} /> },
          ...(writes
            ? [
                {
                  title: t('creditAdmin.punishments.actions'),
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, e: Entry) => (e.revokedAt ? null : <RevokePunishment entry={e} onRevoked={reload} />),
                },
              ]
            : []),
        ]}
      />
      <Pager page={page} hasNext={hasNext} onChange={setPage} disabled={fetching} />
    </Space>
  );
}
