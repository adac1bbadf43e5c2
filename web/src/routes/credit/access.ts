import { useQuery } from 'urql';
import { ME_QUERY } from '../../app/queries';

// Mirrors policies/policy.csv (the server decides anyway; this hides what would be refused).
export const CREDIT_READERS = ['credit_officer', 'coordination_office', 'system_admin'] as const;
export const CREDIT_WRITERS = ['credit_officer', 'system_admin'] as const;
export const LOOKUP_LOG_READERS = ['credit_officer', 'department_head', 'coordination_office', 'system_admin'] as const;

const holds = (roles: readonly string[], allowed: readonly string[]) => roles.some((r) => allowed.includes(r));

export interface CreditAccess {
  readsCredit: boolean;
  writesCredit: boolean;
  readsLookups: boolean;
}

export function creditAccess(roles: readonly string[]): CreditAccess {
  return { readsCredit: holds(roles, CREDIT_READERS), writesCredit: holds(roles, CREDIT_WRITERS), readsLookups: holds(roles, LOOKUP_LOG_READERS) };
}

export function useCreditAccess(): CreditAccess & { loaded: boolean } {
  const [{ data }] = useQuery({ query: ME_QUERY });
  return { ...creditAccess(data?.me?.roles ?? []), loaded: Boolean(data?.me) };
}
