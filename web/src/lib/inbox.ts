import type { Access } from '@/providers/access/access';

/**
 * Which parts of the inbox (接收与反馈) a user can fill, from what the server allows
 * (`me.abilities`); the app also opens the live stream only for push readers.
 */
export type InboxTab = 'pushes' | 'verifications' | 'feedback' | 'notices' | 'summaries';

/** The inbox tabs, in display order (告知承诺 verification tasks, notices and the monthly
 * summaries go to push readers; the server scopes each). */
export function inboxTabs(access: Pick<Access, 'allows'>): InboxTab[] {
  const tabs: InboxTab[] = [];
  if (access.allows('inbox.pushes')) tabs.push('pushes', 'verifications');
  if (access.allows('inbox.feedback')) tabs.push('feedback');
  if (access.allows('inbox.pushes')) tabs.push('notices', 'summaries');
  return tabs;
}
