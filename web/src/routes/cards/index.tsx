import { Alert, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';

import { ME_QUERY } from '@/app/queries';
import { Code } from '@/components/Code';
import { useCursorPager } from '@/components/cursorPager';
import { formatDateTime } from '@/components/format';
import { Pager } from '@/components/Pager';
import { useUrlParam } from '@/components/pagination';
import { SmsDeliveryTag } from '@/components/SmsDeliveryTag';
import type { CardColor, CardRowFragment } from '@/graphql/graphql';
import { useAccess } from '@/providers/access/AccessProvider';

import { ESCALATION_CARDS_QUERY, RED_CARD_BOARD_QUERY } from './queries';

const PAGE = 20;
const COLORS: CardColor[] = ['YELLOW', 'RED'];

function CardsTable({ rows, loading }: { rows: CardRowFragment[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<CardRowFragment>
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1560 }}
      locale={{ emptyText: t('coordination.cards.empty') }}
      columns={[
        {
          title: t('coordination.cards.color'),
          dataIndex: 'color',
          width: 80,
          render: (c: CardColor) => <Tag color={c === 'RED' ? 'red' : 'gold'}>{t(`coordination.enums.CardColor.${c}`)}</Tag>,
        },
        {
          title: t('coordination.cards.stage'),
          dataIndex: 'stage',
          width: 80,
          render: (s: CardRowFragment['stage']) => t(`coordination.enums.CardStage.${s}`),
        },
        { title: t('coordination.cards.department'), key: 'dept', width: 200, render: (_, c) => c.department.name },
        { title: t('coordination.cards.liaison'), dataIndex: 'liaisonName', width: 110 },
        {
          title: t('coordination.cards.push'),
          key: 'push',
          width: 260,
          render: (_, c) =>
            c.push ? (
              <Space direction="vertical" size={0}>
                {c.push.application ? <Link to={`/applications/${c.push.application.id}`}>{c.push.matterName}</Link> : c.push.matterName}
                <Typography.Text type="secondary">
                  #{c.push.id} · {c.push.applicantName}
                </Typography.Text>
              </Space>
            ) : (
              ''
            ),
        },
        {
          title: t('coordination.cards.code'),
          key: 'code',
          width: 110,
          render: (_, c) => <Code boxed>{c.push?.supervisionCode}</Code>,
        },
        { title: t('coordination.cards.fromDepartment'), key: 'from', width: 200, render: (_, c) => c.fromDepartment.name },
        { title: t('coordination.cards.hours'), key: 'hours', width: 150, render: (_, c) => `${c.elapsedHours} / ${c.limitHours}` },
        { title: t('coordination.cards.dueOn'), dataIndex: 'dueOn', width: 110 },
        { title: t('coordination.cards.raisedAt'), dataIndex: 'raisedAt', width: 150, render: formatDateTime },
        { title: t('coordination.cards.listVersion'), dataIndex: 'listVersion', width: 90 },
        {
          title: t('followUp.redCards.sms'),
          key: 'sms',
          width: 260,
          render: (_, c) => (
            <Space direction="vertical" size={2}>
              {c.smsDeliveries.map((d) => (
                <SmsDeliveryTag key={d.role} delivery={d} showRecipient />
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}

function RedBoard() {
  const { t } = useTranslation();
  // Open cards only unless all=1 (the workbench's 在办红牌 counts the open ones).
  const [all, setAll] = useUrlParam('all');
  const openOnly = all !== '1';
  const pager = useCursorPager();
  const [{ data, fetching, error }] = useQuery({
    query: RED_CARD_BOARD_QUERY,
    variables: { openOnly, first: PAGE, after: pager.after },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.redCardBoard;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Switch
          checked={openOnly}
          aria-label={t('coordination.cards.openOnly')}
          onChange={(v) => {
            setAll(v ? null : '1');
            pager.reset();
          }}
        />
        <Typography.Text>{t('coordination.cards.openOnly')}</Typography.Text>
        {connection && (
          <Typography.Text type="secondary" data-testid="red-card-total" data-count={connection.totalCount}>
            {t('coordination.cards.total', { count: connection.totalCount })}
          </Typography.Text>
        )}
      </Space>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <CardsTable rows={connection?.edges.map((e) => e.node) ?? []} loading={fetching && !data} />
      <Pager
        page={pager.page}
        hasNext={connection?.pageInfo.hasNextPage ?? false}
        onChange={(p) => pager.onChange(p, connection?.pageInfo.endCursor)}
        disabled={fetching}
      />
    </Space>
  );
}

function History() {
  const { t } = useTranslation();
  const [colorParam, setColorParam] = useUrlParam('color');
  const color = COLORS.find((c) => c === colorParam) ?? '';
  const pager = useCursorPager();
  const [{ data, fetching, error }] = useQuery({
    query: ESCALATION_CARDS_QUERY,
    variables: { color: color || null, first: PAGE, after: pager.after },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.escalationCards;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Select<CardColor | ''>
          aria-label={t('coordination.cards.color')}
          value={color}
          style={{ width: 140 }}
          onChange={(v) => {
            setColorParam(v || null);
            pager.reset();
          }}
          options={[
            { value: '', label: t('common.all') },
            ...COLORS.map((c) => ({ value: c, label: t(`coordination.enums.CardColor.${c}`) })),
          ]}
        />
        {connection && (
          <Typography.Text type="secondary" data-testid="card-total" data-count={connection.totalCount}>
            {t('coordination.cards.total', { count: connection.totalCount })}
          </Typography.Text>
        )}
      </Space>
      {error && <Alert type="error" showIcon role="alert" message={error.graphQLErrors[0]?.message ?? t('common.serverError')} />}
      <CardsTable rows={connection?.edges.map((e) => e.node) ?? []} loading={fetching && !data} />
      <Pager
        page={pager.page}
        hasNext={connection?.pageInfo.hasNextPage ?? false}
        onChange={(p) => pager.onChange(p, connection?.pageInfo.endCursor)}
        disabled={fetching}
      />
    </Space>
  );
}

/** 亮牌督办: the office's red-card board (open items first) and the yellow/red card history. */
export default function CardsPage() {
  const { t } = useTranslation();
  const [{ data: me }] = useQuery({ query: ME_QUERY });
  const access = useAccess();
  const board = access.allows('escalation.board');
  const [params, setParams] = useSearchParams();
  const items = [
    ...(board ? [{ key: 'board', label: t('coordination.cards.board'), children: <RedBoard /> }] : []),
    { key: 'history', label: t('coordination.cards.history'), children: <History /> },
  ];
  return (
    <section aria-labelledby="page-title">
      <Typography.Title level={2} id="page-title">
        {t('coordination.cards.title')}
      </Typography.Title>
      {me && (
        <Tabs
          items={items}
          destroyOnHidden
          activeKey={items.find((i) => i.key === params.get('tab'))?.key ?? items[0]?.key}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
        />
      )}
    </section>
  );
}
