import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type FormInstance,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';

import { DaysSelect } from '@/components/DaysSelect';
import { formatDateTime } from '@/components/format';
import { useUrlParam } from '@/components/pagination';
import { useVersionText } from '@/components/useVersionText';
import type { CreditLevel, RecordCategory, RuleCondition } from '@/graphql/graphql';
import type { FieldErrorData } from '@/providers/graphql/errors';

import { CREDIT_RULES_QUERY, PUBLISH_CREDIT_RULES_MUTATION } from './queries';
import {
  diffRuleSets,
  duplicateCodes,
  isEmptyDiff,
  placeRuleSetErrors,
  ruleSetToValues,
  valuesToInput,
  type Rule,
  type RuleField,
  type RuleSet,
  type RuleSetValues,
  type SettingField,
} from './ruleSets';

const CONDITIONS: readonly RuleCondition[] = ['RECORD_COUNT', 'NO_RECORDS', 'JOINT_PUNISHMENT'];
const CATEGORIES: readonly RecordCategory[] = ['LICENSING', 'PENALTY', 'COMMENDATION', 'COMMITMENT_BREACH', 'OTHER'];
const LEVELS: readonly CreditLevel[] = ['TRUSTWORTHY', 'NORMAL', 'DISHONEST'];

/** A rule's code as the reader sees it: the built-in rules' through the locale files, an
 * officer's own code as typed. */
function useRuleCode(): (code: string) => string {
  const { t } = useTranslation();
  return (code) => t(`creditAdmin.ruleCodes.${code}` as 'creditAdmin.ruleCodes.LICENSED', { defaultValue: code });
}

/** A rule field's value as the reader sees it. */
function useRuleValue() {
  const { t } = useTranslation();
  return (field: RuleField | SettingField, value: string | number | null | undefined): string => {
    if (value === null || value === undefined)
      return field === 'withinDays' ? t('creditAdmin.rules.withinDaysAny') : t('creditAdmin.rules.none');
    if (field === 'condition') return t(`enums.RuleCondition.${value as RuleCondition}`);
    if (field === 'category') return t(`enums.RecordCategory.${value as RecordCategory}`);
    if (field === 'forcesLevel') return t(`enums.CreditLevel.${value as CreditLevel}`);
    if (field === 'scoreDelta' && typeof value === 'number' && value > 0) return `+${value}`;
    return String(value);
  };
}

function RulesTable({ rules }: { rules: readonly Rule[] }) {
  const { t } = useTranslation();
  const show = useRuleValue();
  const ruleCode = useRuleCode();
  return (
    <Table<Rule>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={[...rules]}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('creditAdmin.rules.empty') }}
      columns={[
        { title: t('creditAdmin.rules.code'), dataIndex: 'code', width: 140, render: (code: string) => ruleCode(code) },
        { title: t('creditAdmin.rules.name'), dataIndex: 'name' },
        { title: t('creditAdmin.rules.condition'), dataIndex: 'condition', width: 160, render: (v: RuleCondition) => show('condition', v) },
        {
          title: t('creditAdmin.rules.category'),
          dataIndex: 'category',
          width: 110,
          render: (v: RecordCategory | null) => show('category', v),
        },
        { title: t('creditAdmin.rules.minCount'), dataIndex: 'minCount', width: 110 },
        {
          title: t('creditAdmin.rules.withinDays'),
          dataIndex: 'withinDays',
          width: 100,
          render: (v: number | null) => show('withinDays', v),
        },
        { title: t('creditAdmin.rules.scoreDelta'), dataIndex: 'scoreDelta', width: 90, render: (v: number) => show('scoreDelta', v) },
        {
          title: t('creditAdmin.rules.forcesLevel'),
          dataIndex: 'forcesLevel',
          width: 110,
          render: (v: CreditLevel | null) =>
            v ? <Tag color={v === 'DISHONEST' ? 'red' : 'green'}>{show('forcesLevel', v)}</Tag> : show('forcesLevel', v),
        },
      ]}
    />
  );
}

function RuleSetSummary({ set }: { set: RuleSet }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('creditAdmin.rules.baseScore')}>{set.baseScore}</Descriptions.Item>
      <Descriptions.Item label={t('creditAdmin.rules.trustworthyMinScore')}>{set.trustworthyMinScore}</Descriptions.Item>
      <Descriptions.Item label={t('creditAdmin.rules.dishonestBelowScore')}>{set.dishonestBelowScore}</Descriptions.Item>
      <Descriptions.Item label={t('creditAdmin.rules.publishedBy')}>
        {set.publishedByName ?? t('creditAdmin.rules.builtIn')}
      </Descriptions.Item>
      <Descriptions.Item label={t('creditAdmin.rules.publishedAt')}>{formatDateTime(set.publishedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('creditAdmin.rules.note')}>{set.note}</Descriptions.Item>
    </Descriptions>
  );
}

