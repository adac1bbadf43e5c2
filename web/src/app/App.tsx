import { createBrowserRouter, RouterProvider } from 'react-router-dom';

import { AppConfig } from './AppConfig';
import { routes } from './routes';

const router = createBrowserRouter(routes);

export function App() {
  return (
    <AppConfig>
      <RouterProvider router={router} />
    </AppConfig>
  );
}
