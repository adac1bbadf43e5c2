import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useQuery } from 'urql';

import { ME_QUERY } from '@/app/queries';

import { accessFrom, type Access } from './access';

const AccessContext = createContext<Access | null>(null);

/** Asks `me` once (the cache keeps it) and gives every page the same answer. */
export function AccessProvider({ children }: { children: ReactNode }) {
  const [{ data }] = useQuery({ query: ME_QUERY });
  const me = data?.me;
  const access = useMemo(() => accessFrom(me), [me]);
  return <AccessContext.Provider value={access}>{children}</AccessContext.Provider>;
}

/** What the signed-in user may do here. Outside a provider (tests of a single page) it reads
 * `me` itself. */
export function useAccess(): Access {
  const provided = useContext(AccessContext);
  const [{ data }] = useQuery({ query: ME_QUERY, pause: provided !== null });
  const me = data?.me;
  const own = useMemo(() => accessFrom(me), [me]);
  return provided ?? own;
}
