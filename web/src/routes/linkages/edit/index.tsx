import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Result, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { ME_QUERY } from '@/app/queries';
import { FormPage } from '@/components/FormPage';
import { MatterPicker, type PickedMatter } from '@/components/MatterPicker';
import { useServerForm } from '@/components/useServerForm';
import type { LinkageFormDepartmentsQuery, MatterKind } from '@/graphql/graphql';
import { useAccess } from '@/providers/access/AccessProvider';
import { canCreateLinkage, canEditLinkage } from '@/routes/linkages/access';
import {
  DEFAULT_SHARING,
  inputFromValues,
  LINKAGE_FIELDS,
  MAX_DAYS,
  needsBasisDocument,
  PRINCIPLES,
  valuesFromLinkage,
  type LinkageValues,
} from '@/routes/linkages/linkageForm';

import { BasisDocumentUpload, type UploadedBasisDocument } from './BasisDocumentUpload';
import { LINKAGE_CREATE_MUTATION, LINKAGE_EDIT_QUERY, LINKAGE_FORM_DEPARTMENTS_QUERY, LINKAGE_UPDATE_MUTATION } from './queries';

type Department = LinkageFormDepartmentsQuery['departments'][number];
type Side = 'approving' | 'supervising';
type DocumentSummary = Pick<UploadedBasisDocument, 'id' | 'kind' | 'number' | 'signedOn' | 'parties' | 'fileName'>;

/** Form.Item hands value/onChange to its child: MatterPicker with a kind and the chosen matter's name. */
function MatterField({
  value,
  onChange,
  ariaLabel,
  kind,
  current,
  onPick,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  ariaLabel: string;
  kind: MatterKind;
  current?: PickedMatter | null;
  onPick?: (m: PickedMatter | undefined) => void;
}) {
  return (
    <MatterPicker
      value={value}
      onChange={(v) => onChange?.(v)}
      ariaLabel={ariaLabel}
      kind={kind}
      current={current}
      onPick={onPick}
      allowClear={false}
    />
  );
}

