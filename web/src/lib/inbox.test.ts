import { describe, expect, it } from 'vitest';
import { inboxTabs } from './inbox';

describe('inboxTabs', () => {
  it('gives liaisons pushes and notices, approval roles feedback too', () => {
    expect(inboxTabs(['supervision_liaison'])).toEqual(['pushes', 'verifications', 'notices', 'summaries']);
    expect(inboxTabs(['approval_clerk'])).toEqual(['pushes', 'verifications', 'feedback', 'notices', 'summaries']);
    expect(inboxTabs(['supervision_liaison', 'department_head'])).toEqual(['pushes', 'verifications', 'feedback', 'notices', 'summaries']);
  });

  it('gives roles that receive nothing no tab', () => {
    expect(inboxTabs(['credit_officer', 'system_admin'])).toEqual([]);
    expect(inboxTabs([])).toEqual([]);
  });
});
