// Where the session lives, and how it travels. The only module that knows about the token:
// moving to HttpOnly cookie sessions means changing this file (store nothing, send
// `credentials: 'include'`), not the pages.

const TOKEN_KEY = 'shenguan.session';

export interface SessionTransport {
  /** Whether the browser holds a session it can present. */
  isPresent(): boolean;
  /** Keep the session the server handed out at sign-in. */
  keep(token: string): void;
  /** Forget the session (sign-out, expiry). */
  forget(): void;
  /** What every GraphQL request carries to prove the session. */
  requestInit(): RequestInit;
}

export function bearerTokenTransport(storage: Storage): SessionTransport {
  return {
    isPresent: () => storage.getItem(TOKEN_KEY) !== null,
    keep: (token) => storage.setItem(TOKEN_KEY, token),
    forget: () => storage.removeItem(TOKEN_KEY),
    requestInit: () => {
      const token = storage.getItem(TOKEN_KEY);
      return token ? { headers: { authorization: `Bearer ${token}` } } : {};
    },
  };
}

// sessionStorage: a session ends with the tab, and is not shared with other tabs.
export const defaultTransport: SessionTransport = bearerTokenTransport(globalThis.sessionStorage);