/** Department → section → responsible person of one side. */
function SideFields({ side, departments }: { side: Side; departments: readonly Department[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<LinkageValues>();
  const departmentId = Form.useWatch(`${side}DepartmentId`, form);
  const sectionId = Form.useWatch(`${side}SectionId`, form);
  const department = departments.find((d) => d.id === departmentId);
  const section = department?.sections.find((s) => s.id === sectionId);
  const label = (key: 'Department' | 'Section' | 'Person') => t(`linkage.${side}${key}`);
  return (
    <>
      <Form.Item
        label={label('Department')}
        name={`${side}DepartmentId`}
        rules={[{ required: true, message: t('linkage.departmentRequired') }]}
      >
        <Select
          aria-label={label('Department')}
          showSearch
          optionFilterProp="label"
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
          onChange={(id: string) => {
            const sections = departments.find((d) => d.id === id)?.sections ?? [];
            // A department with one section: take it.
            form.setFieldsValue({
              [`${side}SectionId`]: sections.length === 1 ? sections[0]?.id : undefined,
              [`${side}PersonId`]: undefined,
            });
          }}
        />
      </Form.Item>
      <Form.Item label={label('Section')} name={`${side}SectionId`} rules={[{ required: true, message: t('linkage.sectionRequired') }]}>
        <Select
          aria-label={label('Section')}
          disabled={!department}
          placeholder={department ? undefined : t('linkage.pickDepartmentFirst')}
          options={(department?.sections ?? []).map((s) => ({ value: s.id, label: s.name }))}
          onChange={() => form.setFieldsValue({ [`${side}PersonId`]: undefined })}
        />
      </Form.Item>
      <Form.Item label={label('Person')} name={`${side}PersonId`} rules={[{ required: true, message: t('linkage.personRequired') }]}>
        <Select
          aria-label={label('Person')}
          disabled={!section}
          placeholder={section ? undefined : t('linkage.pickSectionFirst')}
          options={(section?.people ?? []).map((p) => ({
            value: p.id,
            label: [p.name, p.role, p.officePhone].filter(Boolean).join(' · '),
          }))}
        />
      </Form.Item>
    </>
  );
}

/** The basis document chosen for the linkage: its summary, upload / replace, or none. */
function BasisField({
  value,
  onChange,
  documents,
  onOpenUpload,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  documents: Record<string, DocumentSummary>;
  onOpenUpload: () => void;
}) {
  const { t } = useTranslation();
  const doc = value ? documents[value] : undefined;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text data-testid="basis-document" type={doc ? undefined : 'secondary'}>
        {doc
          ? `${t('linkage.basisSummary', { kind: t(`enums.BasisKind.${doc.kind}`), number: doc.number, signedOn: doc.signedOn, parties: doc.parties })} · ${doc.fileName}`
          : t('linkage.basisNone')}
      </Typography.Text>
      <Space>
        <Button onClick={onOpenUpload}>{doc ? t('linkage.basisReplace') : t('linkage.basisUpload')}</Button>
        {doc && <Button onClick={() => onChange?.(null)}>{t('linkage.basisRemove')}</Button>}
      </Space>
    </Space>
  );
}

/** 新建 / 修改联动事项 (`/linkages/new`, `/linkages/:id/edit`): written by the approving department. */
export default function LinkageEditPage() {
  const { id } = useParams();
  const editing = Boolean(id);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { form, problems, handle } = useServerForm<LinkageValues>(LINKAGE_FIELDS);
  const [{ data: meData }] = useQuery({ query: ME_QUERY });
  const access = useAccess();
  const me = meData?.me;
  const [{ data: deptData, fetching: deptFetching }] = useQuery({ query: LINKAGE_FORM_DEPARTMENTS_QUERY });
  const [{ data: linkageData, fetching: linkageFetching }] = useQuery({
    query: LINKAGE_EDIT_QUERY,
    variables: { id: id ?? '' },
    pause: !editing,
    requestPolicy: 'network-only',
  });
  const [{ fetching: creating }, createLinkage] = useMutation(LINKAGE_CREATE_MUTATION);
  const [{ fetching: updating }, updateLinkage] = useMutation(LINKAGE_UPDATE_MUTATION);
  const [uploadOpen, setUploadOpen] = useState(false);
  const [documents, setDocuments] = useState<Record<string, DocumentSummary>>({});
  const [loaded, setLoaded] = useState(false);
  const departments = useMemo(() => deptData?.departments ?? [], [deptData]);
  const linkage = linkageData?.linkage;

  // Fill the form once: the linkage being edited, or the caller's own department for a new one.
  useEffect(() => {
    if (loaded) return;
    if (editing && linkage) {
      form.setFieldsValue(valuesFromLinkage(linkage));
      if (linkage.basisDocument) setDocuments((d) => ({ ...d, [linkage.basisDocument!.id]: linkage.basisDocument! }));
      setLoaded(true);
    } else if (!editing && me && deptData) {
      const sections = deptData.departments.find((d) => d.id === me.departmentId)?.sections ?? [];
      form.setFieldsValue({
        ...DEFAULT_SHARING,
        approvingDepartmentId: me.departmentId,
        approvingSectionId: sections.length === 1 ? sections[0]?.id : undefined,
      });
      setLoaded(true);
    }
  }, [editing, linkage, me, deptData, loaded, form]);

  const approvingId = Form.useWatch('approvingDepartmentId', form);
  const supervisingId = Form.useWatch('supervisingDepartmentId', form);
  const approving = departments.find((d) => d.id === approvingId);
  const supervising = departments.find((d) => d.id === supervisingId);
  const basisNeeded = needsBasisDocument(approving, supervising);

  if ((editing && linkageFetching && !linkageData) || deptFetching || !me) return <Skeleton active />;
  if (editing && !linkage) return <Result status="404" title={t('linkage.notFound')} />;
  const allowed = editing && linkage ? canEditLinkage(access, linkage) : canCreateLinkage(access);
  if (!allowed) return <Result status="403" title={t('common.notFoundObject')} />;

  async function onFinish(values: LinkageValues) {
    const input = inputFromValues(values);
    if (editing && id) {
      const result = await updateLinkage({ id, input });
      if (handle(result, result.data?.updateLinkage)) {
        void message.success(t('linkage.saved'));
        navigate(`/linkages/${id}`);
      }
    } else {
      const result = await createLinkage({ input });
      const created = handle(result, result.data?.createLinkage);
      if (created?.__typename === 'Linkage') {
        void message.success(t('linkage.created'));
        navigate(`/linkages/${created.id}`);
      }
    }
  }

  return (
    <FormPage title={editing ? t('linkage.edit') : t('linkage.create')} problems={problems}>
      {editing && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('linkage.editRequiresConfirm')} />}
      <Form<LinkageValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={DEFAULT_SHARING}>
        <Row gutter={16}>
          <Col span={24}>
            <Card size="small" title={t('linkage.approvalSide')} style={{ marginBottom: 16 }}>
              <Form.Item
                label={t('linkage.approvalMatter')}
                name="approvalMatterId"
                rules={[{ required: true, message: t('linkage.matterRequired') }]}
              >
                <MatterField ariaLabel={t('linkage.approvalMatter')} kind="APPROVAL" current={linkage?.approvalMatter} />
              </Form.Item>
              <SideFields side="approving" departments={departments} />
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small" title={t('linkage.supervisionSide')} style={{ marginBottom: 16 }}>
              <Form.Item
                label={t('linkage.supervisionMatter')}
                name="supervisionMatterId"
                rules={[{ required: true, message: t('linkage.matterRequired') }]}
              >
                <MatterField
                  ariaLabel={t('linkage.supervisionMatter')}
                  kind="SUPERVISION"
                  current={linkage?.supervisionMatter}
                  onPick={(m) => {
                    // The supervision matter's own department supervises, unless the user says otherwise.
                    const deptId = m?.department?.id;
                    if (!deptId || deptId === form.getFieldValue('supervisingDepartmentId')) return;
                    const sections = departments.find((d) => d.id === deptId)?.sections ?? [];
                    form.setFieldsValue({
                      supervisingDepartmentId: deptId,
                      supervisingSectionId: sections.length === 1 ? sections[0]?.id : undefined,
                      supervisingPersonId: undefined,
                    });
                  }}
                />
              </Form.Item>
              <SideFields side="supervising" departments={departments} />
            </Card>
          </Col>
        </Row>
        <Form.Item
          label={t('linkage.principles')}
          name="principles"
          extra={t('linkage.principlesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('linkage.principleRequired') }]}
        >
          <Checkbox.Group options={PRINCIPLES.map((p) => ({ value: p, label: t(`enums.Principle.${p}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('linkage.basis')}
          name="basisDocumentId"
          required={basisNeeded}
          extra={basisNeeded ? t('linkage.basisRequired') : t('linkage.basisOptional')}
          rules={[
            {
              validator: (_, v: string | null | undefined) =>
                basisNeeded && !v ? Promise.reject(new Error(t('linkage.basisMissing'))) : Promise.resolve(),
            },
          ]}
        >
          <BasisField documents={documents} onOpenUpload={() => setUploadOpen(true)} />
        </Form.Item>
        <Card size="small" title={t('linkage.sharing')} style={{ marginBottom: 16 }}>
          <Form.Item
            label={t('linkage.dataScope')}
            name="dataScope"
            rules={[{ required: true, whitespace: true, message: t('linkage.textRequired') }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('linkage.channel')} name="channel" rules={[{ required: true }]}>
                <Select
                  aria-label={t('linkage.channel')}
                  options={(['ONLINE', 'OWN_SYSTEM', 'LETTER', 'JOINT_MEETING'] as const).map((c) => ({
                    value: c,
                    label: t(`enums.SharingChannel.${c}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('linkage.confidentiality')} name="confidentiality" rules={[{ required: true }]}>
                <Select
                  aria-label={t('linkage.confidentiality')}
                  options={(['PUBLIC', 'INTERNAL', 'RESTRICTED'] as const).map((c) => ({
                    value: c,
                    label: t(`enums.Confidentiality.${c}`),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            label={t('followUp.reviewMode.label')}
            name="reviewMode"
            extra={t('followUp.reviewMode.hint')}
            rules={[{ required: true }]}
          >
            <Select
              aria-label={t('followUp.reviewMode.label')}
              options={(['AFTER_APPROVAL', 'EARLY_INVOLVEMENT', 'PARALLEL_REVIEW'] as const).map((m) => ({
                value: m,
                label: t(`enums.ReviewMode.${m}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            label={t('linkage.procedure')}
            name="procedure"
            rules={[{ required: true, whitespace: true, message: t('linkage.textRequired') }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                label={t('linkage.claimDays')}
                name="claimDays"
                rules={[
                  { required: true, type: 'integer', min: 1, max: MAX_DAYS, message: t('linkage.daysRange', { max: String(MAX_DAYS) }) },
                ]}
              >
                <InputNumber aria-label={t('linkage.claimDays')} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label={t('linkage.feedbackDays')}
                name="feedbackDays"
                rules={[
                  { required: true, type: 'integer', min: 1, max: MAX_DAYS, message: t('linkage.daysRange', { max: String(MAX_DAYS) }) },
                ]}
              >
                <InputNumber aria-label={t('linkage.feedbackDays')} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label={t('linkage.frequency')}
                name="frequency"
                rules={[{ required: true, whitespace: true, message: t('linkage.textRequired') }]}
              >
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={creating || updating}>
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate(editing && id ? `/linkages/${id}` : '/linkages')}>{t('common.cancel')}</Button>
        </Space>
      </Form>
      <BasisDocumentUpload
        open={uploadOpen}
        onClose={() => setUploadOpen(false)}
        defaultParties={[approving?.name, supervising?.name].filter(Boolean).join('、')}
        onUploaded={(doc) => {
          setDocuments((d) => ({ ...d, [doc.id]: doc }));
          form.setFieldsValue({ basisDocumentId: doc.id });
          void form.validateFields(['basisDocumentId']);
        }}
      />
    </FormPage>
  );
}
