import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { createGraphqlClient } from '../graphql/client';
import { defaultTransport, type SessionTransport } from './session';

export type SignOutReason = 'signed-out' | 'expired';

interface AuthState {
  signedIn: boolean;
  /** Why the last session ended (null: none ended in this tab yet, e.g. a fresh visit). */
  endedBecause: SignOutReason | null;
  /** Called with the token from `signIn`. */
  signedInWith: (token: string) => void;
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
export function AuthProvider({
  children,
  transport = defaultTransport,
}: {
  children: ReactNode;
  transport?: SessionTransport;
}) {
  const [signedIn, setSignedIn] = useState(() => transport.isPresent());
  const [endedBecause, setEndedBecause] = useState<SignOutReason | null>(null);
  const [generation, setGeneration] = useState(0);
  const expiring = useRef(false);

  const signOut = useCallback(
    (reason: SignOutReason = 'signed-out') => {
      // RequireAuth sends the visitor to sign-in (keeping the page to come back to on expiry).
      transport.forget();
      setEndedBecause(reason);
      setSignedIn(false);
      setGeneration((g) => g + 1);
    },
    [transport],
  );

  const signedInWith = useCallback(
    (token: string) => {
      transport.keep(token);
      expiring.current = false;
      setEndedBecause(null);
      setGeneration((g) => g + 1);
      setSignedIn(true);
    },
    [transport],
  );

  const client = useMemo(
    () =>
      createGraphqlClient({
        transport,
        onUnauthenticated: () => {
          // Several queries fail at once when a session expires; leave only once.
          if (expiring.current || !transport.isPresent()) return;
          expiring.current = true;
          queueMicrotask(() => signOut('expired'));
        },
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new client per session
    [generation, transport, signOut],
  );

  const value = useMemo(
    () => ({ signedIn, endedBecause, signedInWith, signOut }),
    [signedIn, endedBecause, signedInWith, signOut],
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
