import { Alert, App, Button, Card, Col, DatePicker, Empty, Form, Row, Space, Spin, Statistic, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useClient, useQuery, type CombinedError } from 'urql';

import { useVersionText } from '@/components/useVersionText';
import type { StatisticsAssessmentQuery, StatisticsFigure } from '@/graphql/graphql';
import { todayInChina } from '@/lib/dateRange';
import { useAccess } from '@/providers/access/AccessProvider';

import {
  departmentLabel,
  departmentOption,
  isEmpty,
  monthLabel,
  monthOption,
  sortDepartments,
  type ChartLabels,
  type Figures,
} from './chartOptions';
import { EChart } from './EChart';
import {
  ASSESSMENT_QUERY,
  ASSESSMENT_REPORT_QUERY,
  ASSESSMENT_WORKBOOK_QUERY,
  STATISTICS_QUERY,
  STATISTICS_WORKBOOK_QUERY,
} from './queries';

type AssessmentRow = Extract<StatisticsAssessmentQuery['assessment'], { __typename: 'Assessment' }>['rows'][number];
type Grouping = 'DEPARTMENT' | 'MONTH';
type ServerFile = { __typename: 'CoordinationFile'; filename: string; mediaType: string; contentBase64: string };
type FileAnswer = ServerFile | { __typename: 'ValidationErrors'; errors: { message: string }[] } | null | undefined;

/** Claim methods in report order: 推送即认领, 书面函件, 自建系统, 联席会议. */
const CLAIM_METHODS = ['ONLINE', 'LETTER', 'OWN_SYSTEM', 'JOINT_MEETING'] as const;

function claimsBy(row: Pick<Figures, 'claimsByMethod'>, method: string): number {
  return row.claimsByMethod.find((c) => c.method === method)?.count ?? 0;
}

type FigureField = {
  [K in keyof Figures]-?: Figures[K] extends number ? K : never;
}[keyof Figures];

/** The cases page of one figure of one row (a department's, a month's). */
function casesUrl(figure: StatisticsFigure, row: Figures): string {
  const params = new URLSearchParams({ figure, since: row.since, until: row.until });
  if (row.department) params.set('department', row.department.id);
  return `/statistics/cases?${params.toString()}`;
}
const DAY = 'YYYY-MM-DD';

/** Today in China Standard Time, as a Dayjs for the pickers. */
function chinaToday(): Dayjs {
  return dayjs(todayInChina());
}

function download(file: ServerFile) {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.click();
  URL.revokeObjectURL(url);
}

function errorText(error: CombinedError | undefined): string | undefined {
  return error?.graphQLErrors[0]?.message ?? error?.message;
}

