import { App } from 'antd';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { onEnd, pipe, subscribe } from 'wonka';
import { INBOX_UPDATES_SUBSCRIPTION } from './queries';
import { nextRevision, reconnectDelay, type InboxRevision } from './reconnect';

export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting';

interface LiveInbox {
  revision: InboxRevision;
  status: LiveStatus;
}

const NOTICE: Record<string, 'live.newPush' | 'live.newFeedback' | 'live.newSummary' | 'live.newCredit' | 'live.newRedCard' | undefined> = {
  PUSH: 'live.newPush',
  CARD: 'live.newRedCard',
  FEEDBACK: 'live.newFeedback',
  CREDIT: 'live.newCredit',
  SUMMARY: 'live.newSummary',
};

const START: InboxRevision = { push: 0, feedback: 0, credit: 0 };
const LiveInboxContext = createContext<LiveInbox>({ revision: START, status: 'off' });

/**
 * Keeps one `inboxUpdates` stream (GraphQL over SSE through the gateway) open while the user may
 * receive pushes or feedback. Each event moves a revision counter that pages watch to refetch,
 * and shows a notice. A stream that ends (gateway restart, network loss, session switch) is
 * reopened with a growing delay; an UNAUTHENTICATED answer ends the session elsewhere.
 */
export function LiveInboxProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const client = useClient();
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const [revision, setRevision] = useState<InboxRevision>(START);
  const [status, setStatus] = useState<LiveStatus>('off');

  useEffect(() => {
    if (!enabled) {
      setStatus('off');
      return;
    }
    let stopped = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => void) | undefined;

    const open = () => {
      const reopening = attempt > 0;
      let ended = false;
      setStatus(reopening ? 'reconnecting' : 'connecting');
      const source = client.subscription(INBOX_UPDATES_SUBSCRIPTION, {}, { requestPolicy: 'network-only' });
      const subscription = pipe(
        source,
        onEnd(() => {
          ended = true;
          if (stopped) return;
          setStatus('reconnecting');
          timer = setTimeout(open, reconnectDelay(attempt));
          attempt += 1;
        }),
        subscribe((result) => {
          const event = result.data?.inboxUpdates;
          if (!event) return;
          attempt = 0;
          setStatus('live');
          setRevision((r) => nextRevision(r, event.kind));
          const text = NOTICE[event.kind];
          if (text) notification.info({ key: `inbox-${event.kind}-${event.id}`, message: t(text), placement: 'bottomRight', duration: 6 });
        }),
      );
      unsubscribe = subscription.unsubscribe;
      // SSE gives no "subscribed" signal: a stream that has not ended after a moment is live.
      // NOTIFY has no replay, so after a reconnection every page refetches what it may have missed.
      timer = setTimeout(() => {
        if (stopped || ended) return;
        attempt = 0;
        setStatus('live');
        if (reopening) setRevision((r) => nextRevision(nextRevision(nextRevision(r, 'PUSH'), 'FEEDBACK'), 'CREDIT'));
      }, 1500);
    };

    open();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      unsubscribe?.();
    };
  }, [client, enabled, notification, t]);

  return <LiveInboxContext.Provider value={{ revision, status }}>{children}</LiveInboxContext.Provider>;
}

export function useLiveInbox(): LiveInbox {
  return useContext(LiveInboxContext);
}

/**
 * Re-executes a page's query from the network whenever the chosen event counter moves (not on
 * mount: the query already ran). Takes urql's `reexecuteQuery` as `useQuery` returns it.
 */
export function useRefetchOnInbox(kind: keyof InboxRevision, reexecute: (opts: { requestPolicy: 'network-only' }) => void): void {
  const value = useLiveInbox().revision[kind];
  const seen = useRef(value);
  useEffect(() => {
    if (value === seen.current) return;
    seen.current = value;
    reexecute({ requestPolicy: 'network-only' });
  }, [value, reexecute]);
}