/** What changed between two versions: settings, then rules added, removed and changed. */
export function RuleSetDiffView({ before, after }: { before: RuleSet; after: RuleSet }) {
  const { t } = useTranslation();
  const show = useRuleValue();
  const ruleCode = useRuleCode();
  const diff = diffRuleSets(before, after);
  const label = (field: RuleField | SettingField) => t(`creditAdmin.rules.${field}`);
  if (isEmptyDiff(diff)) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('creditAdmin.rules.noChanges')} />;
  const changeRows = [
    ...diff.settings.map((c) => ({
      key: `s-${c.field}`,
      kind: t('creditAdmin.rules.setting'),
      what: label(c.field),
      before: show(c.field, c.before),
      after: show(c.field, c.after),
    })),
    ...diff.added.map((r) => ({
      key: `a-${r.code}`,
      kind: t('creditAdmin.rules.added'),
      what: `${ruleCode(r.code)} ${r.name}`,
      before: '',
      after: `${show('condition', r.condition)}，${label('scoreDelta')} ${show('scoreDelta', r.scoreDelta)}`,
    })),
    ...diff.removed.map((r) => ({
      key: `r-${r.code}`,
      kind: t('creditAdmin.rules.removed'),
      what: `${ruleCode(r.code)} ${r.name}`,
      before: `${show('condition', r.condition)}，${label('scoreDelta')} ${show('scoreDelta', r.scoreDelta)}`,
      after: '',
    })),
    ...diff.changed.flatMap((r) =>
      r.changes.map((c) => ({
        key: `c-${r.code}-${c.field}`,
        kind: t('creditAdmin.rules.changed'),
        what: `${ruleCode(r.code)} ${r.name} · ${label(c.field)}`,
        before: show(c.field, c.before),
        after: show(c.field, c.after),
      })),
    ),
  ];
  const colour: Record<string, string> = {
    [t('creditAdmin.rules.added')]: 'green',
    [t('creditAdmin.rules.removed')]: 'red',
    [t('creditAdmin.rules.changed')]: 'blue',
  };
  return (
    <Table
      data-testid="rule-diff"
      size="small"
      pagination={false}
      dataSource={changeRows}
      columns={[
        { title: '', dataIndex: 'kind', width: 100, render: (k: string) => <Tag color={colour[k] ?? 'default'}>{k}</Tag> },
        { title: t('creditAdmin.rules.field'), dataIndex: 'what' },
        { title: t('creditAdmin.rules.before'), dataIndex: 'before', width: 220 },
        { title: t('creditAdmin.rules.after'), dataIndex: 'after', width: 220 },
      ]}
    />
  );
}

/** Server errors onto the editor's fields; the rest is returned for the alert above the form. */
function placeErrors(form: Pick<FormInstance, 'setFields'>, errors: readonly FieldErrorData[]): FieldErrorData[] {
  const { fields, rest } = placeRuleSetErrors(errors);
  form.setFields(fields);
  return rest;
}

