import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { NotFound } from '@/components/NotFound';
import { PageLoading } from '@/components/PageLoading';
import { RouteError } from '@/components/RouteError';
import { AppLayout } from './AppLayout';

/**
 * A route whose page is loaded when first visited: each feature's code (and ECharts, only on the
 * dashboard) is a script of its own, so the sign-in form and the first page load only theirs.
 */
const page = (load: () => Promise<ComponentType>) => async () => ({ Component: await load() });

const createRouter = () =>
  createBrowserRouter([
    // the printable list stands alone, without the menus around it
    {
      path: '/khen-thuong/:id/in',
      lazy: page(() => import('@/features/awards').then((m) => m.AwardPrintPage)),
      HydrateFallback: PageLoading,
    },
    {
      path: '/',
      element: <AppLayout />,
      HydrateFallback: PageLoading,
      children: [
        {
          // a page that cannot open says so inside the shell (menu and queue still at hand)
          errorElement: <RouteError />,
          children: [
            { index: true, lazy: page(() => import('./dashboard').then((m) => m.DashboardPage)) },
            {
              path: 'don-vi',
              lazy: page(() => import('./routes/UnitsRoute').then((m) => m.UnitsRoute)),
            },
            {
              path: 'mo-hinh',
              lazy: page(() => import('@/features/models').then((m) => m.ModelsPage)),
            },
            {
              path: 'mo-hinh/:id',
              lazy: page(() => import('./routes/ModelRoute').then((m) => m.ModelRoute)),
            },
            {
              path: 'su-kien',
              lazy: page(() => import('@/features/events').then((m) => m.EventsPage)),
            },
            {
              path: 'khen-thuong',
              lazy: page(() => import('@/features/awards').then((m) => m.AwardsPage)),
            },
            {
              path: 'khen-thuong/:id',
              lazy: page(() => import('@/features/awards').then((m) => m.AwardPage)),
            },
            {
              path: 'so-lieu',
              lazy: page(() => import('@/features/indicators').then((m) => m.IndicatorsPage)),
            },
            {
              path: 'so-lieu/:id',
              lazy: page(() => import('@/features/indicators').then((m) => m.IndicatorReportPage)),
            },
            {
              path: 'an-toan',
              lazy: page(() => import('@/features/safety').then((m) => m.SafetyPage)),
            },
            {
              path: 'bao-cao',
              lazy: page(() => import('@/features/reports').then((m) => m.ReportPage)),
            },
            {
              path: 'nhap-du-lieu',
              lazy: page(() => import('@/features/integration').then((m) => m.ImportPage)),
            },
            {
              path: 'cho-gui',
              lazy: page(() => import('./routes/OutboxRoute').then((m) => m.OutboxRoute)),
            },
            {
              path: 'quan-tri',
              lazy: page(() => import('./routes/AdminRoute').then((m) => m.AdminRoute)),
            },
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ]);

/**
 * Made on first use, after sign-in: a return from the OpenID Connect provider rewrites the
 * address first, and the router must start from the rewritten one.
 */
let router: ReturnType<typeof createBrowserRouter> | undefined;
export function appRouter() {
  router ??= createRouter();
  return router;
}
