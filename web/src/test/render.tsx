import { render } from '@testing-library/react';
import { createMemoryRouter, Outlet, RouterProvider, type RouteObject } from 'react-router-dom';
import { AppConfig } from '../app/AppConfig';
import { AuthProvider } from '../providers/auth/AuthProvider';
import type { SessionTransport } from '../providers/auth/session';

/** A session held in memory, as the browser's sessionStorage would hold it. */
export function memoryTransport(token: string | null = null): SessionTransport & { token: string | null } {
  const transport = {
    token,
    isPresent: () => transport.token !== null,
    keep: (t: string) => {
      transport.token = t;
    },
    forget: () => {
      transport.token = null;
    },
    requestInit: (): RequestInit => (transport.token ? { headers: { authorization: `Bearer ${transport.token}` } } : {}),
  };
  return transport;
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
