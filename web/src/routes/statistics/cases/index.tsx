import { Alert, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';

import type { StatisticsCasesQuery, StatisticsFigure } from '@/graphql/graphql';
import { STATISTICS_CASES_QUERY } from '@/routes/statistics/queries';

type Answer = Extract<StatisticsCasesQuery['statisticsCases'], { __typename: 'StatisticsCases' }>;
type Case = Answer['cases'][number];

const PAGE = 100;

/** The column label of each figure on the statistics page (its message key). */
const FIGURE_LABELS = {
  PUSHES_RECEIVED: 'statistics.pushesReceived',
  RECEIVED_AT_ACCEPTANCE: 'statistics.receivedAtAcceptance',
  RECEIVED_AT_COMPLETION: 'statistics.receivedAtCompletion',
  PUSHES_CLAIMED: 'statistics.pushesClaimed',
  CLAIMS_DUE: 'statistics.claimsDue',
  CLAIMED_ON_TIME: 'statistics.claimedOnTime',
  CLAIMED_LATE: 'statistics.claimedLate',
  FEEDBACK_LIMITED: 'statistics.feedbackLimited',
  FEEDBACK_DUE: 'statistics.feedbackDue',
  FEEDBACK_ON_TIME: 'statistics.feedbackOnTime',
  CLOSED_LATE: 'statistics.closedLate',
  OVERDUE: 'statistics.overdue',
  OPEN_OVERDUE: 'statistics.openOverdue',
  ABNORMAL_RESULTS: 'statistics.abnormalResults',
  ACCEPTANCES: 'statistics.acceptances',
  ACCEPTANCES_WITH_CREDIT_CHECK: 'statistics.acceptancesWithCreditCheck',
  FACILITATION_APPLIED: 'statistics.facilitationApplied',
  FACILITATION_SKIPPED: 'statistics.facilitationSkipped',
} as const satisfies Record<StatisticsFigure, string>;

function when(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';
}

/** 统计明细: the pushes or applications behind one figure, with the figure's definition. */
export default function StatisticsCasesPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [page, setPage] = useState(1);
  const figure = (params.get('figure') ?? 'PUSHES_RECEIVED') as StatisticsFigure;
  const since = params.get('since') ?? '';
  const until = params.get('until') ?? '';
  const departmentId = params.get('department');
  const [{ data, fetching, error }] = useQuery({
    query: STATISTICS_CASES_QUERY,
    variables: { figure, since, until, departmentId, offset: (page - 1) * PAGE },
  });
  const answer = data?.statisticsCases?.__typename === 'StatisticsCases' ? data.statisticsCases : null;
  const invalid = data?.statisticsCases?.__typename === 'ValidationErrors' ? data.statisticsCases.errors : null;
  const name = t(`statistics.definitions.${figure}`);
  const columns: ColumnsType<Case> = [
    {
      title: t('statistics.application'),
      key: 'application',
      render: (_, c) => (c.applicationId ? <Link to={`/applications/${c.applicationId}`}>{c.applicationId}</Link> : '—'),
    },
    { title: t('statistics.push'), dataIndex: 'pushId', render: (v: string | null) => v ?? '—' },
    { title: t('statistics.department'), key: 'department', render: (_, c) => c.department?.name ?? c.department?.id ?? '—' },
    { title: t('statistics.stage'), dataIndex: 'stage', render: (v: string | null) => (v ? t(`enums.PushStage.${v}`, v) : '—') },
    { title: t('statistics.channel'), dataIndex: 'channel', render: (v: string | null) => (v ? t(`enums.Channel.${v}`, v) : '—') },
    { title: t('statistics.at'), dataIndex: 'at', render: when },
    { title: t('statistics.claimDueAt'), dataIndex: 'claimDueAt', render: when },
    { title: t('statistics.claimedAt'), dataIndex: 'claimedAt', render: when },
    { title: t('statistics.feedbackDueAt'), dataIndex: 'feedbackDueAt', render: when },
    { title: t('statistics.fedBackAt'), dataIndex: 'fedBackAt', render: when },
    {
      title: t('statistics.feedbackResult'),
      dataIndex: 'feedbackResult',
      render: (v: string | null) => (v ? t(`enums.FeedbackState.${v}`, v) : '—'),
    },
    {
      title: t('statistics.handlingMode'),
      dataIndex: 'handlingMode',
      render: (v: string | null) => (v ? t(`enums.HandlingMode.${v}`, v) : '—'),
    },
  ];
  const scope = answer?.department ? (answer.department.name ?? answer.department.id) : t('statistics.scopeCity');
  return (
    <section aria-labelledby="page-title">
      <Typography.Title level={2} id="page-title">
        {t('statistics.casesTitle', { figure: t(FIGURE_LABELS[figure] ?? 'statistics.pushesReceived') })}
      </Typography.Title>
      <Typography.Paragraph data-testid="cases-definition">{name}</Typography.Paragraph>
      {answer && (
        <Typography.Paragraph type="secondary" data-testid="cases-scope">
          {t('statistics.casesScope', { since, until, scope, count: answer.totalCount })}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph>
        <Link to="/statistics">{t('statistics.casesBack')}</Link>
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? error.message} />}
      {invalid && <Alert type="error" showIcon role="alert" message={invalid.map((e) => e.message).join('；')} />}
      <Table<Case>
        size="small"
        rowKey={(c) => `${c.pushId ?? ''}:${c.applicationId ?? ''}`}
        columns={columns}
        dataSource={answer?.cases ?? []}
        loading={fetching}
        pagination={{ current: page, pageSize: PAGE, total: answer?.totalCount ?? 0, showSizeChanger: false, onChange: setPage }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('statistics.noData') }}
        data-testid="table-cases"
      />
    </section>
  );
}
