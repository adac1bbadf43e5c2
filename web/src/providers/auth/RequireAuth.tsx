import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';

import { signInPath, useAuth } from './AuthProvider';

export const CHANGE_PASSWORD_PATH = '/change-password';

/**
 * Anonymous visitors of a deep link go to sign-in and come back after it; so does a user
 * whose session expired. Signing out leads to the plain sign-in page. An account that must
 * change its initial password sees only the change-password page.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, endedBecause, mustChangePassword } = useAuth();
  const location = useLocation();
  if (status === 'unknown') {
    return (
      <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
        …
      </div>
    );
  }
  if (status === 'signed-out') {
    const here = endedBecause === 'signed-out' ? null : `${location.pathname}${location.search}`;
    return <Navigate to={signInPath(endedBecause, here)} replace />;
  }
  if (mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return children;
}
