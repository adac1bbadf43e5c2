import { render, screen } from '@testing-library/react';
import { Provider, type Client } from 'urql';
import { describe, expect, it } from 'vitest';
import { fromValue } from 'wonka';

import { visibleNav } from '@/app/Shell';
import { meWith } from '@/test/policy';

import { accessFrom } from './access';
import { AccessProvider, useAccess } from './AccessProvider';

const navOf = (...roles: string[]) => visibleNav(accessFrom(meWith(roles))).map((n) => n.path);

describe('accessFrom', () => {
  it('allows nothing before `me` answered', () => {
    const access = accessFrom(null);
    expect(access.ready).toBe(false);
    expect(access.can('application', 'read')).toBe(false);
    expect(access.allows('nav.applications')).toBe(false);
  });

  it('offers the credit officer no 办件 and the coordination office no 申报办件', () => {
    expect(navOf('credit_officer')).not.toContain('/applications');
    expect(navOf('credit_officer')).toContain('/credit');
    expect(navOf('coordination_office')).toContain('/applications');
    expect(accessFrom(meWith(['coordination_office'])).allows('application.submit')).toBe(false);
    expect(accessFrom(meWith(['approval_clerk'])).allows('application.submit')).toBe(true);
  });

  it('offers an approval clerk no 登记监管结果 and a liaison the claim', () => {
    expect(accessFrom(meWith(['approval_clerk'])).allows('finding.record')).toBe(false);
    expect(accessFrom(meWith(['supervision_liaison'])).allows('finding.record')).toBe(true);
    expect(accessFrom(meWith(['supervision_liaison'])).allows('push.claim')).toBe(true);
    expect(accessFrom(meWith(['approval_clerk'])).allows('push.claim')).toBe(false);
  });

  it('shows administration only to administrators, who may act in any department', () => {
    expect(navOf('system_admin')).toContain('/admin');
    expect(navOf('department_head')).not.toContain('/admin');
    expect(accessFrom(meWith(['system_admin'], '1')).owns('9')).toBe(true);
    expect(accessFrom(meWith(['department_head'], '1')).owns('9')).toBe(false);
    expect(accessFrom(meWith(['department_head'], '1')).owns('1')).toBe(true);
  });
});

function Probe() {
  const access = useAccess();
  return <p>{access.ready ? (access.allows('nav.applications') ? 'reads applications' : 'no applications') : 'waiting'}</p>;
}

const clientAnswering = (me: unknown) =>
  ({ executeQuery: () => fromValue({ data: { me }, stale: false, hasNext: false }) }) as unknown as Client;

describe('AccessProvider', () => {
  it('gives every component the abilities `me` answered', async () => {
    render(
      <Provider
        value={clientAnswering({ __typename: 'Me', username: 'u', displayName: 'U', departmentIds: ['1'], ...meWith(['credit_officer']) })}
      >
        <AccessProvider>
          <Probe />
        </AccessProvider>
      </Provider>,
    );
    expect(await screen.findByText('no applications')).toBeInTheDocument();
  });

  it('reads `me` itself outside a provider', async () => {
    render(
      <Provider
        value={clientAnswering({ __typename: 'Me', username: 'u', displayName: 'U', departmentIds: ['1'], ...meWith(['approval_clerk']) })}
      >
        <Probe />
      </Provider>,
    );
    expect(await screen.findByText('reads applications')).toBeInTheDocument();
  });
});
