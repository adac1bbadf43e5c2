import { describe, expect, it } from 'vitest';

import { accessFrom } from '@/providers/access/access';
import { meWith } from '@/test/policy';

import { creditAccess as ofAccess } from './access';

const creditAccess = (roles: string[]) => ofAccess(accessFrom(meWith(roles)));

describe('creditAccess', () => {
  it('follows the credit rows of the policy: write, read only, lookup log only, nothing', () => {
    expect(creditAccess(['credit_officer'])).toEqual({ readsCredit: true, writesCredit: true, readsLookups: true });
    expect(creditAccess(['coordination_office'])).toEqual({ readsCredit: true, writesCredit: false, readsLookups: true });
    expect(creditAccess(['department_head'])).toEqual({ readsCredit: false, writesCredit: false, readsLookups: true });
    expect(creditAccess(['approval_clerk', 'supervision_liaison'])).toEqual({
      readsCredit: false,
      writesCredit: false,
      readsLookups: false,
    });
    expect(creditAccess(['approval_clerk', 'system_admin'])).toEqual({ readsCredit: true, writesCredit: true, readsLookups: true });
  });
});
