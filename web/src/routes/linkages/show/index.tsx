import { App, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';

import { formatDateTime } from '@/components/format';
import { CrossTags, PrincipleTags, RepealedTag } from '@/components/LinkageFlags';
import type { LinkagePushesQuery, LinkageShowQuery } from '@/graphql/graphql';
import { useAccess } from '@/providers/access/AccessProvider';
import { canConfirmLinkage, canEditLinkage } from '@/routes/linkages/access';
import { ChangeHistory } from '@/routes/linkages/ChangeHistory';
import { publicationHistory, pushesUnderLinkage } from '@/routes/linkages/linkageForm';
import { LINKAGE_CONFIRM_MUTATION } from '@/routes/linkages/queries';

import {
  BASIS_DOCUMENT_FILE_QUERY,
  LINKAGE_DELETE_MUTATION,
  LINKAGE_PUSHES_QUERY,
  LINKAGE_REMOVAL_MUTATION,
  LINKAGE_SHOW_QUERY,
  LINKAGE_VERSIONS_QUERY,
} from './queries';

type Shown = NonNullable<LinkageShowQuery['linkage']>;
type Person = NonNullable<Shown['approvingPerson']>;
type PushRow = LinkagePushesQuery['applications'][number]['pushes'][number] & { applicationId: string; applicantName: string };

const RECENT_PUSHES = 10;

function download(fileName: string, contentType: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

function PersonText({ person }: { person: Person | null | undefined }) {
  const { t } = useTranslation();
  if (!person) return null;
  return (
    <span>
      {person.name}
      {person.role && `（${person.role}）`}
      {person.officePhone && ` · ${t('linkage.officePhone')} ${person.officePhone}`}
      {person.mobile && ` · ${t('linkage.mobile')} ${person.mobile}`}
    </span>
  );
}

/** Pushes made under this linkage: the approval matter's applications pushed with it as a responsibility. */
function RecentPushes({ linkage }: { linkage: Shown }) {
  const { t } = useTranslation();
  const matterId = linkage.approvalMatter?.id;
  const [{ data, fetching, error }] = useQuery({ query: LINKAGE_PUSHES_QUERY, variables: { matterId: matterId ?? '' }, pause: !matterId });
  const rows = useMemo<PushRow[]>(
    () =>
      pushesUnderLinkage(linkage, data?.applications ?? [], RECENT_PUSHES).map((p) => ({
        ...p,
        applicationId: p.application.id,
        applicantName: p.application.applicantName,
      })),
    [data, linkage],
  );
  return (
    <Card title={t('linkage.pushes')} data-testid="linkage-pushes">
      <Typography.Paragraph type="secondary">{t('linkage.pushesHint', { count: RECENT_PUSHES })}</Typography.Paragraph>
      {error ? (
        <Typography.Text type="secondary">{error.graphQLErrors[0]?.message ?? t('common.serverError')}</Typography.Text>
      ) : (
        <Table<PushRow>
          rowKey="id"
          size="small"
          loading={fetching && !data}
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: <Empty description={t('linkage.pushesEmpty')} /> }}
          columns={[
            { title: t('linkage.pushedAt'), dataIndex: 'pushedAt', render: (v: string) => formatDateTime(v) },
            {
              title: t('linkage.applicant'),
              key: 'a',
              render: (_, p) => <Link to={`/applications/${p.applicationId}`}>{p.applicantName}</Link>,
            },
            { title: t('linkage.stage'), dataIndex: 'stage', render: (v: PushRow['stage']) => t(`enums.PushStage.${v}`) },
            { title: t('linkage.supervisingDepartment'), key: 'd', render: (_, p) => p.department.name },
            {
              title: t('linkage.pushState'),
              key: 's',
              render: (_, p) => (
                <Space size={4}>
                  {t(`enums.PushState.${p.state}`)}
                  {p.overdue && <Tag color="error">{t('inbox.overdue')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('linkage.feedbackState'),
              dataIndex: 'feedbackState',
              render: (v: PushRow['feedbackState']) => t(`enums.FeedbackState.${v}`),
            },
            { title: t('linkage.listVersion'), dataIndex: 'listVersion' },
          ]}
        />
      )}
    </Card>
  );
}

/** 联动事项详情 (`/linkages/:id`): both sides, sharing rules, basis document, confirmation, history, pushes. */
export default function LinkageShowPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useClient();
  const { message, modal } = App.useApp();
  const [{ data, fetching, error }] = useQuery({ query: LINKAGE_SHOW_QUERY, variables: { id } });
  const [{ data: versionData, fetching: versionsFetching, error: versionsError }] = useQuery({
    query: LINKAGE_VERSIONS_QUERY,
    requestPolicy: 'network-only',
  });
  const access = useAccess();
  const [{ fetching: confirming }, confirm] = useMutation(LINKAGE_CONFIRM_MUTATION);
  const [, deleteLinkage] = useMutation(LINKAGE_DELETE_MUTATION);
  const [, requestRemoval] = useMutation(LINKAGE_REMOVAL_MUTATION);
  const linkage = data?.linkage;
  const history = useMemo(() => publicationHistory(id, versionData?.publishedLinkageListVersions ?? []), [id, versionData]);

  if (fetching && !data) return <Skeleton active />;
  if (error) return <Result status="error" title={error.graphQLErrors[0]?.message ?? t('common.serverError')} />;
  if (!linkage) return <Result status="404" title={t('linkage.notFound')} extra={<Link to="/linkages">{t('linkage.back')}</Link>} />;

  const l = linkage;
  const mayEdit = canEditLinkage(access, l);
  const mayConfirm = canConfirmLinkage(access, l);
  const doc = l.basisDocument;

  async function onDownload(documentId: string) {
    const result = await client.query(BASIS_DOCUMENT_FILE_QUERY, { id: documentId }, { requestPolicy: 'network-only' }).toPromise();
    const file = result.data?.basisDocumentFile;
    if (file) download(file.fileName, file.contentType, file.contentBase64);
    else void message.error(result.error?.graphQLErrors[0]?.message ?? t('common.notFoundObject'));
  }

  async function onConfirm() {
    const result = await confirm({ id: l.id });
    const outcome = result.data?.confirmLinkage;
    if (outcome?.__typename === 'Linkage') void message.success(t('linkages.confirmedDone'));
    else
      void message.error(
        outcome?.__typename === 'ValidationErrors' ? outcome.errors.map((e) => e.message).join('；') : t('common.serverError'),
      );
  }

  function onDelete() {
    modal.confirm({
      title: t('linkage.deleteTitle'),
      content: t('linkage.deleteContent'),
      okText: t('linkage.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await deleteLinkage({ id: l.id });
        const outcome = result.data?.deleteLinkage;
        if (outcome?.__typename === 'DeletedLinkage') {
          void message.success(t('linkage.deleted'));
          navigate('/linkages');
        } else {
          void message.error(
            outcome?.__typename === 'ValidationErrors' ? outcome.errors.map((e) => e.message).join('；') : t('common.serverError'),
          );
        }
      },
    });
  }

  function onRequestRemoval() {
    modal.confirm({
      title: t('linkage.removalTitle'),
      content: t('linkage.removalContent'),
      okText: t('linkage.removal'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await requestRemoval({ id: l.id });
        const outcome = result.data?.requestLinkageRemoval;
        if (outcome?.__typename === 'Linkage') void message.success(t('linkage.removalDone'));
        else
          void message.error(
            outcome?.__typename === 'ValidationErrors' ? outcome.errors.map((e) => e.message).join('；') : t('common.serverError'),
          );
      },
    });
  }

  const published = history.length > 0 && history[0]?.change !== 'REMOVED';
  const matter = (m: Shown['approvalMatter']) => (m ? `${m.name}（${m.code}）` : '');

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('linkage.detail')}
        </Typography.Title>
        <Space wrap>
          <Link to="/linkages">{t('linkage.back')}</Link>
          {mayConfirm && (
            <Button type="primary" loading={confirming} onClick={() => void onConfirm()}>
              {t('linkages.confirm')}
            </Button>
          )}
          {mayEdit && <Button onClick={() => navigate(`/linkages/${l.id}/edit`)}>{t('linkage.edit')}</Button>}
          {mayEdit && !published && (
            <Button danger onClick={onDelete}>
              {t('linkage.delete')}
            </Button>
          )}
          {mayEdit && published && !l.removalRequestedAt && (
            <Button danger onClick={onRequestRemoval}>
              {t('linkage.removal')}
            </Button>
          )}
        </Space>
      </Space>

      <Card title={t('linkage.state')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('linkage.status')}>
            <span data-testid="linkage-state">
              <Tag color={l.status === 'CONFIRMED' ? 'success' : l.status === 'DRAFT' ? 'default' : 'warning'}>
                {t(`enums.LinkageStatus.${l.status}`)}
              </Tag>
              {l.removalRequestedAt && <Tag color="error">{t('linkage.removalRequested')}</Tag>}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('linkage.principle')}>
            <PrincipleTags principles={l.principles} />
          </Descriptions.Item>
          <Descriptions.Item label={t('linkage.flags')}>
            <span data-testid="linkage-flags">
              <CrossTags crossDepartment={l.crossDepartment} crossLevel={l.crossLevel} showSame />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('linkage.approvalConfirmedAt')}>{formatDateTime(l.approvalConfirmedAt) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('linkage.supervisionConfirmedAt')}>
            {formatDateTime(l.supervisionConfirmedAt) || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('linkage.createdAt')}>{formatDateTime(l.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('linkage.updatedAt')}>{formatDateTime(l.updatedAt) || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={t('linkage.approvalSide')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('linkage.approvalMatter')}>
            {matter(l.approvalMatter)} <RepealedTag matter={l.approvalMatter} />
          </Descriptions.Item>
          <Descriptions.Item label={t('linkage.approvingDepartment')}>
            {l.approvingDepartment?.name} {l.approvingSection?.name}
          </Descriptions.Item>
          <Descriptions.Item label={t('linkage.approvingPerson')}>
            <PersonText person={l.approvingPerson} />
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={t('linkage.supervisionSide')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('linkage.supervisionMatter')}>
            {matter(l.supervisionMatter)} <RepealedTag matter={l.supervisionMatter} />
          </Descriptions.Item>
          <Descriptions.Item label={t('linkage.supervisingDepartment')}>
            {l.supervisingDepartment?.name} {l.supervisingSection?.name}
          </Descriptions.Item>
          <Descriptions.Item label={t('linkage.supervisingPerson')}>
            <PersonText person={l.supervisingPerson} />
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={t('linkage.sharing')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('linkage.dataScope')} span={2}>
            {l.dataScope}
          </Descriptions.Item>
          <Descriptions.Item label={t('linkage.channel')}>{t(`enums.SharingChannel.${l.channel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('linkage.confidentiality')}>{t(`enums.Confidentiality.${l.confidentiality}`)}</Descriptions.Item>
          <Descriptions.Item label={t('followUp.reviewMode.label')}>{t(`enums.ReviewMode.${l.reviewMode}`)}</Descriptions.Item>
          <Descriptions.Item label={t('linkage.procedure')} span={2}>
            {l.procedure}
          </Descriptions.Item>
          <Descriptions.Item label={t('linkage.claimDays')}>{l.claimDays}</Descriptions.Item>
          <Descriptions.Item label={t('linkage.feedbackDays')}>{l.feedbackDays}</Descriptions.Item>
          <Descriptions.Item label={t('linkage.frequency')}>{l.frequency}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={t('linkage.basis')}>
        {doc ? (
          <Space wrap>
            <Typography.Text data-testid="linkage-basis">
              {t('linkage.basisSummary', {
                kind: t(`enums.BasisKind.${doc.kind}`),
                number: doc.number,
                signedOn: doc.signedOn,
                parties: doc.parties,
              })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {doc.fileName} · {t('linkage.fileSize', { size: String(Math.max(1, Math.round(doc.size / 1024))) })}
            </Typography.Text>
            <Button size="small" onClick={() => void onDownload(doc.id)}>
              {t('linkage.download')}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('linkage.basisNone')}</Typography.Text>
        )}
      </Card>

      <Card title={t('linkage.history')}>
        {versionsError ? (
          <Typography.Text type="danger">{versionsError.graphQLErrors[0]?.message ?? t('common.serverError')}</Typography.Text>
        ) : versionsFetching && !versionData ? (
          <Skeleton active paragraph={{ rows: 1 }} />
        ) : history.length === 0 ? (
          <Typography.Text type="secondary">{t('linkage.historyEmpty')}</Typography.Text>
        ) : (
          <Timeline
            items={history.map((h) => ({
              key: h.number,
              color: h.change === 'REMOVED' ? 'red' : h.change === 'ADDED' ? 'green' : 'blue',
              children: t('linkage.historyEntry', {
                number: String(h.number),
                at: formatDateTime(h.publishedAt),
                by: h.publisherName,
                change: t(`linkage.change${h.change}`),
              }),
            }))}
          />
        )}
      </Card>

      <Card title={t('linkage.changes')} data-testid="linkage-changes">
        <ChangeHistory changes={l.history} />
      </Card>

      {access.allows('nav.applications') && <RecentPushes linkage={l} />}
    </Space>
  );
}
