/**
 * Delay before the n-th reconnection of the live stream (n = 0 after the first loss): doubling
 * from one second, capped, with up to 20 % jitter so that a restarted gateway is not hit by
 * every open tab in the same instant.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempt), 30_000);
  return Math.round(base * (1 + 0.2 * random()));
}

/** RESYNC: the server's LISTEN connection came back after a loss; what it missed is unknown. */
export type InboxEventKind = 'PUSH' | 'FEEDBACK' | 'CREDIT' | 'CARD' | 'RESYNC';

/** Counts the events a tab has seen, per kind: pages refetch when their kind's count moves. */
export interface InboxRevision {
  push: number;
  feedback: number;
  /** 信用变动通知 (credit changes of open applications' applicants); absent counts as 0. */
  credit?: number;
}

export function nextRevision(revision: InboxRevision, kind: string): InboxRevision {
  // A red card on the department (CARD) refreshes what the push readers see.
  if (kind === 'PUSH' || kind === 'CARD') return { ...revision, push: revision.push + 1 };
  if (kind === 'FEEDBACK') return { ...revision, feedback: revision.feedback + 1 };
  if (kind === 'CREDIT') return { ...revision, credit: (revision.credit ?? 0) + 1 };
  if (kind === 'RESYNC') {
    return { push: revision.push + 1, feedback: revision.feedback + 1, credit: (revision.credit ?? 0) + 1 };
  }
  return revision;
}
