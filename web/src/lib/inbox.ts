/**
 * Who reads which part of the inbox (接收与反馈). The server decides anyway; the app uses this
 * to hide what would answer "forbidden" and to open the live stream only for its readers.
 */
export const PUSH_READERS: readonly string[] = ['supervision_liaison', 'approval_clerk', 'department_head', 'coordination_office'];
export const FEEDBACK_READERS: readonly string[] = ['approval_clerk', 'department_head', 'coordination_office'];

export type InboxTab = 'pushes' | 'verifications' | 'feedback' | 'notices' | 'summaries';

/** The inbox tabs a user's roles can fill, in display order (告知承诺 verification tasks and
 * notices go to push readers). */
export function inboxTabs(roles: readonly string[]): InboxTab[] {
  const has = (readers: readonly string[]) => roles.some((r) => readers.includes(r));
  const tabs: InboxTab[] = [];
  if (has(PUSH_READERS)) tabs.push('pushes', 'verifications');
  if (has(FEEDBACK_READERS)) tabs.push('feedback');
  if (has(PUSH_READERS)) tabs.push('notices');
  // 月度汇总: the supervising side's monthly summary of its pushes (the server scopes it).
  if (has(PUSH_READERS)) tabs.push('summaries');
  return tabs;
}
