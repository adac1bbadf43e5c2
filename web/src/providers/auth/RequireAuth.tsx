import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { signInPath, useAuth } from './AuthProvider';

/**
 * Anonymous visitors of a deep link go to sign-in and come back after it; so does a user
 * whose session expired. Signing out leads to the plain sign-in page.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { signedIn, endedBecause } = useAuth();
  const location = useLocation();
  if (!signedIn) {
    const here = endedBecause === 'signed-out' ? null : `${location.pathname}${location.search}`;
    return <Navigate to={signInPath(endedBecause, here)} replace />;
  }
  return children;
}
