import { describe, expect, it } from 'vitest';

import { auditFilter, NO_AUDIT_FILTER } from './audit';

describe('auditFilter', () => {
  it('sends nothing when no filter is set', () => {
    expect(auditFilter(NO_AUDIT_FILTER)).toBeNull();
  });

  it('sends every filter, the dates as whole Beijing days', () => {
    expect(
      auditFilter({
        actor: ' spj_clerk ',
        action: 'ACCESS_DENIED',
        outcome: 'DENIED',
        departmentId: '3',
        since: '2026-12-01',
        until: '2026-12-01',
      }),
    ).toEqual({
      actor: 'spj_clerk',
      action: 'ACCESS_DENIED',
      outcome: 'DENIED',
      departmentId: '3',
      since: '2026-12-01T00:00:00+08:00',
      until: '2026-12-01T16:00:00.000Z',
    });
  });
});
