import type { Access } from '@/providers/access/access';
import { useAccess } from '@/providers/access/AccessProvider';

export interface CreditAccess {
  readsCredit: boolean;
  writesCredit: boolean;
  readsLookups: boolean;
}

/** What the credit pages offer, from `me.abilities` (the server checks again). */
export function creditAccess(access: Pick<Access, 'allows'>): CreditAccess {
  return {
    readsCredit: access.allows('credit.read'),
    writesCredit: access.allows('credit.write'),
    readsLookups: access.allows('credit.lookups'),
  };
}

export function useCreditAccess(): CreditAccess & { loaded: boolean } {
  const access = useAccess();
  return { ...creditAccess(access), loaded: access.ready };
}