function RuleSetEditor({ base, onPublished, onCancel }: { base: RuleSet; onPublished: (set: RuleSet) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const versionText = useVersionText();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<RuleSetValues>();
  const [{ fetching }, publish] = useMutation(PUBLISH_CREDIT_RULES_MUTATION);
  const [problems, setProblems] = useState<string[]>([]);
  const required = { required: true, message: t('common.required') };
  const text = { required: true, whitespace: true, message: t('common.required') };

  async function send(values: RuleSetValues) {
    setProblems([]);
    const result = await publish({ input: valuesToInput(values) });
    const outcome = result.data?.publishCreditRules;
    if (outcome?.__typename === 'CreditRuleSet') {
      void message.success(t('creditAdmin.rules.published', { version: String(outcome.version) }));
      onPublished(outcome);
    } else if (outcome?.__typename === 'ValidationErrors') {
      setProblems(placeErrors(form, outcome.errors).map((e) => e.message));
      void message.error(t('common.formHasErrors'));
    } else {
      setProblems([result.error?.graphQLErrors[0]?.message ?? t('common.serverError')]);
    }
  }

  async function onPublish() {
    let values: RuleSetValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    modal.confirm({
      title: t('creditAdmin.rules.publishConfirm'),
      okText: t('creditAdmin.rules.publish'),
      cancelText: t('common.cancel'),
      onOk: () => send(values),
    });
  }

  return (
    <Card title={t('creditAdmin.rules.editing', { version: versionText(base.version) })} data-testid="rule-editor">
      {problems.length > 0 && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={problems.join('；')} />}
      <Form<RuleSetValues> form={form} name="creditRules" layout="vertical" initialValues={ruleSetToValues(base)}>
        <Space wrap align="start">
          <Form.Item label={t('creditAdmin.rules.baseScore')} name="baseScore" rules={[required]}>
            <InputNumber precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label={t('creditAdmin.rules.trustworthyMinScore')} name="trustworthyMinScore" rules={[required]}>
            <InputNumber precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            label={t('creditAdmin.rules.dishonestBelowScore')}
            name="dishonestBelowScore"
            dependencies={['trustworthyMinScore']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: async (_, value: number | null) => {
                  const top = getFieldValue('trustworthyMinScore') as number | null;
                  if (value != null && top != null && value > top) throw new Error(t('creditAdmin.rules.dishonestAboveTrustworthy'));
                },
              }),
            ]}
          >
            <InputNumber precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label={t('creditAdmin.rules.note')} name="note" style={{ minWidth: 320 }}>
            <Input maxLength={500} />
          </Form.Item>
        </Space>
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map(({ key, name }) => (
                <Card
                  key={key}
                  size="small"
                  data-testid={`rule-${name}`}
                  extra={
                    <Button size="small" danger onClick={() => remove(name)}>
                      {t('creditAdmin.rules.removeRule')}
                    </Button>
                  }
                >
                  <Space wrap align="start" size={[8, 0]}>
                    <Form.Item
                      label={t('creditAdmin.rules.code')}
                      name={[name, 'code']}
                      dependencies={fields.filter((f) => f.name !== name).map((f) => ['rules', f.name, 'code'])}
                      rules={[
                        text,
                        ({ getFieldValue }) => ({
                          validator: async (_, value: string | undefined) => {
                            const rules = getFieldValue('rules') as RuleSetValues['rules'];
                            if (value && duplicateCodes(rules).has(value.trim())) throw new Error(t('creditAdmin.rules.duplicateCode'));
                          },
                        }),
                      ]}
                    >
                      <Input style={{ width: 140 }} maxLength={40} />
                    </Form.Item>
                    <Form.Item label={t('creditAdmin.rules.name')} name={[name, 'name']} rules={[text]}>
                      <Input style={{ width: 170 }} maxLength={100} />
                    </Form.Item>
                    <Form.Item label={t('creditAdmin.rules.condition')} name={[name, 'condition']} rules={[required]}>
                      <Select
                        style={{ width: 160 }}
                        options={CONDITIONS.map((c) => ({ value: c, label: t(`enums.RuleCondition.${c}`) }))}
                      />
                    </Form.Item>
                    <Form.Item noStyle dependencies={[['rules', name, 'condition']]}>
                      {({ getFieldValue }) => {
                        const listCondition = getFieldValue(['rules', name, 'condition']) === 'JOINT_PUNISHMENT';
                        return (
                          <Form.Item
                            label={t('creditAdmin.rules.category')}
                            name={[name, 'category']}
                            rules={listCondition ? [] : [{ required: true, message: t('creditAdmin.rules.categoryRequired') }]}
                          >
                            <Select
                              allowClear
                              disabled={listCondition}
                              style={{ width: 130 }}
                              options={CATEGORIES.map((c) => ({ value: c, label: t(`enums.RecordCategory.${c}`) }))}
                            />
                          </Form.Item>
                        );
                      }}
                    </Form.Item>
                    <Form.Item
                      label={t('creditAdmin.rules.minCount')}
                      name={[name, 'minCount']}
                      rules={[required, { type: 'number', min: 1, message: t('creditAdmin.rules.atLeastOne') }]}
                    >
                      <InputNumber precision={0} style={{ width: 100 }} />
                    </Form.Item>
                    <Form.Item
                      label={t('creditAdmin.rules.withinDays')}
                      name={[name, 'withinDays']}
                      rules={[{ type: 'number', min: 1, message: t('creditAdmin.rules.atLeastOne') }]}
                    >
                      <InputNumber precision={0} style={{ width: 100 }} placeholder={t('creditAdmin.rules.withinDaysAny')} />
                    </Form.Item>
                    <Form.Item label={t('creditAdmin.rules.scoreDelta')} name={[name, 'scoreDelta']} rules={[required]}>
                      <InputNumber precision={0} style={{ width: 90 }} />
                    </Form.Item>
                    <Form.Item label={t('creditAdmin.rules.forcesLevel')} name={[name, 'forcesLevel']}>
                      <Select
                        allowClear
                        style={{ width: 110 }}
                        placeholder={t('creditAdmin.rules.none')}
                        options={LEVELS.map((l) => ({ value: l, label: t(`enums.CreditLevel.${l}`) }))}
                      />
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Button onClick={() => add({ condition: 'RECORD_COUNT', minCount: 1, scoreDelta: 0 })}>
                {t('creditAdmin.rules.addRule')}
              </Button>
            </Space>
          )}
        </Form.List>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" loading={fetching} onClick={() => void onPublish()}>
            {t('creditAdmin.rules.publish')}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

