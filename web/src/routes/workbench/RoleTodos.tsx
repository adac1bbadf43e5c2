import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery, type AnyVariables, type TypedDocumentNode } from 'urql';
import { useAccess } from '../../providers/access/AccessProvider';
import type { Feature } from '../../providers/access/access';
import { useRefetchOnInbox } from '../../providers/live/LiveInbox';
import {
  TODO_CARDS_QUERY,
  TODO_CREDIT_NOTICES_QUERY,
  TODO_DEAD_LETTERS_QUERY,
  TODO_ESCALATIONS_QUERY,
  TODO_JOINT_PUNISHMENTS_QUERY,
  TODO_MEETINGS_QUERY,
  TODO_MISSING_ITEMS_QUERY,
  TODO_OVERDUE_QUERY,
  TODO_POLICY_CHANGES_QUERY,
  TODO_RED_CARDS_QUERY,
  TODO_TO_ACCEPT_QUERY,
  TODO_TO_COMPLETE_QUERY,
  TODO_VERIFICATIONS_QUERY,
} from './queries';

const CAP = 100;

/** One count that clicks through to the list behind it. */
function TodoCount<D, V extends AnyVariables>({ label, query, variables, countOf, to, testId, danger }: {
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

const cap = { cap: CAP };
const none = {};

/**
 * 今日待办: each role's own work, counted and linked, from what `me.abilities` allows — the
 * clerk's applications to accept and complete, 容缺 items, credit notices; the liaison's
 * verification tasks; the head's overdue items and cards; the coordination office's
 * city-wide overdue items, red cards, open escalations and meetings; the administrator's dead
 * letters and policy changes; the credit officer's joint punishment list.
 */
export function RoleTodos() {
  const { t } = useTranslation();
  const access = useAccess();
  const has = (f: Feature) => access.allows(f);
  const cards = [
    has('application.handle') && <TodoCount key="accept" label={t('workbench.role.toAccept')} query={TODO_TO_ACCEPT_QUERY} variables={cap} countOf={(d) => d.applications.length} to="/applications?status=SUBMITTED" testId="todo-to-accept" />,
    has('application.handle') && <TodoCount key="complete" label={t('workbench.role.toComplete')} query={TODO_TO_COMPLETE_QUERY} variables={cap} countOf={(d) => d.applications.length} to="/applications?status=ACCEPTED" testId="todo-to-complete" />,
    has('application.handle') && <TodoCount key="missing" label={t('workbench.role.missingItems')} query={TODO_MISSING_ITEMS_QUERY} variables={none} countOf={(d) => d.facilitationFollowUp.outstanding} to="/applications?status=ACCEPTED" testId="todo-missing-items" />,
    has('application.handle') && has('inbox.feedback') && <TodoCount key="notices" label={t('workbench.role.creditNotices')} query={TODO_CREDIT_NOTICES_QUERY} variables={none} countOf={(d) => d.creditNotices.totalCount} to="/inbox?tab=notices" testId="todo-credit-notices" />,
    has('push.claim') && <TodoCount key="verify" label={t('workbench.role.verifications')} query={TODO_VERIFICATIONS_QUERY} variables={none} countOf={(d) => d.verificationInbox.totalCount} to="/inbox?tab=verifications" testId="todo-verifications" />,
    has('inbox.pushes') && (has('escalation.write') || has('escalation.board')) && <TodoCount key="overdue" danger label={t(has('escalation.board') ? 'workbench.role.cityOverdue' : 'workbench.role.departmentOverdue')} query={TODO_OVERDUE_QUERY} variables={none} countOf={(d) => d.overduePushes.totalCount} to="/inbox?tab=pushes" testId="todo-overdue-pushes" />,
    has('escalation.write') && !has('escalation.board') && <TodoCount key="cards" danger label={t('workbench.role.cards')} query={TODO_CARDS_QUERY} variables={none} countOf={(d) => d.escalationCards.totalCount} to="/cards" testId="todo-cards" />,
    has('escalation.board') && <TodoCount key="red" danger label={t('workbench.role.redCards')} query={TODO_RED_CARDS_QUERY} variables={none} countOf={(d) => d.redCardBoard.totalCount} to="/cards" testId="todo-red-cards" />,
    has('escalation.decide') && <TodoCount key="escalations" label={t('workbench.role.openEscalations')} query={TODO_ESCALATIONS_QUERY} variables={cap} countOf={(d) => d.escalations.length} to="/escalations?status=SUBMITTED" testId="todo-open-escalations" />,
    has('meeting.write') && <TodoCount key="meetings" label={t('workbench.role.plannedMeetings')} query={TODO_MEETINGS_QUERY} variables={cap} countOf={(d) => d.meetings.length} to="/meetings?status=PLANNED" testId="todo-planned-meetings" />,
    has('outbox.admin') && <TodoCount key="dead" danger label={t('workbench.role.deadLetters')} query={TODO_DEAD_LETTERS_QUERY} variables={none} countOf={(d) => d.deadLetters.totalCount} to="/admin?tab=dead-letters" testId="todo-dead-letters" />,
    has('policy.admin') && <TodoCount key="policy" label={t('workbench.role.policyChanges')} query={TODO_POLICY_CHANGES_QUERY} variables={none} countOf={(d) => d.policyVersions.length} to="/admin?tab=policy" testId="todo-policy-changes" />,
    has('credit.write') && <TodoCount key="punish" label={t('workbench.role.jointPunishments')} query={TODO_JOINT_PUNISHMENTS_QUERY} variables={cap} countOf={(d) => d.jointPunishments.length} to="/credit?tab=punishments" testId="todo-joint-punishments" />,
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
