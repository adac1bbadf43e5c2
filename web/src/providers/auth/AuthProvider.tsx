import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';

import { createGraphqlClient } from '@/providers/graphql/client';

import { defaultTransport, type SessionTransport } from './session';

export type SignOutReason = 'signed-out' | 'expired';

/** `unknown` until the server has said whether the cookie holds a live session. */
export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

interface AuthState {
  status: SessionStatus;
  signedIn: boolean;
  /** The account must change its initial password before anything else answers. */
  mustChangePassword: boolean;
  /** Why the last session ended (null: none ended in this tab yet, e.g. a fresh visit). */
  endedBecause: SignOutReason | null;
  /** Called after `signIn` / `switchDepartment` answered (the server set the cookie). */
  signedInWith: (options?: { mustChangePassword?: boolean }) => void;
  /** The password was changed: the session may now do everything its roles allow. */
  passwordChanged: () => void;
  /** Forget the session locally (the server already ended it, or it expired). */
  signOut: (reason?: SignOutReason) => void;
}

const AuthContext = createContext<AuthState | null>(null);

export function signInPath(reason: SignOutReason | null, next: string | null): string {
  const params = new URLSearchParams();
  if (reason === 'expired') params.set('expired', '1');
  if (next && next !== '/' && !next.startsWith('/sign-in')) params.set('next', next);
  const query = params.toString();
  return query ? `/sign-in?${query}` : '/sign-in';
}

/** Holds the session and the GraphQL client; a new session gets a new, empty cache. */
export function AuthProvider({ children, transport = defaultTransport }: { children: ReactNode; transport?: SessionTransport }) {
  const [status, setStatus] = useState<SessionStatus>('unknown');
  const [mustChangePassword, setMustChangePassword] = useState(false);
  const [endedBecause, setEndedBecause] = useState<SignOutReason | null>(null);
  const [generation, setGeneration] = useState(0);
  const expiring = useRef(false);
  const statusRef = useRef(status);
  statusRef.current = status;

  useEffect(() => {
    let live = true;
    void transport.probe().then((probe) => {
      if (!live || statusRef.current !== 'unknown') return;
      setMustChangePassword(probe.mustChangePassword);
      setStatus(probe.signedIn ? 'signed-in' : 'signed-out');
    });
    return () => {
      live = false;
    };
  }, [transport]);

  const signOut = useCallback((reason: SignOutReason = 'signed-out') => {
    // RequireAuth sends the visitor to sign-in (keeping the page to come back to on expiry).
    setEndedBecause(reason);
    setStatus('signed-out');
    setMustChangePassword(false);
    setGeneration((g) => g + 1);
  }, []);

  const signedInWith = useCallback((options: { mustChangePassword?: boolean } = {}) => {
    expiring.current = false;
    setEndedBecause(null);
    setMustChangePassword(Boolean(options.mustChangePassword));
    setGeneration((g) => g + 1);
    setStatus('signed-in');
  }, []);

  const passwordChanged = useCallback(() => {
    setMustChangePassword(false);
    setGeneration((g) => g + 1);
  }, []);

  const client = useMemo(
    () =>
      createGraphqlClient({
        transport,
        onUnauthenticated: () => {
          // Several queries fail at once when a session expires; leave only once.
          if (expiring.current || statusRef.current !== 'signed-in') return;
          expiring.current = true;
          queueMicrotask(() => signOut('expired'));
        },
        onPasswordChangeRequired: () => setMustChangePassword(true),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new client per session
    [generation, transport, signOut],
  );

  const value = useMemo(
    () => ({
      status,
      signedIn: status === 'signed-in',
      mustChangePassword,
      endedBecause,
      signedInWith,
      passwordChanged,
      signOut,
    }),
    [status, mustChangePassword, endedBecause, signedInWith, passwordChanged, signOut],
  );
  return (
    <AuthContext.Provider value={value}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
