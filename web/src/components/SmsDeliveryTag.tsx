import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { SmsRole, SmsState } from '@/graphql/graphql';

export interface SmsDeliveryView {
  role: SmsRole;
  state: SmsState;
  recipientName: string;
  attempts: number;
  lastError?: string | null;
}

export const SMS_STATE_COLOR: Record<SmsState, string> = {
  SENT: 'success',
  QUEUED: 'processing',
  RETRYING: 'warning',
  UNDELIVERED: 'error',
  NOT_SENT: 'default',
};

/** One SMS reminder's state; 未送达 and retrying show the provider's last error. */
export function SmsDeliveryTag({ delivery, showRecipient = false }: { delivery: SmsDeliveryView; showRecipient?: boolean }) {
  const { t } = useTranslation();
  const failing = delivery.state === 'UNDELIVERED' || delivery.state === 'RETRYING';
  const tag = (
    <Tag color={SMS_STATE_COLOR[delivery.state]} data-testid={`sms-${delivery.role}-${delivery.state}`}>
      {showRecipient && `${t('followUp.sms.to', { role: t(`followUp.sms.roles.${delivery.role}`), name: delivery.recipientName })}：`}
      {t(`followUp.sms.states.${delivery.state}`)}
    </Tag>
  );
  if (!failing) return tag;
  return (
    <span>
      <Tooltip title={t('followUp.sms.attempts', { count: delivery.attempts })}>{tag}</Tooltip>
      {delivery.lastError && (
        <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>
          {t('followUp.sms.lastError', { error: delivery.lastError })}
        </Typography.Text>
      )}
    </span>
  );
}
