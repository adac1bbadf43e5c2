import { Card, Col, Row, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery, type AnyVariables, type TypedDocumentNode } from 'urql';

import { todayInChina } from '@/lib/dateRange';
import type { Feature } from '@/providers/access/access';
import { useAccess } from '@/providers/access/AccessProvider';
import { useRefetchOnInbox } from '@/providers/live/LiveInbox';

import {
  TODO_CARDS_QUERY,
  TODO_CREDIT_NOTICES_QUERY,
  TODO_DEAD_LETTERS_QUERY,
  TODO_ESCALATIONS_QUERY,
  TODO_LOCKED_ACCOUNTS_QUERY,
  TODO_MEETINGS_QUERY,
  TODO_MISSING_ITEMS_QUERY,
  TODO_MONTH_FIGURES_QUERY,
  TODO_OVERDUE_QUERY,
  TODO_POLICY_CHANGES_QUERY,
  TODO_PUNISHMENTS_ENDING_QUERY,
  TODO_RECORDS_EXPIRING_QUERY,
  TODO_RED_CARDS_QUERY,
  TODO_RULE_CHANGES_QUERY,
  TODO_TO_ACCEPT_QUERY,
  TODO_TO_COMPLETE_QUERY,
  TODO_VERIFICATIONS_QUERY,
} from './queries';

const CAP = 100;

