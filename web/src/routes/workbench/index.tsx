import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery, type AnyVariables, type TypedDocumentNode } from 'urql';
import { ME_QUERY } from '../../app/queries';
import { APPLICATION_COUNT_QUERY, FINDING_COUNT_QUERY, MATTER_COUNT_QUERY, SUBJECT_COUNT_QUERY } from './queries';

// `first:` is at most 100 (query limits); one row more than the cap tells that there are more.
export const COUNT_CAP = 99;

/** "100+" when the list reached the cap; the API has no totals yet. */
export function cappedCount(rows: readonly unknown[] | null | undefined, cap = COUNT_CAP): { value: number; capped: boolean } | null {
  if (!rows) return null;
  return rows.length > cap ? { value: cap, capped: true } : { value: rows.length, capped: false };
}

function CountTile<D, V extends AnyVariables>({ label, query, variables, rowsOf, to, testId }: {
  label: string;
  query: TypedDocumentNode<D, V>;
  variables: V;
  rowsOf: (data: D) => readonly unknown[];
  to: string | null;
  testId: string;
}) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery<D, V>({ query, variables });
  const count = data ? cappedCount(rowsOf(data)) : null;
  let value: string | number = '–';
  if (count) value = count.capped ? t('common.capped', { count: count.value }) : count.value;
  else if (error) {
    const forbidden = error.graphQLErrors.some((e) => e.extensions?.code === 'FORBIDDEN');
    value = forbidden ? t('workbench.noAccess') : (error.graphQLErrors[0]?.message ?? t('common.serverError'));
  }
  const card = (
    <Card loading={fetching && !data} data-testid={testId}>
      <Statistic title={label} value={value} />
    </Card>
  );
  return to ? (
    <Link to={to} aria-label={label}>
      {card}
    </Link>
  ) : (
    card
  );
}

export default function WorkbenchPage() {
  const { t } = useTranslation();
  const [{ data: me }] = useQuery({ query: ME_QUERY });
  const cap = COUNT_CAP + 1;
  return (
    <>
      <Typography.Title level={2}>{t('workbench.title')}</Typography.Title>
      {me?.me && <Typography.Paragraph>{t('workbench.welcome', { name: me.me.displayName })}</Typography.Paragraph>}
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={8} xl={4}>
          <CountTile label={t('workbench.approvalMatters')} query={MATTER_COUNT_QUERY} variables={{ kind: 'APPROVAL', cap }} rowsOf={(d) => d.matters} to="/matters?kind=APPROVAL" testId="count-approval-matters" />
        </Col>
        <Col xs={24} sm={12} lg={8} xl={4}>
          <CountTile label={t('workbench.supervisionMatters')} query={MATTER_COUNT_QUERY} variables={{ kind: 'SUPERVISION', cap }} rowsOf={(d) => d.matters} to="/matters?kind=SUPERVISION" testId="count-supervision-matters" />
        </Col>
        <Col xs={24} sm={12} lg={8} xl={4}>
          <CountTile label={t('workbench.applications')} query={APPLICATION_COUNT_QUERY} variables={{ cap }} rowsOf={(d) => d.applications} to="/applications" testId="count-applications" />
        </Col>
        <Col xs={24} sm={12} lg={8} xl={4}>
          <CountTile label={t('workbench.findings')} query={FINDING_COUNT_QUERY} variables={{ cap }} rowsOf={(d) => d.findings} to={null} testId="count-findings" />
        </Col>
        <Col xs={24} sm={12} lg={8} xl={4}>
          <CountTile label={t('workbench.subjects')} query={SUBJECT_COUNT_QUERY} variables={{ cap }} rowsOf={(d) => d.subjects} to="/subjects" testId="count-subjects" />
        </Col>
      </Row>
      <Alert style={{ marginTop: 16 }} type="info" message={t('workbench.countHint', { cap: String(COUNT_CAP) })} />
    </>
  );
}
