import { Alert, Badge, Card, Col, List, Row, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery, type AnyVariables, type TypedDocumentNode } from 'urql';

import { ME_QUERY } from '@/app/queries';
import { formatDateTime } from '@/components/format';
import type { WorkbenchTodoPushFragment } from '@/graphql/graphql';
import { inboxTabs } from '@/lib/inbox';
import { useAccess } from '@/providers/access/AccessProvider';
import { useRefetchOnInbox } from '@/providers/live/LiveInbox';

import {
  APPLICATION_COUNT_QUERY,
  FINDING_COUNT_QUERY,
  MATTER_COUNT_QUERY,
  SUBJECT_COUNT_QUERY,
  TODO_FEEDBACK_QUERY,
  TODO_NOTICES_QUERY,
  TODO_PUSHES_QUERY,
} from './queries';
import { RoleTodos } from './RoleTodos';
import { workbenchTiles, type Tile } from './tiles';

const TODO_ROWS = 5;

function TodoCard({
  title,
  count,
  danger,
  more,
  testId,
  loading,
  children,
}: {
  title: string;
  count: number | undefined;
  danger?: boolean;
  more: string;
  testId: string;
  loading: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid={testId}
      data-count={count ?? ''}
      loading={loading}
      title={
        <span>
          {title} <Badge count={count ?? 0} showZero color={danger && count ? '#cf1322' : count ? '#fa8c16' : '#bfbfbf'} />
        </span>
      }
      extra={<Link to={more}>{t('workbench.more')}</Link>}
    >
      {children}
    </Card>
  );
}

