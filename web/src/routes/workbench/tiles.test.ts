import { describe, expect, it } from 'vitest';
import { workbenchTiles } from './tiles';

describe('workbenchTiles', () => {
  it('shows a clerk no subject count (the clerk may not read subjects)', () => {
    expect(workbenchTiles(['approval_clerk'])).toEqual(['approvalMatters', 'supervisionMatters', 'applications', 'findings']);
  });

  it('shows a credit officer matters and subjects only', () => {
    expect(workbenchTiles(['credit_officer'])).toEqual(['approvalMatters', 'supervisionMatters', 'subjects']);
  });

  it('shows the coordination office every tile, and nobody without a role any', () => {
    expect(workbenchTiles(['coordination_office'])).toHaveLength(5);
    expect(workbenchTiles([])).toEqual([]);
  });
});
