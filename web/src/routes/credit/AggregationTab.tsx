import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';

import { formatDateTime } from '@/components/format';
import { useServerForm } from '@/components/useServerForm';
import type { AggregationRulesQuery, FindingKind, RecordCategory } from '@/graphql/graphql';

import { AGGREGATION_RULES_QUERY, SAVE_AGGREGATION_RULE_MUTATION } from './queries';

type AggregationRule = AggregationRulesQuery['aggregationRules'][number];
const FINDING_KINDS: readonly FindingKind[] = [
  'INSPECTION',
  'SPOT_CHECK',
  'ADMINISTRATIVE_MEASURE',
  'ENFORCEMENT_RESULT',
  'CREDIT_ABNORMALITY',
];
const CATEGORIES: readonly RecordCategory[] = ['LICENSING', 'PENALTY', 'COMMENDATION', 'COMMITMENT_BREACH', 'OTHER'];

interface Values {
  findingKind: string;
  resultType: string;
  category: RecordCategory;
  validityMonths?: number | null;
  enabled: boolean;
}
const FIELDS = ['findingKind', 'resultType', 'category', 'validityMonths', 'enabled'] as const;

const isFindingKind = (value: string): value is FindingKind => (FINDING_KINDS as readonly string[]).includes(value);

function AggregationForm({ initial, onSaved, onCancel }: { initial: Values; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<Values>(FIELDS);
  const [{ fetching }, save] = useMutation(SAVE_AGGREGATION_RULE_MUTATION);
  return (
    <Card title={t('creditAdmin.aggregation.formTitle')} size="small" data-testid="aggregation-form">
      {problems.length > 0 && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} message={problems.join('；')} />}
      <Form<Values>
        form={form}
        name="aggregationRule"
        layout="vertical"
        initialValues={initial}
        onFinish={async (v) => {
          const result = await save({
            input: {
              findingKind: v.findingKind,
              resultType: v.resultType.trim(),
              category: v.category,
              validityMonths: v.validityMonths ?? null,
              enabled: v.enabled,
            },
          });
          if (handle(result, result.data?.saveAggregationRule)) {
            void message.success(t('creditAdmin.aggregation.saved'));
            onSaved();
          }
        }}
      >
        <Space wrap align="start">
          <Form.Item
            label={t('creditAdmin.aggregation.findingKind')}
            name="findingKind"
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select style={{ width: 180 }} options={FINDING_KINDS.map((k) => ({ value: k, label: t(`enums.FindingKind.${k}`) }))} />
          </Form.Item>
          <Form.Item
            label={t('creditAdmin.aggregation.resultType')}
            name="resultType"
            tooltip={t('creditAdmin.aggregation.resultTypeHint')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input style={{ width: 180 }} maxLength={60} placeholder={t('creditAdmin.aggregation.resultTypeHint')} />
          </Form.Item>
          <Form.Item
            label={t('creditAdmin.aggregation.category')}
            name="category"
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select style={{ width: 140 }} options={CATEGORIES.map((c) => ({ value: c, label: t(`enums.RecordCategory.${c}`) }))} />
          </Form.Item>
          <Form.Item
            label={t('creditAdmin.aggregation.validityMonths')}
            name="validityMonths"
            rules={[{ type: 'number', min: 1, message: t('creditAdmin.aggregation.positive') }]}
          >
            <InputNumber precision={0} style={{ width: 130 }} placeholder={t('creditAdmin.aggregation.validityForever')} />
          </Form.Item>
          <Form.Item label={t('creditAdmin.aggregation.enabled')} name="enabled" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Space>
          <Button type="primary" htmlType="submit" loading={fetching}>
            {t('common.save')}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** 归集规则: which supervision findings become credit records, in what category, for how long. */
export function AggregationTab({ writes }: { writes: boolean }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AGGREGATION_RULES_QUERY });
  const [editing, setEditing] = useState<{ key: string; values: Values } | null>(null);
  const rules = data?.aggregationRules ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      {writes && !editing && (
        <Button
          type="primary"
          onClick={() =>
            setEditing({
              key: 'new',
              values: { findingKind: 'ENFORCEMENT_RESULT', resultType: '', category: 'PENALTY', validityMonths: null, enabled: true },
            })
          }
        >
          {t('creditAdmin.aggregation.add')}
        </Button>
      )}
      {editing && (
        <AggregationForm
          key={editing.key}
          initial={editing.values}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
      <Table<AggregationRule>
        rowKey="id"
        size="small"
        loading={fetching && !data}
        dataSource={rules}
        pagination={rules.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('creditAdmin.aggregation.empty') }}
        columns={[
          {
            title: t('creditAdmin.aggregation.findingKind'),
            dataIndex: 'findingKind',
            width: 160,
            render: (k: string) => (isFindingKind(k) ? t(`enums.FindingKind.${k}`) : k),
          },
          {
            title: t('creditAdmin.aggregation.resultType'),
            dataIndex: 'resultType',
            render: (r: string) => (r === '*' ? t('creditAdmin.aggregation.anyResult') : r),
          },
          {
            title: t('creditAdmin.aggregation.category'),
            dataIndex: 'category',
            width: 120,
            render: (c: RecordCategory) => t(`enums.RecordCategory.${c}`),
          },
          {
            title: t('creditAdmin.aggregation.validityMonths'),
            dataIndex: 'validityMonths',
            width: 120,
            render: (m: number | null) => m ?? t('creditAdmin.aggregation.validityForever'),
          },
          {
            title: t('creditAdmin.aggregation.enabled'),
            dataIndex: 'enabled',
            width: 90,
            render: (e: boolean) =>
              e ? (
                <Tag color="success">{t('creditAdmin.aggregation.enabledYes')}</Tag>
              ) : (
                <Tag>{t('creditAdmin.aggregation.enabledNo')}</Tag>
              ),
          },
          { title: t('creditAdmin.aggregation.updatedBy'), dataIndex: 'updatedByName', width: 130 },
          { title: t('creditAdmin.aggregation.updatedAt'), dataIndex: 'updatedAt', width: 150, render: formatDateTime },
          ...(writes
            ? [
                {
                  title: t('creditAdmin.punishments.actions'),
                  key: 'edit',
                  width: 80,
                  render: (_: unknown, r: AggregationRule) => (
                    <Button
                      size="small"
                      onClick={() =>
                        setEditing({
                          key: r.id,
                          values: {
                            findingKind: r.findingKind,
                            resultType: r.resultType,
                            category: r.category,
                            validityMonths: r.validityMonths ?? null,
                            enabled: r.enabled,
                          },
                        })
                      }
                    >
                      {t('creditAdmin.aggregation.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
