import { describe, expect, it } from 'vitest';

import { accessFrom } from '@/providers/access/access';
import { meWith } from '@/test/policy';

import { inboxTabs } from './inbox';

const tabsOf = (...roles: string[]) => inboxTabs(accessFrom(meWith(roles)));

describe('inboxTabs', () => {
  it('gives liaisons pushes and notices, approval roles feedback too', () => {
    expect(tabsOf('supervision_liaison')).toEqual(['pushes', 'verifications', 'notices', 'summaries']);
    expect(tabsOf('approval_clerk')).toEqual(['pushes', 'verifications', 'feedback', 'notices', 'summaries']);
    expect(tabsOf('supervision_liaison', 'department_head')).toEqual(['pushes', 'verifications', 'feedback', 'notices', 'summaries']);
  });

  it('gives roles that receive nothing no tab', () => {
    expect(tabsOf('credit_officer')).toEqual([]);
    expect(tabsOf()).toEqual([]);
  });
});