/** 统计分析: KPIs, charts and tables by department and by month, the assessment ranking, exports. */
export default function StatisticsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const today = chinaToday();
    return [today.startOf('year'), today];
  });
  const [exporting, setExporting] = useState<string | null>(null);
  const variables = { since: range[0].format(DAY), until: range[1].format(DAY) };
  const access = useAccess();
  const assessor = access.allows('assessment.read');
  const [{ data, fetching, error }, refetch] = useQuery({ query: STATISTICS_QUERY, variables, requestPolicy: 'cache-and-network' });
  const [assessment] = useQuery({ query: ASSESSMENT_QUERY, variables, pause: !assessor });

  const labels: ChartLabels = {
    pushesSent: t('statistics.pushesSent'),
    pushesReceived: t('statistics.pushesReceived'),
    overdue: t('statistics.overdue'),
    claimRate: t('statistics.claimRate'),
    onTimeFeedbackRate: t('statistics.onTimeFeedbackRate'),
    creditCheckRate: t('statistics.creditCheckRate'),
  };
  const totals = data?.totals?.__typename === 'LinkageStatistics' ? data.totals : null;
  const invalid = data?.totals?.__typename === 'ValidationErrors' ? data.totals.errors : null;
  const byDepartment = useMemo(
    () => sortDepartments(data?.byDepartment?.__typename === 'LinkageStatisticsSeries' ? data.byDepartment.rows : []),
    [data],
  );
  const byMonth = useMemo(() => (data?.byMonth?.__typename === 'LinkageStatisticsSeries' ? data.byMonth.rows : []), [data]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- labels change only with the language
  const departmentChart = useMemo(() => departmentOption(byDepartment, labels), [byDepartment, t]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- labels change only with the language
  const monthChart = useMemo(() => monthOption(byMonth, labels), [byMonth, t]);

  async function exportFile(key: string, run: () => Promise<FileAnswer>) {
    setExporting(key);
    try {
      const file = await run();
      if (file?.__typename === 'CoordinationFile') download(file);
      else
        void message.error(
          file?.__typename === 'ValidationErrors' ? (file.errors[0]?.message ?? t('common.serverError')) : t('common.serverError'),
        );
    } finally {
      setExporting(null);
    }
  }

  const exportSeries = (by: Grouping) =>
    exportFile(by, async () => {
      const r = await client.query(STATISTICS_WORKBOOK_QUERY, { ...variables, by }, { requestPolicy: 'network-only' }).toPromise();
      if (r.error) void message.error(errorText(r.error) ?? t('common.serverError'));
      return r.data?.linkageStatisticsSeriesWorkbook;
    });
  const exportAssessment = (kind: 'xlsx' | 'pdf') =>
    exportFile(kind, async () => {
      if (kind === 'xlsx') {
        const r = await client.query(ASSESSMENT_WORKBOOK_QUERY, variables, { requestPolicy: 'network-only' }).toPromise();
        return r.data?.assessmentWorkbook;
      }
      const r = await client.query(ASSESSMENT_REPORT_QUERY, variables, { requestPolicy: 'network-only' }).toPromise();
      return r.data?.assessmentReport;
    });

  const rate = (value: number | null | undefined) => (value == null ? t('statistics.noRate') : `${(value * 100).toFixed(1)}%`);
  /** A count column: its title explains the definition, each figure links to its cases. */
  const figureColumn = (figure: StatisticsFigure, field: FigureField, label: string, danger = false): ColumnsType<Figures>[number] => ({
    title: (
      <Tooltip title={t(`statistics.definitions.${figure}`)}>
        <span data-testid={`definition-${figure}`}>{label}</span>
      </Tooltip>
    ),
    key: field,
    align: 'right',
    render: (_, r) => {
      const value = r[field];
      const text = danger && value > 0 ? <Typography.Text type="danger">{value}</Typography.Text> : value;
      return <Link to={casesUrl(figure, r)}>{text}</Link>;
    },
  });
  const countColumns: ColumnsType<Figures> = [
    { title: t('statistics.linkagesInForce'), dataIndex: 'linkagesInForce', align: 'right' },
    { title: t('statistics.pushesSent'), dataIndex: 'pushesSent', align: 'right' },
    figureColumn('PUSHES_RECEIVED', 'pushesReceived', t('statistics.pushesReceived')),
    figureColumn('RECEIVED_AT_ACCEPTANCE', 'receivedAtAcceptance', t('statistics.receivedAtAcceptance')),
    figureColumn('RECEIVED_AT_COMPLETION', 'receivedAtCompletion', t('statistics.receivedAtCompletion')),
    figureColumn('PUSHES_CLAIMED', 'pushesClaimed', t('statistics.pushesClaimed')),
    {
      title: t('statistics.claimsByMethod'),
      children: CLAIM_METHODS.map((method) => ({
        title: t(`statistics.claimMethod.${method}`),
        key: `claims-${method}`,
        align: 'right' as const,
        render: (_: unknown, r: Figures) => claimsBy(r, method),
      })),
    },
    { title: t('statistics.claimRate'), key: 'claimRate', align: 'right', render: (_, r) => rate(r.claimRate) },
    figureColumn('CLAIMS_DUE', 'claimsDue', t('statistics.claimsDue')),
    figureColumn('CLAIMED_ON_TIME', 'claimedOnTime', t('statistics.claimedOnTime')),
    figureColumn('CLAIMED_LATE', 'claimedLate', t('statistics.claimedLate'), true),
    { title: t('statistics.claimOnTimeRate'), key: 'claimOnTime', align: 'right', render: (_, r) => rate(r.claimOnTimeRate) },
    figureColumn('FEEDBACK_LIMITED', 'feedbackLimited', t('statistics.feedbackLimited')),
    figureColumn('FEEDBACK_DUE', 'feedbackDue', t('statistics.feedbackDue')),
    figureColumn('FEEDBACK_ON_TIME', 'feedbackOnTime', t('statistics.feedbackOnTime')),
    { title: t('statistics.onTimeFeedbackRate'), key: 'onTime', align: 'right', render: (_, r) => rate(r.onTimeFeedbackRate) },
    figureColumn('CLOSED_LATE', 'closedLate', t('statistics.closedLate'), true),
    figureColumn('OVERDUE', 'overdue', t('statistics.overdue'), true),
    figureColumn('OPEN_OVERDUE', 'openOverdue', t('statistics.openOverdue'), true),
    figureColumn('ABNORMAL_RESULTS', 'abnormalResults', t('statistics.abnormalResults')),
    figureColumn('ACCEPTANCES', 'acceptances', t('statistics.acceptances')),
    figureColumn('ACCEPTANCES_WITH_CREDIT_CHECK', 'acceptancesWithCreditCheck', t('statistics.acceptancesWithCreditCheck')),
    { title: t('statistics.creditCheckRate'), key: 'checked', align: 'right', render: (_, r) => rate(r.creditCheckRate) },
    figureColumn('FACILITATION_APPLIED', 'facilitationApplied', t('statistics.facilitationApplied')),
    figureColumn('FACILITATION_SKIPPED', 'facilitationSkipped', t('statistics.facilitationSkipped')),
    { title: t('statistics.abnormalFindings'), dataIndex: 'abnormalFindings', align: 'right' },
  ];
  const departmentColumns: ColumnsType<Figures> = [
    { title: t('statistics.department'), key: 'department', fixed: 'left', render: (_, r) => r.department?.name ?? departmentLabel(r) },
    ...countColumns,
  ];
  const monthColumns: ColumnsType<Figures> = [
    { title: t('statistics.month'), key: 'month', fixed: 'left', render: (_, r) => monthLabel(r) },
    ...countColumns,
  ];

  const loading = fetching && !data;
  const scope = totals?.department ? t('statistics.scopeDepartment', { name: totals.department.name }) : t('statistics.scopeCity');

  return (
    <section aria-labelledby="page-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={2} id="page-title" style={{ margin: 0 }}>
          {t('statistics.title')}
        </Typography.Title>
        <Form layout="inline" onSubmitCapture={(e) => e.preventDefault()}>
          <Form.Item label={t('statistics.period')} htmlFor="statistics-period" required>
            <DatePicker.RangePicker
              id={{ start: 'statistics-period' }}
              value={range}
              allowClear={false}
              disabledDate={(d) => d.isAfter(chinaToday(), 'day')}
              onChange={(values) => {
                if (values?.[0] && values[1]) setRange([values[0], values[1]]);
              }}
            />
          </Form.Item>
        </Form>
      </Space>
      {totals && (
        <Typography.Paragraph type="secondary" data-testid="statistics-scope">
          {scope}
        </Typography.Paragraph>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={errorText(error) ?? t('common.serverError')}
          action={<Button onClick={() => refetch({ requestPolicy: 'network-only' })}>{t('app.retry')}</Button>}
        />
      )}
      {invalid && (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={invalid.map((e) => e.message).join('；')} />
      )}
      <Spin spinning={loading}>
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="statistics-kpis">
          <Kpi title={t('statistics.pushesSent')} value={totals?.pushesSent} />
          <Kpi title={t('statistics.pushesReceived')} value={totals?.pushesReceived} />
          <Kpi
            title={t('statistics.claimRate')}
            value={rate(totals?.claimRate)}
            hint={totals && t('statistics.claimed', { claimed: String(totals.pushesClaimed), total: String(totals.pushesReceived) })}
          />
          <Kpi
            title={t('statistics.onTimeFeedbackRate')}
            value={rate(totals?.onTimeFeedbackRate)}
            hint={totals && t('statistics.onTime', { onTime: String(totals.feedbackOnTime), due: String(totals.feedbackDue) })}
          />
          <Kpi title={t('statistics.overdue')} value={totals?.overdue} danger={(totals?.overdue ?? 0) > 0} />
          <Kpi
            title={t('statistics.creditCheckRate')}
            value={rate(totals?.creditCheckRate)}
            hint={
              totals && t('statistics.checked', { checked: String(totals.acceptancesWithCreditCheck), total: String(totals.acceptances) })
            }
          />
          <Col xs={24} data-testid="statistics-claims-by-method">
            <Space wrap size="large">
              <Typography.Text type="secondary">{t('statistics.claimsByMethod')}</Typography.Text>
              {totals &&
                CLAIM_METHODS.map((method) => (
                  <Typography.Text key={method}>
                    {t(`statistics.claimMethod.${method}`)} {claimsBy(totals, method)}
                  </Typography.Text>
                ))}
            </Space>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary">{t('statistics.definitionsNote')}</Typography.Paragraph>
        <Card
          title={t('statistics.byDepartment')}
          style={{ marginBottom: 16 }}
          extra={
            <Button
              loading={exporting === 'DEPARTMENT'}
              disabled={!data}
              onClick={() => void exportSeries('DEPARTMENT')}
              data-testid="export-by-department"
            >
              {t('statistics.exportExcel')}
            </Button>
          }
        >
          {data && isEmpty(byDepartment) ? (
            <Empty description={t('statistics.noData')} />
          ) : (
            <EChart option={departmentChart} label={t('statistics.chartByDepartment')} testId="chart-by-department" />
          )}
          <Table<Figures>
            size="small"
            rowKey={(r) => r.department?.id ?? ''}
            columns={departmentColumns}
            dataSource={byDepartment}
            loading={loading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('statistics.noData') }}
            data-testid="table-by-department"
          />
        </Card>
        <Card
          title={t('statistics.byMonth')}
          style={{ marginBottom: 16 }}
          extra={
            <Button
              loading={exporting === 'MONTH'}
              disabled={!data}
              onClick={() => void exportSeries('MONTH')}
              data-testid="export-by-month"
            >
              {t('statistics.exportExcel')}
            </Button>
          }
        >
          {data && isEmpty(byMonth) ? (
            <Empty description={t('statistics.noData')} />
          ) : (
            <EChart option={monthChart} label={t('statistics.chartByMonth')} testId="chart-by-month" />
          )}
          <Table<Figures>
            size="small"
            rowKey={(r) => r.since}
            columns={monthColumns}
            dataSource={byMonth}
            loading={loading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('statistics.noData') }}
            data-testid="table-by-month"
          />
        </Card>
      </Spin>
      {assessor && (
        <AssessmentCard
          rows={assessment.data?.assessment.__typename === 'Assessment' ? assessment.data.assessment.rows : []}
          version={assessment.data?.assessment.__typename === 'Assessment' ? assessment.data.assessment.scheme.version : null}
          calculatedAt={assessment.data?.assessment.__typename === 'Assessment' ? assessment.data.assessment.calculatedAt : null}
          fetching={assessment.fetching}
          error={errorText(assessment.error)}
          exporting={exporting}
          onExport={(kind) => void exportAssessment(kind)}
        />
      )}
    </section>
  );
}

