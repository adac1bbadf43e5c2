import { Alert, App, Button, Checkbox, Form, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';

import { useServerForm } from '@/components/useServerForm';
import type { CreditLevel, HandlingMode, HandlingPolicyQuery } from '@/graphql/graphql';

import { HANDLING_POLICY_QUERY, SET_HANDLING_POLICY_MUTATION } from './queries';

type Entry = HandlingPolicyQuery['handlingPolicy'][number];
const LEVELS: readonly CreditLevel[] = ['TRUSTWORTHY', 'NORMAL', 'DISHONEST'];
interface Values {
  allowedLevels: CreditLevel[];
}

/** One handling mode's allowed levels, saved on its own (server errors next to the boxes). */
function PolicyRow({ entry, writes, onSaved }: { entry: Entry; writes: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<Values>(['allowedLevels']);
  const [{ fetching }, save] = useMutation(SET_HANDLING_POLICY_MUTATION);
  const mode = t(`enums.HandlingMode.${entry.mode}`);
  if (entry.mode === 'NORMAL') return <Tag color="success">{t('creditAdmin.policy.alwaysAllowed')}</Tag>;
  if (!writes) {
    return entry.allowedLevels.length === 0 ? (
      <Typography.Text type="secondary">{t('creditAdmin.policy.noneAllowed')}</Typography.Text>
    ) : (
      <Space>
        {entry.allowedLevels.map((l) => (
          <Tag key={l}>{t(`enums.CreditLevel.${l}`)}</Tag>
        ))}
      </Space>
    );
  }
  return (
    <Form<Values>
      form={form}
      name={`policy-${entry.mode}`}
      layout="inline"
      initialValues={{ allowedLevels: [...entry.allowedLevels] }}
      onFinish={async (v) => {
        const result = await save({ mode: entry.mode, allowedLevels: v.allowedLevels });
        if (handle(result, result.data?.setHandlingPolicy)) {
          void message.success(t('creditAdmin.policy.saved', { mode }));
          onSaved();
        }
      }}
    >
      <Form.Item name="allowedLevels" extra={problems.join('；') || undefined}>
        <Checkbox.Group
          aria-label={`${mode} ${t('creditAdmin.policy.allowedLevels')}`}
          options={LEVELS.map((l) => ({
            value: l,
            label: t(`enums.CreditLevel.${l}`),
            disabled: l === 'DISHONEST' && !entry.allowedLevels.includes(l),
            title: l === 'DISHONEST' ? t('creditAdmin.policy.dishonestNever') : undefined,
          }))}
        />
      </Form.Item>
      <Button htmlType="submit" size="small" loading={fetching}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

/** 处置策略: which credit levels may use 绿色通道, 容缺受理 and 告知承诺. */
export function PolicyTab({ writes }: { writes: boolean }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: HANDLING_POLICY_QUERY });
  // 一般受理 is open to every subject and not stored; it is listed so the table is complete.
  const stored = data?.handlingPolicy ?? [];
  const entries: Entry[] = stored.some((e) => e.mode === 'NORMAL')
    ? stored
    : [{ __typename: 'HandlingPolicyEntry', mode: 'NORMAL', label: '', allowedLevels: [...LEVELS] }, ...stored];
  if (fetching && !data) return <Skeleton active />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('creditAdmin.policy.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Table<Entry>
        rowKey="mode"
        pagination={false}
        dataSource={entries}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          { title: t('creditAdmin.policy.mode'), dataIndex: 'mode', width: 180, render: (m: HandlingMode) => t(`enums.HandlingMode.${m}`) },
          {
            title: t('creditAdmin.policy.allowedLevels'),
            key: 'levels',
            render: (_, entry) => <PolicyRow entry={entry} writes={writes} onSaved={() => refetch({ requestPolicy: 'network-only' })} />,
          },
        ]}
      />
    </Space>
  );
}
