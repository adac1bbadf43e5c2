import { App, Button, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { DEPARTMENT_NAMES_QUERY } from '@/app/queries';
import { FormPage } from '@/components/FormPage';
import { useServerForm } from '@/components/useServerForm';
import type { AgendaKind, EscalationKind } from '@/graphql/graphql';
import { attachmentProblem, fileToBase64 } from '@/lib/coordination';

import { RAISE_ESCALATION_MUTATION } from './queries';

const KINDS: EscalationKind[] = ['RESPONSIBILITY_DISPUTE', 'MAJOR_APPROVAL', 'POLICY_CONFLICT', 'OTHER'];
const REF_KINDS: AgendaKind[] = ['LINKAGE', 'APPLICATION', 'FINDING', 'POLICY_NOTICE', 'OTHER'];

interface RaiseValues {
  kind: EscalationKind;
  title: string;
  statement: string;
  partyDepartmentIds?: string[];
  refKind?: AgendaKind;
  refId?: string;
}

/** 提请市协调小组研究: kind, statement, departments concerned, what it concerns, attachments. */
export default function EscalationCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<RaiseValues>(['kind', 'title', 'statement', 'partyDepartmentIds', 'refKind', 'refId']);
  const [{ data: depts }] = useQuery({ query: DEPARTMENT_NAMES_QUERY });
  const [{ fetching }, raise] = useMutation(RAISE_ESCALATION_MUTATION);
  const [files, setFiles] = useState<File[]>([]);
  const [fileProblems, setFileProblems] = useState<string[]>([]);

  function onFiles(list: FileList | null) {
    const chosen = Array.from(list ?? []);
    const bad = chosen.flatMap((f) => {
      const problem = attachmentProblem(f);
      if (problem === 'TOO_LARGE') return [t('coordination.escalations.attachmentTooLarge', { name: f.name })];
      if (problem === 'TYPE') return [t('coordination.escalations.attachmentType', { name: f.name })];
      return [];
    });
    setFileProblems(bad);
    setFiles(chosen.filter((f) => attachmentProblem(f) === null));
  }

  async function onFinish(values: RaiseValues) {
    const attachments = await Promise.all(files.map(async (f) => ({ filename: f.name, contentBase64: await fileToBase64(f) })));
    const result = await raise({
      input: {
        kind: values.kind,
        title: values.title.trim(),
        statement: values.statement.trim(),
        partyDepartmentIds: values.partyDepartmentIds ?? [],
        refKind: values.refKind ?? null,
        refId: values.refId?.trim() || null,
        attachments,
      },
    });
    const escalation = handle(result, result.data?.raiseEscalation);
    if (escalation?.__typename === 'Escalation') {
      void message.success(t('coordination.escalations.raised'));
      navigate(`/escalations/${escalation.id}`);
    }
  }

  return (
    <FormPage title={t('coordination.escalations.raise')} problems={problems}>
      <Form<RaiseValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
        <Form.Item
          label={t('coordination.escalations.kind')}
          name="kind"
          rules={[{ required: true, message: t('coordination.escalations.kindRequired') }]}
        >
          <Select options={KINDS.map((k) => ({ value: k, label: t(`coordination.enums.EscalationKind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('coordination.escalations.escalationTitle')}
          name="title"
          rules={[{ required: true, whitespace: true, message: t('coordination.escalations.titleRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label={t('coordination.escalations.statement')}
          name="statement"
          rules={[{ required: true, whitespace: true, message: t('coordination.escalations.statementRequired') }]}
        >
          <Input.TextArea rows={5} />
        </Form.Item>
        <Form.Item label={t('coordination.escalations.parties')} name="partyDepartmentIds">
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            options={(depts?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label={t('coordination.escalations.refKind')} name="refKind">
            <Select
              allowClear
              style={{ width: 180 }}
              options={REF_KINDS.map((k) => ({ value: k, label: t(`coordination.enums.AgendaKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('coordination.escalations.refId')} name="refId">
            <Input style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Form.Item
          label={t('coordination.escalations.addAttachment')}
          validateStatus={fileProblems.length > 0 ? 'error' : undefined}
          help={fileProblems.length > 0 ? fileProblems.join('；') : undefined}
        >
          <input
            type="file"
            multiple
            accept="application/pdf,image/png,image/jpeg"
            aria-label={t('coordination.escalations.addAttachment')}
            onChange={(e) => onFiles(e.target.files)}
          />
        </Form.Item>
        {files.length > 0 && <Typography.Paragraph type="secondary">{files.map((f) => f.name).join('、')}</Typography.Paragraph>}
        <Space>
          <Button type="primary" htmlType="submit" loading={fetching}>
            {t('common.submit')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </FormPage>
  );
}