function Kpi({
  title,
  value,
  hint,
  danger,
}: {
  title: string;
  value: number | string | undefined;
  hint?: string | null;
  danger?: boolean;
}) {
  return (
    <Col xs={12} md={8} xl={4}>
      <Card size="small">
        <Statistic title={title} value={value ?? '—'} styles={danger ? { content: { color: '#cf1322' } } : undefined} />
        {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
      </Card>
    </Col>
  );
}

function AssessmentCard({
  rows,
  version,
  calculatedAt,
  fetching,
  error,
  exporting,
  onExport,
}: {
  rows: AssessmentRow[];
  version: number | null;
  calculatedAt: string | null;
  fetching: boolean;
  error: string | undefined;
  exporting: string | null;
  onExport: (kind: 'xlsx' | 'pdf') => void;
}) {
  const versionText = useVersionText();
  const { t } = useTranslation();
  const indicators = rows[0]?.indicators ?? [];
  const columns: ColumnsType<AssessmentRow> = [
    { title: t('statistics.rank'), dataIndex: 'rank', width: 72 },
    { title: t('statistics.department'), dataIndex: 'departmentName' },
    { title: t('statistics.score'), dataIndex: 'score', align: 'right', render: (v: number | null) => (v == null ? '—' : v.toFixed(2)) },
    ...indicators.map((indicator, index) => ({
      title: `${indicator.label}（${t('statistics.weight', { weight: String(indicator.weight) })}）`,
      key: indicator.indicator,
      align: 'right' as const,
      render: (_: unknown, r: AssessmentRow) => {
        const value = r.indicators[index]?.value;
        return value == null ? '—' : `${(value * 100).toFixed(1)}%`;
      },
    })),
  ];
  return (
    <Card
      title={t('statistics.assessment')}
      extra={
        <Space>
          {version != null && (
            <Typography.Text type="secondary">{t('statistics.schemeVersion', { version: versionText(version) })}</Typography.Text>
          )}
          {calculatedAt && (
            <Typography.Text type="secondary" data-testid="assessment-calculated-at">
              {t('statistics.calculatedAt', { at: dayjs(calculatedAt).format('YYYY-MM-DD HH:mm') })}
            </Typography.Text>
          )}
          <Button loading={exporting === 'xlsx'} onClick={() => onExport('xlsx')} data-testid="export-assessment-xlsx">
            {t('statistics.exportExcel')}
          </Button>
          <Button loading={exporting === 'pdf'} onClick={() => onExport('pdf')} data-testid="export-assessment-pdf">
            {t('statistics.exportPdf')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={error} />}
      <Table<AssessmentRow>
        size="small"
        rowKey={(r) => r.department.id}
        columns={columns}
        dataSource={rows}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('statistics.noData') }}
        data-testid="table-assessment"
      />
    </Card>
  );
}
