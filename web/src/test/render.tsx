import { render } from '@testing-library/react';
import { createMemoryRouter, Outlet, RouterProvider, type RouteObject } from 'react-router-dom';

import { AppConfig } from '@/app/AppConfig';
import { AuthProvider } from '@/providers/auth/AuthProvider';
import type { SessionTransport } from '@/providers/auth/session';

/** A server that answers the session probe as if the browser held (or did not hold) a session cookie. */
export function memoryTransport(signedIn = false, mustChangePassword = false): SessionTransport {
  return {
    probe: async () => ({ signedIn, mustChangePassword }),
    requestInit: (): RequestInit => ({ credentials: 'same-origin' }),
  };
}

/** Renders routes under the real AuthProvider (and its GraphQL client), starting at `path`. */
export function renderAt(path: string, routes: RouteObject[], transport: SessionTransport) {
  const router = createMemoryRouter(
    [
      {
        element: (
          <AuthProvider transport={transport}>
            <Outlet />
          </AuthProvider>
        ),
        children: routes,
      },
    ],
    { initialEntries: [path] },
  );
  render(
    <AppConfig>
      <RouterProvider router={router} />
    </AppConfig>,
  );
  return router;
}
