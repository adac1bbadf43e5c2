import { describe, expect, it } from 'vitest';

import { accessFrom } from '@/providers/access/access';
import { meWith } from '@/test/policy';

import { workbenchTiles } from './tiles';

const tilesOf = (...roles: string[]) => workbenchTiles(accessFrom(meWith(roles)));

describe('workbenchTiles', () => {
  it('shows a clerk no subject count and no supervision tiles (the clerk does no supervision)', () => {
    expect(tilesOf('approval_clerk')).toEqual(['approvalMatters', 'applications']);
  });

  it('shows a liaison the supervision tiles', () => {
    expect(tilesOf('supervision_liaison')).toEqual(['approvalMatters', 'supervisionMatters', 'applications', 'findings']);
  });

  it('shows a credit officer matters and subjects only', () => {
    expect(tilesOf('credit_officer')).toEqual(['approvalMatters', 'supervisionMatters', 'subjects']);
  });

  it('shows the coordination office every tile, and nobody without a role any', () => {
    expect(tilesOf('coordination_office')).toHaveLength(5);
    expect(tilesOf()).toEqual([]);
  });
});
