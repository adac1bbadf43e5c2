// Where the session lives, and how it travels. The access subgraph sets the session as the
// HttpOnly cookie `sg_session` (the gateway forwards Set-Cookie; the app is served on the
// gateway's origin), so the browser stores nothing a script could read: every request sends
// the cookie, and whether a session exists is asked of the server (`me`).
import { requestBody } from '@/providers/graphql/persisted';

import { SESSION_PROBE_QUERY } from './queries';

export interface SessionProbe {
  signedIn: boolean;
  mustChangePassword: boolean;
}

export interface SessionTransport {
  /** Ask the server whether this browser holds a live session. */
  probe(): Promise<SessionProbe>;
  /** What every GraphQL request carries to prove the session. */
  requestInit(): RequestInit;
}

export function cookieTransport(url = '/graphql', sendHashOnly: boolean = import.meta.env.PROD): SessionTransport {
  const requestInit = (): RequestInit => ({ credentials: 'same-origin' });
  return {
    requestInit,
    probe: async () => {
      try {
        const response = await fetch(url, {
          ...requestInit(),
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
          body: JSON.stringify(requestBody(SESSION_PROBE_QUERY, sendHashOnly)),
        });
        const body = (await response.json()) as { data?: { me?: { mustChangePassword?: boolean } | null } | null };
        const me = body.data?.me;
        return { signedIn: Boolean(me), mustChangePassword: Boolean(me?.mustChangePassword) };
      } catch {
        return { signedIn: false, mustChangePassword: false };
      }
    },
  };
}

export const defaultTransport: SessionTransport = cookieTransport();
