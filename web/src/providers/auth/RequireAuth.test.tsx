import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { memoryTransport, renderAt } from '@/test/render';

import { signInPath } from './AuthProvider';
import { RequireAuth } from './RequireAuth';

const routes = [
  { path: '/sign-in', element: <p>sign-in page</p> },
  {
    path: '/applications/:id',
    element: (
      <RequireAuth>
        <p>application page</p>
      </RequireAuth>
    ),
  },
  {
    path: '/change-password',
    element: (
      <RequireAuth>
        <p>change-password page</p>
      </RequireAuth>
    ),
  },
];

describe('RequireAuth', () => {
  it('sends an anonymous deep link to sign-in, remembering where it was going', async () => {
    const router = renderAt('/applications/7?tab=findings', routes, memoryTransport(false));
    expect(await screen.findByText('sign-in page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?next=%2Fapplications%2F7%3Ftab%3Dfindings');
  });

  it('shows the page to a signed-in user', async () => {
    renderAt('/applications/7', routes, memoryTransport(true));
    expect(await screen.findByText('application page')).toBeInTheDocument();
  });

  it('sends an account that must change its initial password to the change-password page', async () => {
    const router = renderAt('/applications/7', routes, memoryTransport(true, true));
    expect(await screen.findByText('change-password page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/change-password');
  });
});

describe('signInPath', () => {
  it('marks an expiry and keeps the page to come back to, but never loops to sign-in', () => {
    expect(signInPath('expired', '/matters?page=2')).toBe('/sign-in?expired=1&next=%2Fmatters%3Fpage%3D2');
    expect(signInPath('signed-out', null)).toBe('/sign-in');
    expect(signInPath(null, '/')).toBe('/sign-in');
    expect(signInPath(null, '/sign-in?next=%2Fx')).toBe('/sign-in');
  });
});
