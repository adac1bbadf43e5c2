import { describe, expect, it } from 'vitest';

import { accessFrom } from '@/providers/access/access';
import { meWith } from '@/test/policy';

import { canConfirmLinkage, canCreateLinkage, canEditLinkage } from './access';

const linkage = { approvingDepartment: { id: '1' }, supervisingDepartment: { id: '2' }, supervisionConfirmedAt: null };
const me = (departmentId: string, ...roles: string[]) => accessFrom(meWith(roles, departmentId));

describe('linkage buttons follow the authorization matrix', () => {
  it('lets approval clerks, department heads and administrators write', () => {
    expect(canCreateLinkage(me('1', 'approval_clerk'))).toBe(true);
    expect(canCreateLinkage(me('1', 'department_head'))).toBe(true);
    expect(canCreateLinkage(me('7', 'system_admin'))).toBe(true);
    for (const role of ['supervision_liaison', 'credit_officer', 'coordination_office'])
      expect(canCreateLinkage(me('1', role)), role).toBe(false);
    expect(canCreateLinkage(accessFrom(null))).toBe(false);
  });

  it('lets only the approving department (or an administrator) edit and delete', () => {
    expect(canEditLinkage(me('1', 'approval_clerk'), linkage)).toBe(true);
    expect(canEditLinkage(me('2', 'approval_clerk'), linkage)).toBe(false);
    expect(canEditLinkage(me('2', 'department_head'), linkage)).toBe(false);
    expect(canEditLinkage(me('7', 'system_admin'), linkage)).toBe(true);
    expect(canEditLinkage(me('1', 'supervision_liaison'), linkage)).toBe(false);
  });

  it('lets the supervising department confirm, once', () => {
    expect(canConfirmLinkage(me('2', 'supervision_liaison'), linkage)).toBe(true);
    expect(canConfirmLinkage(me('2', 'department_head'), linkage)).toBe(true);
    expect(canConfirmLinkage(me('2', 'approval_clerk'), linkage)).toBe(false);
    expect(canConfirmLinkage(me('1', 'supervision_liaison'), linkage)).toBe(false);
    expect(canConfirmLinkage(me('7', 'coordination_office'), linkage)).toBe(false);
    expect(canConfirmLinkage(me('2', 'supervision_liaison'), { ...linkage, supervisionConfirmedAt: '2026-03-01T08:00:00Z' })).toBe(false);
  });
});
