/** Where a message centre entry leads: its application, or the inbox tab that holds it. */
export interface MessageTarget {
  kind: string;
  applicationId?: string | null;
}

export function messageLink(message: MessageTarget): string {
  if (message.applicationId) return `/applications/${message.applicationId}`;
  if (message.kind === 'SUMMARY') return '/inbox?tab=summaries';
  if (message.kind === 'FEEDBACK' || message.kind === 'CREDIT') return '/inbox?tab=feedback';
  return '/inbox';
}

/** The message kinds the centre names (others, e.g. RESYNC, are not messages). */
export const MESSAGE_KINDS = ['PUSH', 'FEEDBACK', 'CREDIT', 'CARD', 'SUMMARY'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export function isMessageKind(kind: string): kind is MessageKind {
  return (MESSAGE_KINDS as readonly string[]).includes(kind);
}