const DAY_MS = 86_400_000;

/** 规则: the rule set in force, its versions, what changed between two, and a new version. */
export function RulesTab({ writes }: { writes: boolean }) {
  const { t } = useTranslation();
  const versionText = useVersionText();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CREDIT_RULES_QUERY });
  const [editing, setEditing] = useState(false);
  const [compare, setCompare] = useState<{ from?: number; to?: number }>({});
  const current = data?.creditRules ?? null;
  const versions = data?.creditRuleVersions ?? [];
  // within=N (URL): the versions published in the last N days, as creditRuleChangeCount counts
  // them (every version is loaded, so the table filters here).
  const [withinParam, setWithin] = useUrlParam('within');
  const within = /^\d{1,3}$/.test(withinParam ?? '') ? (withinParam ?? '') : '';
  const shown = within
    ? versions.filter((v) => Boolean(v.publishedAt) && Date.parse(v.publishedAt ?? '') >= Date.now() - Number(within) * DAY_MS)
    : versions;
  const to = versions.find((v) => v.version === (compare.to ?? versions[0]?.version));
  const from = versions.find((v) => v.version === (compare.from ?? versions[1]?.version));
  const options = versions.map((v) => ({ value: v.version, label: versionText(v.version) }));

  if (fetching && !data) return <Skeleton active />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      {editing && current ? (
        <RuleSetEditor
          base={current}
          onCancel={() => setEditing(false)}
          onPublished={(published) => {
            setEditing(false);
            setCompare({ from: current.version, to: published.version });
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      ) : (
        current && (
          <Card
            title={t('creditAdmin.rules.current', { version: versionText(current.version) })}
            data-testid="current-rules"
            extra={
              writes && (
                <Button type="primary" onClick={() => setEditing(true)}>
                  {t('creditAdmin.rules.edit')}
                </Button>
              )
            }
          >
            <RuleSetSummary set={current} />
            <RulesTable rules={current.rules} />
          </Card>
        )
      )}
      <Card
        title={t('creditAdmin.rules.versions')}
        data-testid="rule-versions"
        extra={
          <DaysSelect
            label={t('creditAdmin.rules.publishedWithin')}
            anyText={t('creditAdmin.rules.publishedAny')}
            dayText={(days) => t('creditAdmin.rules.publishedWithinDays', { days })}
            value={within}
            onChange={setWithin}
            width={180}
          />
        }
      >
        <Table<RuleSet>
          rowKey="version"
          size="small"
          pagination={shown.length > 10 ? { pageSize: 10 } : false}
          dataSource={shown}
          locale={{ emptyText: t('common.empty') }}
          expandable={{ expandedRowRender: (v) => <RulesTable rules={v.rules} /> }}
          columns={[
            { title: t('creditAdmin.rules.version'), dataIndex: 'version', width: 200, render: (_: number, v) => versionText(v.version) },
            { title: t('creditAdmin.rules.publishedAt'), dataIndex: 'publishedAt', width: 160, render: formatDateTime },
            {
              title: t('creditAdmin.rules.publishedBy'),
              dataIndex: 'publishedByName',
              width: 140,
              render: (name: string | null) => name ?? t('creditAdmin.rules.builtIn'),
            },
            { title: t('creditAdmin.rules.ruleCount'), key: 'count', width: 80, render: (_, v) => v.rules.length },
            { title: t('creditAdmin.rules.note'), dataIndex: 'note' },
          ]}
        />
      </Card>
      {versions.length > 1 && (
        <Card title={t('creditAdmin.rules.compare')} data-testid="rule-compare">
          <Space wrap style={{ marginBottom: 12 }}>
            <Typography.Text>{t('creditAdmin.rules.compareFrom')}</Typography.Text>
            <Select
              aria-label={t('creditAdmin.rules.compareFrom')}
              style={{ width: 200 }}
              value={from?.version}
              options={options}
              onChange={(v: number) => setCompare((c) => ({ ...c, from: v }))}
            />
            <Typography.Text>{t('creditAdmin.rules.compareTo')}</Typography.Text>
            <Select
              aria-label={t('creditAdmin.rules.compareTo')}
              style={{ width: 200 }}
              value={to?.version}
              options={options}
              onChange={(v: number) => setCompare((c) => ({ ...c, to: v }))}
            />
          </Space>
          {from && to && (
            <>
              <Typography.Paragraph strong>
                {t('creditAdmin.rules.changes', { from: versionText(from.version), to: versionText(to.version) })}
              </Typography.Paragraph>
              <RuleSetDiffView before={from} after={to} />
            </>
          )}
        </Card>
      )}
    </Space>
  );
}
