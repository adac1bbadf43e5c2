import { App } from 'antd';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useClient } from 'urql';
import { onEnd, pipe, subscribe } from 'wonka';

import { isMessageKind, messageLink } from '@/lib/messages';
import { INBOX_MESSAGES_QUERY } from '@/routes/messages/queries';

import { INBOX_UPDATES_SUBSCRIPTION } from './queries';
import { nextRevision, reconnectDelay, type InboxRevision } from './reconnect';

export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting';

interface LiveInbox {
  revision: InboxRevision;
  status: LiveStatus;
  /** Moves with every event that is a message-centre message, and when a message is read. */
  messages: number;
  /** Tell the message counts to refetch (after marking messages read). */
  touchMessages: () => void;
}

const NOTICE: Record<string, 'live.newPush' | 'live.newFeedback' | 'live.newSummary' | 'live.newCredit' | 'live.newRedCard' | undefined> = {
  PUSH: 'live.newPush',
  CARD: 'live.newRedCard',
  FEEDBACK: 'live.newFeedback',
  CREDIT: 'live.newCredit',
  SUMMARY: 'live.newSummary',
};

const START: InboxRevision = { push: 0, feedback: 0, credit: 0 };
const LiveInboxContext = createContext<LiveInbox>({ revision: START, status: 'off', messages: 0, touchMessages: () => undefined });

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
  // Through a ref: the stream must not reopen when the route (and so `navigate`) changes.
  const navigateNow = useNavigate();
  const navigate = useRef(navigateNow);
  navigate.current = navigateNow;
  const [revision, setRevision] = useState<InboxRevision>(START);
  const [status, setStatus] = useState<LiveStatus>('off');
  const [messages, setMessages] = useState(0);
  const touchMessages = useCallback(() => setMessages((n) => n + 1), []);

  useEffect(() => {
    if (!enabled) {
      setStatus('off');
      return;
    }
    let stopped = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => void) | undefined;

    // The notice names the case: the message written with the event says which (办件编号,
    // matter, applicant) and links to it; without it, the bare notice as before.
    const announce = async (kind: string, id: string, title: string) => {
      const key = `inbox-${kind}-${id}`;
      const found = await client
        .query(INBOX_MESSAGES_QUERY, { unreadOnly: false, first: 10, after: null }, { requestPolicy: 'network-only' })
        .toPromise();
      if (stopped) return;
      const message = found.data?.inboxMessages.edges.map((e) => e.node).find((m) => m.kind === kind && m.refId === id);
      const description = message?.applicationNumber ? (
        <span data-testid="live-notice-case">
          {t('messages.caseCaption', { number: message.applicationNumber, matter: message.matterName, applicant: message.applicantName })}{' '}
          <a
            href={messageLink(message)}
            onClick={(e) => {
              e.preventDefault();
              notification.destroy(key);
              void navigate.current(messageLink(message));
            }}
          >
            {message.applicationId ? t('messages.open') : t('messages.openInbox')}
          </a>
        </span>
      ) : undefined;
      notification.info({ key, message: title, description, placement: 'bottomRight', duration: 8 });
    };

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
          if (isMessageKind(event.kind) || event.kind === 'RESYNC') setMessages((n) => n + 1);
          const text = NOTICE[event.kind];
          if (text) void announce(event.kind, event.id, t(text));
        }),
      );
      unsubscribe = subscription.unsubscribe;
      // SSE gives no "subscribed" signal: a stream that has not ended after a moment is live.
      // NOTIFY has no replay, so after a reconnection every page refetches what it may have missed.
      timer = setTimeout(() => {
        if (stopped || ended) return;
        attempt = 0;
        setStatus('live');
        if (reopening) {
          setRevision((r) => nextRevision(nextRevision(nextRevision(r, 'PUSH'), 'FEEDBACK'), 'CREDIT'));
          setMessages((n) => n + 1);
        }
      }, 1500);
    };

    open();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      unsubscribe?.();
    };
  }, [client, enabled, notification, t]);

  return <LiveInboxContext.Provider value={{ revision, status, messages, touchMessages }}>{children}</LiveInboxContext.Provider>;
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

/** Re-executes the message centre's queries when a message arrives or is read (not on mount). */
export function useRefetchOnMessages(reexecute: (opts: { requestPolicy: 'network-only' }) => void): void {
  const value = useLiveInbox().messages;
  const seen = useRef(value);
  useEffect(() => {
    if (value === seen.current) return;
    seen.current = value;
    reexecute({ requestPolicy: 'network-only' });
  }, [value, reexecute]);
}