function PushTodoList({ rows, empty }: { rows: readonly WorkbenchTodoPushFragment[]; empty: string }) {
  const { t } = useTranslation();
  return (
    <List<WorkbenchTodoPushFragment>
      size="small"
      dataSource={[...rows]}
      locale={{ emptyText: empty }}
      renderItem={(p) => (
        <List.Item className={p.overdue ? 'row-overdue' : undefined}>
          <List.Item.Meta
            title={p.application ? <Link to={`/applications/${p.application.id}`}>{p.applicantName}</Link> : p.applicantName}
            description={`${p.matterName} · ${p.fromDepartment.name}`}
          />
          <Typography.Text type={p.overdue ? 'danger' : 'secondary'}>
            {p.overdue && <Tag color="error">{t('inbox.overdue')}</Tag>}
            {t('workbench.dueOn', { date: p.state === 'CLAIMED' ? (p.feedbackDue ?? '') : p.claimDue })}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

/** 我的待办: pushes to claim, feedback due, overdue (red), feedback received, notices; live. */
function Todos() {
  const { t } = useTranslation();
  const access = useAccess();
  const tabs = inboxTabs(access);
  // Pushes to claim and feedback due are the work of those who claim them (a clerk reads its
  // own department's pushes but never claims one); an administrator's workbench is
  // administration.
  const works = !access.allows('policy.admin');
  const lists = {
    pushes: works && tabs.includes('pushes') && access.allows('push.claim'),
    feedback: works && tabs.includes('feedback'),
    notices: works && tabs.includes('notices'),
  };
  const first = TODO_ROWS;
  const [pushes, refetchPushes] = useQuery({ query: TODO_PUSHES_QUERY, variables: { first }, pause: !lists.pushes });
  const [feedback, refetchFeedback] = useQuery({ query: TODO_FEEDBACK_QUERY, variables: { first }, pause: !lists.feedback });
  const [notices] = useQuery({ query: TODO_NOTICES_QUERY, variables: { first }, pause: !lists.notices });
  useRefetchOnInbox('push', refetchPushes);
  useRefetchOnInbox('feedback', refetchFeedback);
  if (!lists.pushes && !lists.feedback) return null;
  const p = pushes.data;
  const error = pushes.error ?? feedback.error ?? notices.error;
  return (
    <section aria-labelledby="todos-title" style={{ marginBottom: 24 }}>
      <Typography.Title level={3} id="todos-title">
        {t('workbench.todos')}
      </Typography.Title>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={error.graphQLErrors[0]?.message ?? t('common.serverError')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        {lists.pushes && (
          <>
            <Col xs={24} lg={12} xl={8}>
              <TodoCard
                title={t('workbench.toClaim')}
                count={p?.awaiting.totalCount}
                more="/inbox?tab=pushes"
                testId="todo-awaiting"
                loading={pushes.fetching && !p}
              >
                <PushTodoList rows={p?.awaiting.edges.map((e) => e.node) ?? []} empty={t('workbench.nothingToClaim')} />
              </TodoCard>
            </Col>
            <Col xs={24} lg={12} xl={8}>
              <TodoCard
                title={t('workbench.feedbackDue')}
                count={p?.feedbackDue.totalCount}
                more="/inbox?tab=pushes"
                testId="todo-feedback-due"
                loading={pushes.fetching && !p}
              >
                <PushTodoList rows={p?.feedbackDue.edges.map((e) => e.node) ?? []} empty={t('workbench.noFeedbackDue')} />
              </TodoCard>
            </Col>
            <Col xs={24} lg={12} xl={8}>
              <TodoCard
                title={t('workbench.overdue')}
                count={p?.overdue.totalCount}
                danger
                more="/inbox?tab=pushes&overdue=true"
                testId="todo-overdue"
                loading={pushes.fetching && !p}
              >
                <PushTodoList rows={p?.overdue.edges.map((e) => e.node) ?? []} empty={t('workbench.nothingOverdue')} />
              </TodoCard>
            </Col>
          </>
        )}
        {lists.feedback && (
          <Col xs={24} lg={12}>
            <TodoCard
              title={t('workbench.feedbackReceived')}
              count={feedback.data?.feedbackInbox.totalCount}
              more="/inbox?tab=feedback"
              testId="todo-feedback"
              loading={feedback.fetching && !feedback.data}
            >
              <List
                size="small"
                dataSource={feedback.data?.feedbackInbox.edges.map((e) => e.node) ?? []}
                locale={{ emptyText: t('inbox.noFeedback') }}
                renderItem={(f) => (
                  <List.Item>
                    <List.Item.Meta
                      title={f.application ? <Link to={`/applications/${f.application.id}`}>{f.summary}</Link> : f.summary}
                      description={`${f.fromDepartment.name} · ${formatDateTime(f.receivedAt)}`}
                    />
                    {f.abnormal ? <Tag color="error">{t('findings.abnormalYes')}</Tag> : <Tag>{t('findings.abnormalNo')}</Tag>}
                  </List.Item>
                )}
              />
            </TodoCard>
          </Col>
        )}
        {lists.notices && (
          <Col xs={24} lg={12}>
            <TodoCard
              title={t('inbox.notices')}
              count={notices.data?.noticeInbox.totalCount}
              more="/inbox?tab=notices"
              testId="todo-notices"
              loading={notices.fetching && !notices.data}
            >
              <List
                size="small"
                dataSource={notices.data?.noticeInbox.edges.map((e) => e.node) ?? []}
                locale={{ emptyText: t('inbox.noNotices') }}
                renderItem={(n) => (
                  <List.Item>
                    <List.Item.Meta title={n.title} description={`${n.fromDepartment.name} · ${t('inbox.effectiveOn')} ${n.effectiveOn}`} />
                  </List.Item>
                )}
              />
            </TodoCard>
          </Col>
        )}
      </Row>
    </section>
  );
}

// `first:` is at most 100 (query limits); one row more than the cap tells that there are more.
export const COUNT_CAP = 99;

/** "100+" when the list reached the cap; the API has no totals yet. */
export function cappedCount(rows: readonly unknown[] | null | undefined, cap = COUNT_CAP): { value: number; capped: boolean } | null {
  if (!rows) return null;
  return rows.length > cap ? { value: cap, capped: true } : { value: rows.length, capped: false };
}

function CountTile<D, V extends AnyVariables>({
  label,
  query,
  variables,
  rowsOf,
  to,
  testId,
}: {
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
  const access = useAccess();
  const cap = COUNT_CAP + 1;
  const countTile = (tile: Tile) => {
    switch (tile) {
      case 'approvalMatters':
        return (
          <CountTile
            label={t('workbench.approvalMatters')}
            query={MATTER_COUNT_QUERY}
            variables={{ kind: 'APPROVAL', cap }}
            rowsOf={(d) => d.matters}
            to="/matters?kind=APPROVAL"
            testId="count-approval-matters"
          />
        );
      case 'supervisionMatters':
        return (
          <CountTile
            label={t('workbench.supervisionMatters')}
            query={MATTER_COUNT_QUERY}
            variables={{ kind: 'SUPERVISION', cap }}
            rowsOf={(d) => d.matters}
            to="/matters?kind=SUPERVISION"
            testId="count-supervision-matters"
          />
        );
      case 'applications':
        return (
          <CountTile
            label={t('workbench.applications')}
            query={APPLICATION_COUNT_QUERY}
            variables={{ cap }}
            rowsOf={(d) => d.applications}
            to="/applications"
            testId="count-applications"
          />
        );
      case 'findings':
        return (
          <CountTile
            label={t('workbench.findings')}
            query={FINDING_COUNT_QUERY}
            variables={{ cap }}
            rowsOf={(d) => d.findings}
            to={null}
            testId="count-findings"
          />
        );
      case 'subjects':
        return (
          <CountTile
            label={t('workbench.subjects')}
            query={SUBJECT_COUNT_QUERY}
            variables={{ cap }}
            rowsOf={(d) => d.subjects}
            to="/subjects"
            testId="count-subjects"
          />
        );
    }
  };
  return (
    <>
      <Typography.Title level={2}>{t('workbench.title')}</Typography.Title>
      {me?.me && <Typography.Paragraph>{t('workbench.welcome', { name: me.me.displayName })}</Typography.Paragraph>}
      {me?.me && <RoleTodos />}
      {me?.me && <Todos />}
      {me?.me && (
        <Row gutter={[16, 16]}>
          {workbenchTiles(access).map((tile) => (
            <Col key={tile} xs={24} sm={12} lg={8} xl={4}>
              {countTile(tile)}
            </Col>
          ))}
        </Row>
      )}
      <Alert style={{ marginTop: 16 }} type="info" message={t('workbench.countHint', { cap: String(COUNT_CAP) })} />
    </>
  );
}
