import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';

import { useRefetchOnMessages } from '@/providers/live/LiveInbox';

import { UNREAD_MESSAGE_COUNT_QUERY } from './queries';

/** The header's 消息中心 bell: the server's unread count, live with the inbox stream. */
export function MessageBell() {
  const { t } = useTranslation();
  const [{ data }, refetch] = useQuery({ query: UNREAD_MESSAGE_COUNT_QUERY, requestPolicy: 'cache-and-network' });
  useRefetchOnMessages(refetch);
  const count = data?.unreadMessageCount ?? 0;
  const label = t('messages.bell', { count });
  return (
    <Tooltip title={t('messages.title')}>
      <Link to="/messages" aria-label={label} data-testid="message-bell" data-count={count}>
        <Badge count={count} size="small" overflowCount={99}>
          <Button type="text" shape="circle" icon={<BellOutlined />} tabIndex={-1} aria-hidden />
        </Badge>
      </Link>
    </Tooltip>
  );
}
