import { Alert, App, Button, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';

import { useCursorPager } from '@/components/cursorPager';
import { CrossTags, PrincipleTags, RepealedTag } from '@/components/LinkageFlags';
import { Pager } from '@/components/Pager';
import type { LinkageImportMutation, LinkagesQuery } from '@/graphql/graphql';
import { useAccess } from '@/providers/access/AccessProvider';

import { canConfirmLinkage, canCreateLinkage } from './access';
import {
  LINKAGE_CONFIRM_MUTATION,
  LINKAGE_IMPORT_MUTATION,
  LINKAGE_PUBLISH_MUTATION,
  LINKAGE_WORKBOOK_QUERY,
  LINKAGES_QUERY,
} from './queries';

type Row = LinkagesQuery['linkages']['edges'][number]['node'];
type ImportErrors = Extract<LinkageImportMutation['importLinkages'], { __typename: 'LinkageImportErrors' }>['errors'];

function download(fileName: string, contentType: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** 事项清单: search, confirm (supervising side), Excel export/import, publish (coordination office). */
export default function LinkagesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const navigate = useNavigate();
  const [keyword, setKeyword] = useState('');
  const [confirmed, setConfirmed] = useState<'all' | 'yes' | 'no'>('all');
  const pager = useCursorPager();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: LINKAGES_QUERY,
    variables: { keyword: keyword || null, confirmed: confirmed === 'all' ? null : confirmed === 'yes', first: 20, after: pager.after },
  });
  const access = useAccess();
  const [, confirm] = useMutation(LINKAGE_CONFIRM_MUTATION);
  const [{ fetching: importing }, importLinkages] = useMutation(LINKAGE_IMPORT_MUTATION);
  const [{ fetching: publishing }, publish] = useMutation(LINKAGE_PUBLISH_MUTATION);
  const [importErrors, setImportErrors] = useState<ImportErrors | null>(null);
  const [summaryOpen, setSummaryOpen] = useState(false);
  const [summary, setSummary] = useState('');
  const [summaryError, setSummaryError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const connection = data?.linkages;

  async function onExport() {
    const result = await client.query(LINKAGE_WORKBOOK_QUERY, {}, { requestPolicy: 'network-only' }).toPromise();
    const file = result.data?.linkageWorkbook;
    if (file) download(file.fileName, file.contentType, file.contentBase64);
    else void message.error(result.error?.graphQLErrors[0]?.message ?? t('common.serverError'));
  }

  async function onImport(file: File) {
    setImportErrors(null);
    const result = await importLinkages({ contentBase64: await fileToBase64(file) });
    const outcome = result.data?.importLinkages;
    if (outcome?.__typename === 'LinkageImportSummary') {
      void message.success(
        t('linkages.imported', {
          created: String(outcome.created),
          updated: String(outcome.updated),
          unchanged: String(outcome.unchanged),
        }),
      );
      if (outcome.awaitingConfirmationLinkageIds.length > 0) {
        void message.warning(
          t('linkages.reconfirm', {
            count: outcome.awaitingConfirmationLinkageIds.length,
            ids: outcome.awaitingConfirmationLinkageIds.join('、'),
          }),
        );
      }
      refetch({ requestPolicy: 'network-only' });
    } else if (outcome?.__typename === 'LinkageImportErrors') {
      setImportErrors(outcome.errors);
    } else {
      void message.error(result.error?.graphQLErrors[0]?.message ?? t('common.serverError'));
    }
  }

  async function onPublish() {
    if (!summary.trim()) {
      setSummaryError(t('linkages.publishSummaryRequired'));
      return;
    }
    const result = await publish({ summary: summary.trim() });
    const outcome = result.data?.publishLinkageList;
    const summaryIssue = outcome?.__typename === 'ValidationErrors' ? outcome.errors.find((e) => e.field === 'summary') : undefined;
    if (summaryIssue) {
      setSummaryError(summaryIssue.message);
      return;
    }
    setSummaryOpen(false);
    if (outcome?.__typename === 'LinkageListVersion') {
      setSummary('');
      Modal.success({
        title: t('linkages.published', { number: String(outcome.number) }),
        content: t('linkages.diff', {
          added: String(outcome.addedLinkageIds.length),
          changed: String(outcome.changedLinkageIds.length),
          removed: String(outcome.removedLinkageIds.length),
        }),
      });
    } else {
      void message.error(
        outcome?.__typename === 'ValidationErrors'
          ? outcome.errors.map((e) => e.message).join('；')
          : (result.error?.graphQLErrors[0]?.message ?? t('common.serverError')),
      );
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('linkages.title')}
      </Typography.Title>
      <Space wrap>
        <Input.Search
          aria-label={t('linkages.keyword')}
          placeholder={t('linkages.keyword')}
          allowClear
          style={{ width: 280 }}
          onSearch={(v) => {
            setKeyword(v.trim());
            pager.reset();
          }}
        />
        <Select
          aria-label={t('linkages.confirmed')}
          value={confirmed}
          style={{ width: 160 }}
          onChange={(v) => {
            setConfirmed(v);
            pager.reset();
          }}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'yes', label: t('linkages.confirmedYes') },
            { value: 'no', label: t('linkages.confirmedNo') },
          ]}
        />
        <Button onClick={() => void onExport()}>{t('linkages.export')}</Button>
        <Button loading={importing} onClick={() => fileInput.current?.click()}>
          {t('linkages.import')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx"
          hidden
          aria-label={t('linkages.import')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void onImport(file);
          }}
        />
        {access.allows('linkage.publish') && (
          <Button
            type="primary"
            onClick={() => {
              setSummaryError(null);
              setSummaryOpen(true);
            }}
          >
            {t('linkages.publish')}
          </Button>
        )}
        {canCreateLinkage(access) && (
          <Button type="primary" onClick={() => navigate('/linkages/new')}>
            {t('linkage.create')}
          </Button>
        )}
        <Link to="/public/list">{t('linkages.publicList')}</Link>
      </Space>
      {importErrors && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('linkages.importRefused', { count: importErrors.length })}
          description={
            <Table
              rowKey={(e) => `${e.row}|${e.column}|${e.code}`}
              size="small"
              pagination={false}
              dataSource={importErrors}
              columns={[
                { title: t('linkages.row'), dataIndex: 'row', width: 70 },
                { title: t('linkages.column'), dataIndex: 'column', width: 160 },
                { title: t('linkages.reason'), dataIndex: 'message' },
              ]}
            />
          }
        />
      )}
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <Typography.Text type="secondary">{t('linkages.total', { count: connection?.totalCount ?? 0 })}</Typography.Text>
      <Table<Row>
        rowKey="id"
        loading={fetching && !data}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        pagination={false}
        expandable={{
          expandedRowRender: (l) => t('linkages.limits', { claim: String(l.claimDays), feedback: String(l.feedbackDays) }),
        }}
        columns={[
          {
            title: t('linkages.approvalMatter'),
            key: 'a',
            render: (_, l) => (
              <>
                <Link to={`/linkages/${l.id}`}>{l.approvalMatter ? `${l.approvalMatter.name}（${l.approvalMatter.code}）` : l.id}</Link>{' '}
                <RepealedTag matter={l.approvalMatter} />
              </>
            ),
          },
          { title: t('linkages.approvingDepartment'), key: 'ad', render: (_, l) => l.approvingDepartment?.name },
          {
            title: t('linkages.supervisionMatter'),
            key: 's',
            render: (_, l) => (
              <>
                {l.supervisionMatter ? `${l.supervisionMatter.name}（${l.supervisionMatter.code}）` : ''}{' '}
                <RepealedTag matter={l.supervisionMatter} />
              </>
            ),
          },
          {
            title: t('linkages.supervisingDepartment'),
            key: 'sd',
            render: (_, l) => `${l.supervisingDepartment?.name ?? ''} ${l.supervisingPerson?.name ?? ''}`,
          },
          {
            title: t('publicList.principle'),
            key: 'principles',
            width: 150,
            render: (_, l) => <PrincipleTags principles={l.principles} />,
          },
          {
            title: t('linkage.flags'),
            key: 'flags',
            width: 110,
            render: (_, l) => <CrossTags crossDepartment={l.crossDepartment} crossLevel={l.crossLevel} />,
          },
          {
            title: t('linkages.confirmed'),
            dataIndex: 'confirmed',
            width: 100,
            render: (c: boolean) =>
              c ? <Tag color="success">{t('linkages.confirmedYes')}</Tag> : <Tag color="warning">{t('linkages.confirmedNo')}</Tag>,
          },
          {
            title: t('inbox.actions'),
            key: 'confirm',
            width: 100,
            render: (_, l) =>
              canConfirmLinkage(access, l) ? (
                <Button
                  size="small"
                  onClick={async () => {
                    const result = await confirm({ id: l.id });
                    const outcome = result.data?.confirmLinkage;
                    if (outcome?.__typename === 'Linkage') void message.success(t('linkages.confirmedDone'));
                    else
                      void message.error(
                        outcome?.__typename === 'ValidationErrors'
                          ? outcome.errors.map((e) => e.message).join('；')
                          : t('common.serverError'),
                      );
                  }}
                >
                  {t('linkages.confirm')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        title={t('linkages.publish')}
        open={summaryOpen}
        okText={t('linkages.publish')}
        cancelText={t('common.cancel')}
        confirmLoading={publishing}
        onOk={() => void onPublish()}
        onCancel={() => setSummaryOpen(false)}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <label htmlFor="publish-summary">{t('linkages.publishSummary')}</label>
          <Input
            id="publish-summary"
            value={summary}
            maxLength={200}
            status={summaryError ? 'error' : undefined}
            placeholder={t('linkages.publishSummaryPlaceholder')}
            onChange={(e) => {
              setSummary(e.target.value);
              setSummaryError(null);
            }}
          />
          {summaryError && <Typography.Text type="danger">{summaryError}</Typography.Text>}
        </Space>
      </Modal>
      <Pager
        page={pager.page}
        hasNext={Boolean(connection?.pageInfo.hasNextPage)}
        disabled={fetching}
        onChange={(n) => pager.onChange(n, connection?.pageInfo.endCursor)}
      />
    </Space>
  );
}
