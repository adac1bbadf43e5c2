import { Suspense, type ReactNode } from 'react';
import { Outlet, type RouteObject } from 'react-router-dom';

import { AuthProvider } from '@/providers/auth/AuthProvider';
import { RequireAuth } from '@/providers/auth/RequireAuth';
import { loadConsoleMessages } from '@/providers/i18n';

import { RouteError } from './RouteError';

// Every page is its own chunk: the sign-in page loads only what it needs.
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

function Root(): ReactNode {
  return (
    <AuthProvider>
      <Suspense
        fallback={
          <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
            …
          </div>
        }
      >
        <Outlet />
      </Suspense>
    </AuthProvider>
  );
}

export const routes: RouteObject[] = [
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      { path: '/sign-in', lazy: page(() => import('@/routes/sign-in')) },
      // The published list is public: no sign-in.
      {
        path: '/public/list',
        lazy: page(async () => (await Promise.all([import('@/routes/public-list'), loadConsoleMessages()]))[0]),
      },
      {
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: [
          { path: '/change-password', lazy: page(() => import('@/routes/change-password')) },
          {
            lazy: async () => {
              const [shell] = await Promise.all([import('./Shell'), loadConsoleMessages()]);
              return { Component: shell.Shell };
            },
            children: [
              { index: true, lazy: page(() => import('@/routes/workbench')) },
              { path: 'inbox', lazy: page(() => import('@/routes/inbox')) },
              { path: 'messages', lazy: page(() => import('@/routes/messages')) },
              { path: 'admin', lazy: page(() => import('@/routes/admin')) },
              { path: 'linkages', lazy: page(() => import('@/routes/linkages')) },
              { path: 'linkages/new', lazy: page(() => import('@/routes/linkages/edit')) },
              { path: 'linkages/:id', lazy: page(() => import('@/routes/linkages/show')) },
              { path: 'linkages/:id/edit', lazy: page(() => import('@/routes/linkages/edit')) },
              { path: 'matters', lazy: page(() => import('@/routes/matters/list')) },
              { path: 'matters/new', lazy: page(() => import('@/routes/matters/create')) },
              { path: 'departments', lazy: page(() => import('@/routes/departments/list')) },
              { path: 'departments/:id', lazy: page(() => import('@/routes/departments/show')) },
              { path: 'applications', lazy: page(() => import('@/routes/applications/list')) },
              { path: 'applications/new', lazy: page(() => import('@/routes/applications/create')) },
              { path: 'applications/:id', lazy: page(() => import('@/routes/applications/show')) },
              { path: 'subjects', lazy: page(() => import('@/routes/subjects/list')) },
              { path: 'subjects/new', lazy: page(() => import('@/routes/subjects/create')) },
              { path: 'subjects/:creditCode', lazy: page(() => import('@/routes/subjects/show')) },
              { path: 'credit', lazy: page(() => import('@/routes/credit')) },
              { path: 'statistics', lazy: page(() => import('@/routes/statistics')) },
              { path: 'statistics/cases', lazy: page(() => import('@/routes/statistics/cases')) },
              { path: 'meetings', lazy: page(() => import('@/routes/meetings/list')) },
              { path: 'meetings/:id', lazy: page(() => import('@/routes/meetings/show')) },
              { path: 'escalations', lazy: page(() => import('@/routes/escalations/list')) },
              { path: 'escalations/new', lazy: page(() => import('@/routes/escalations/create')) },
              { path: 'escalations/:id', lazy: page(() => import('@/routes/escalations/show')) },
              { path: 'cards', lazy: page(() => import('@/routes/cards')) },
              { path: 'sms', lazy: page(() => import('@/routes/sms')) },
              { path: '*', lazy: page(() => import('./NotFound')) },
            ],
          },
        ],
      },
    ],
  },
];
