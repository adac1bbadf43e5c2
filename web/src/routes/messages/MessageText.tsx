import { useTranslation } from 'react-i18next';

import { isMessageKind } from '@/lib/messages';

export interface MessageFields {
  kind: string;
  applicationNumber: string;
  matterName: string;
  applicantName: string;
}

/** What a message says, in the user's language: the event and the case it concerns. */
export function useMessageText() {
  const { t } = useTranslation();
  return {
    title: (m: MessageFields) => (isMessageKind(m.kind) ? t(`messages.kinds.${m.kind}`) : m.kind),
    caption: (m: MessageFields) =>
      m.applicationNumber
        ? t('messages.caseCaption', { number: m.applicationNumber, matter: m.matterName, applicant: m.applicantName })
        : '',
  };
}