/** One count that clicks through to the list behind it. */
function TodoCount<D, V extends AnyVariables>({
  label,
  query,
  variables,
  countOf,
  to,
  testId,
  danger,
}: {
  label: string;
  query: TypedDocumentNode<D, V>;
  variables: V;
  countOf: (data: D) => number;
  to: string;
  testId: string;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  const [{ data, fetching }, refetch] = useQuery<D, V>({ query, variables, requestPolicy: 'cache-and-network' });
  useRefetchOnInbox('push', refetch);
  const count = data ? countOf(data) : null;
  const shown = count === null ? '–' : count >= CAP ? t('common.capped', { count: CAP - 1 }) : count;
  return (
    <Col xs={24} sm={12} lg={8} xl={6}>
      <Link to={to} aria-label={label} data-testid={testId} data-count={count ?? ''}>
        <Card size="small" loading={fetching && !data} hoverable>
          <Statistic title={label} value={shown} valueStyle={danger && count ? { color: '#cf1322' } : undefined} />
        </Card>
      </Link>
    </Col>
  );
}

const none = {};
// Look-ahead windows of the counts that have one (days).
const MEETINGS_WITHIN = { withinDays: 7 };
const POLICY_WITHIN = { withinDays: 7 };
const CREDIT_WITHIN = { withinDays: 30 };

const DAY = 'YYYY-MM-DD';

/** 本月数据: this month's figures of the department (the coordination subgraph's statistics),
 * each clicking through to the cases behind it. */
function MonthFigures() {
  const { t } = useTranslation();
  // The server's periods are Asia/Shanghai days; the browser's own zone may be a day behind.
  const until = todayInChina();
  const since = dayjs(until).startOf('month').format(DAY);
  const [{ data, fetching }] = useQuery({
    query: TODO_MONTH_FIGURES_QUERY,
    variables: { since, until },
    requestPolicy: 'cache-and-network',
  });
  const figures = data?.linkageStatistics?.__typename === 'LinkageStatistics' ? data.linkageStatistics : null;
  const cases = (figure: string) => `/statistics/cases?${new URLSearchParams({ figure, since, until }).toString()}`;
  const cells: { key: string; label: string; value: number | string | undefined; to: string }[] = [
    { key: 'sent', label: t('workbench.role.monthSent'), value: figures?.pushesSent, to: '/statistics' },
    { key: 'received', label: t('workbench.role.monthReceived'), value: figures?.pushesReceived, to: cases('PUSHES_RECEIVED') },
    { key: 'overdue', label: t('workbench.role.monthOpenOverdue'), value: figures?.openOverdue, to: cases('OPEN_OVERDUE') },
    {
      key: 'onTime',
      label: t('workbench.role.monthClaimOnTime'),
      value: figures
        ? figures.claimOnTimeRate === null || figures.claimOnTimeRate === undefined
          ? '–'
          : `${(figures.claimOnTimeRate * 100).toFixed(1)}%`
        : undefined,
      to: cases('CLAIMED_ON_TIME'),
    },
  ];
  return (
    <Col xs={24} lg={16} xl={12}>
      <Card
        size="small"
        title={t('workbench.role.monthFigures')}
        loading={fetching && !data}
        data-testid="todo-month-figures"
        extra={<Link to="/statistics">{t('workbench.more')}</Link>}
      >
        <Row gutter={16}>
          {cells.map((c) => (
            <Col key={c.key} span={6}>
              <Link to={c.to} aria-label={c.label} data-testid={`month-${c.key}`} data-count={c.value ?? ''}>
                <Statistic title={c.label} value={c.value ?? '–'} />
              </Link>
            </Col>
          ))}
        </Row>
      </Card>
    </Col>
  );
}

/**
 * 今日待办: each role's own work, counted by the owning subgraph and linked to the filtered
 * list, from what `me.abilities` allows — the clerk's applications to accept and complete,
 * 容缺 items, credit notices; the liaison's verification tasks (its pushes are listed below);
 * the department head's overdue items, cards and this month's figures; the coordination
 * office's city-wide overdue items, red cards, escalations to handle and meetings due; the
 * credit officer's punishments ending, records expiring and rule changes; the
 * administrator's dead letters, locked accounts and policy changes (an administrator, who
 * may do everything, sees administration only: the rest is one click away in the menu).
 */
export function RoleTodos() {
  const { t } = useTranslation();
  const access = useAccess();
  const has = (f: Feature) => access.allows(f);
  const administers = has('policy.admin');
  const work = !administers;
  // A department's lead raises escalations for it; the coordination office sees the city.
  const leadsDepartment = work && has('escalation.write') && !has('escalation.board');
  const cards = [
    work && has('application.handle') && (
      <TodoCount
        key="accept"
        label={t('workbench.role.toAccept')}
        query={TODO_TO_ACCEPT_QUERY}
        variables={none}
        countOf={(d) => d.applicationCount}
        to="/applications?status=SUBMITTED"
        testId="todo-to-accept"
      />
    ),
    work && has('application.handle') && (
      <TodoCount
        key="complete"
        label={t('workbench.role.toComplete')}
        query={TODO_TO_COMPLETE_QUERY}
        variables={none}
        countOf={(d) => d.applicationCount}
        to="/applications?status=ACCEPTED"
        testId="todo-to-complete"
      />
    ),
    work && has('application.handle') && (
      <TodoCount
        key="missing"
        label={t('workbench.role.missingItems')}
        query={TODO_MISSING_ITEMS_QUERY}
        variables={none}
        countOf={(d) => d.facilitationFollowUp.outstanding}
        to="/applications?missing=outstanding"
        testId="todo-missing-items"
      />
    ),
    work && has('application.handle') && has('inbox.feedback') && (
      <TodoCount
        key="notices"
        label={t('workbench.role.creditNotices')}
        query={TODO_CREDIT_NOTICES_QUERY}
        variables={none}
        countOf={(d) => d.creditNotices.totalCount}
        to="/inbox?tab=notices"
        testId="todo-credit-notices"
      />
    ),
    work && has('push.claim') && (
      <TodoCount
        key="verify"
        label={t('workbench.role.verifications')}
        query={TODO_VERIFICATIONS_QUERY}
        variables={none}
        countOf={(d) => d.verificationInbox.totalCount}
        to="/inbox?tab=verifications"
        testId="todo-verifications"
      />
    ),
    work && has('inbox.pushes') && has('escalation.write') && (
      <TodoCount
        key="overdue"
        danger
        label={t(has('escalation.board') ? 'workbench.role.cityOverdue' : 'workbench.role.departmentOverdue')}
        query={TODO_OVERDUE_QUERY}
        variables={none}
        countOf={(d) => d.overduePushes.totalCount}
        to="/inbox?tab=pushes&overdue=true&scope=duty"
        testId="todo-overdue-pushes"
      />
    ),
    leadsDepartment && (
      <TodoCount
        key="cards"
        danger
        label={t('workbench.role.cards')}
        query={TODO_CARDS_QUERY}
        variables={none}
        countOf={(d) => d.escalationCards.totalCount}
        to="/cards?tab=history"
        testId="todo-cards"
      />
    ),
    work && has('escalation.board') && (
      <TodoCount
        key="red"
        danger
        label={t('workbench.role.redCards')}
        query={TODO_RED_CARDS_QUERY}
        variables={none}
        countOf={(d) => d.redCardBoard.totalCount}
        to="/cards?tab=board"
        testId="todo-red-cards"
      />
    ),
    work && has('escalation.decide') && (
      <TodoCount
        key="escalations"
        label={t('workbench.role.openEscalations')}
        query={TODO_ESCALATIONS_QUERY}
        variables={none}
        countOf={(d) => d.escalationCount}
        to="/escalations?status=SUBMITTED"
        testId="todo-open-escalations"
      />
    ),
    work && has('meeting.write') && (
      <TodoCount
        key="meetings"
        label={t('workbench.role.meetingsDue')}
        query={TODO_MEETINGS_QUERY}
        variables={MEETINGS_WITHIN}
        countOf={(d) => d.meetingsDueCount}
        to="/meetings?status=PLANNED"
        testId="todo-planned-meetings"
      />
    ),
    work && has('credit.punishments') && has('credit.write') && (
      <TodoCount
        key="punish"
        label={t('workbench.role.punishmentsEnding')}
        query={TODO_PUNISHMENTS_ENDING_QUERY}
        variables={CREDIT_WITHIN}
        countOf={(d) => d.punishmentsEndingCount}
        to={`/credit?tab=punishments&ending=${CREDIT_WITHIN.withinDays}`}
        testId="todo-joint-punishments"
      />
    ),
    work && has('credit.records') && has('credit.write') && (
      <TodoCount
        key="records"
        label={t('workbench.role.recordsExpiring')}
        query={TODO_RECORDS_EXPIRING_QUERY}
        variables={CREDIT_WITHIN}
        countOf={(d) => d.creditRecordsExpiringCount}
        to={`/subjects?expiring=${CREDIT_WITHIN.withinDays}`}
        testId="todo-records-expiring"
      />
    ),
    work && has('credit.write') && (
      <TodoCount
        key="rules"
        label={t('workbench.role.ruleChanges')}
        query={TODO_RULE_CHANGES_QUERY}
        variables={CREDIT_WITHIN}
        countOf={(d) => d.creditRuleChangeCount}
        to={`/credit?tab=rules&within=${CREDIT_WITHIN.withinDays}`}
        testId="todo-rule-changes"
      />
    ),
    has('outbox.admin') && (
      <TodoCount
        key="dead"
        danger
        label={t('workbench.role.deadLetters')}
        query={TODO_DEAD_LETTERS_QUERY}
        variables={none}
        countOf={(d) => d.deadLetters.totalCount}
        to="/admin?tab=dead-letters"
        testId="todo-dead-letters"
      />
    ),
    has('account.admin') && (
      <TodoCount
        key="locked"
        danger
        label={t('workbench.role.lockedAccounts')}
        query={TODO_LOCKED_ACCOUNTS_QUERY}
        variables={none}
        countOf={(d) => d.lockedAccountCount}
        to="/admin?tab=accounts&locked=1"
        testId="todo-locked-accounts"
      />
    ),
    has('policy.admin') && (
      <TodoCount
        key="policy"
        label={t('workbench.role.policyChanges')}
        query={TODO_POLICY_CHANGES_QUERY}
        variables={POLICY_WITHIN}
        countOf={(d) => d.policyChangeCount}
        to="/admin?tab=policy"
        testId="todo-policy-changes"
      />
    ),
    leadsDepartment && has('nav.statistics') && <MonthFigures key="month" />,
  ].filter(Boolean);
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="role-todos-title" style={{ marginBottom: 24 }} data-testid="role-todos">
      <Typography.Title level={3} id="role-todos-title">
        {t('workbench.role.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>{cards}</Row>
    </section>
  );
}
