import { App, Badge, Button, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { useCursorPager } from '@/components/cursorPager';
import { formatDateTime } from '@/components/format';
import { ListPage } from '@/components/ListPage';
import { Pager } from '@/components/Pager';
import type { InboxMessagesQuery } from '@/graphql/graphql';
import { messageLink } from '@/lib/messages';
import { useLiveInbox, useRefetchOnMessages } from '@/providers/live/LiveInbox';

import { useMessageText } from './MessageText';
import { INBOX_MESSAGES_QUERY, MARK_ALL_MESSAGES_READ_MUTATION, MARK_MESSAGE_READ_MUTATION } from './queries';

type Row = InboxMessagesQuery['inboxMessages']['edges'][number]['node'];
const PAGE = 20;

/** 消息中心: the department's messages as this user has read them, newest first. */
export default function MessagesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useMessageText();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const pager = useCursorPager();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: INBOX_MESSAGES_QUERY,
    variables: { unreadOnly, first: PAGE, after: pager.after },
    requestPolicy: 'cache-and-network',
  });
  useRefetchOnMessages(refetch);
  const [, markRead] = useMutation(MARK_MESSAGE_READ_MUTATION);
  const [{ fetching: markingAll }, markAll] = useMutation(MARK_ALL_MESSAGES_READ_MUTATION);
  const connection = data?.inboxMessages;
  const { touchMessages } = useLiveInbox();
  // The header's count follows (touchMessages), and this page refetches with it.
  const again = touchMessages;
  return (
    <ListPage
      title={t('messages.title')}
      error={error}
      actions={
        <Button
          data-testid="messages-mark-all"
          loading={markingAll}
          disabled={!data?.unreadMessageCount}
          onClick={() =>
            void markAll({}).then((r) => {
              if (r.data) void message.success(t('messages.markedAll'));
              again();
            })
          }
        >
          {t('messages.markAllRead')}
        </Button>
      }
      filters={
        <Space>
          <Switch
            aria-label={t('messages.unreadOnly')}
            checked={unreadOnly}
            onChange={(v) => {
              setUnreadOnly(v);
              pager.reset();
            }}
          />
          {t('messages.unreadOnly')}
          <Badge
            count={data?.unreadMessageCount ?? 0}
            data-testid="messages-unread"
            showZero
            color={data?.unreadMessageCount ? 'red' : 'gray'}
          />
        </Space>
      }
    >
      <Table<Row>
        rowKey="id"
        data-testid="messages-table"
        loading={fetching && !data}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        pagination={false}
        locale={{ emptyText: t('messages.empty') }}
        columns={[
          { title: t('messages.receivedAt'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
          {
            title: t('messages.content'),
            key: 'content',
            render: (_, m) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong={!m.readAt}>{text.title(m)}</Typography.Text>
                {m.applicationNumber && <Typography.Text type="secondary">{text.caption(m)}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('inbox.state'),
            key: 'read',
            width: 100,
            render: (_, m) => (
              <Badge status={m.readAt ? 'default' : 'processing'} text={m.readAt ? t('messages.read') : t('messages.unread')} />
            ),
          },
          {
            title: t('inbox.actions'),
            key: 'actions',
            width: 200,
            fixed: 'right',
            render: (_, m) => (
              <Space size={8} data-testid={`message-actions-${m.id}`}>
                <Link to={messageLink(m)} onClick={() => void (m.readAt ? null : markRead({ messageId: m.id }).then(again))}>
                  {m.applicationId ? t('messages.open') : t('messages.openInbox')}
                </Link>
                {!m.readAt && (
                  <Button size="small" onClick={() => void markRead({ messageId: m.id }).then(again)}>
                    {t('messages.markRead')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Pager
        page={pager.page}
        hasNext={Boolean(connection?.pageInfo.hasNextPage)}
        disabled={fetching}
        onChange={(n) => pager.onChange(n, connection?.pageInfo.endCursor)}
      />
    </ListPage>
  );
}
