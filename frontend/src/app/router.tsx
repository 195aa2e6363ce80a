import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { NotFound } from '@/components/NotFound';
import { PageLoading } from '@/components/PageLoading';
import { RouteError } from '@/components/RouteError';
import { AppLayout } from './AppLayout';

/**
 * A route whose page is loaded when first visited: each feature's code (and ECharts, only on the
 * dashboard) is a script of its own, so the sign-in form and the first page load only theirs.
 * The page suspends inside the shell (React.lazy under AppLayout's Suspense, not the router's
 * `lazy`, which would hold the whole shell back until the page's code has come): the header and
 * menu show at once; moving between pages keeps the old one until the new one is ready (the
 * router's navigations are transitions).
 */
const page = (load: () => Promise<ComponentType>) => {
  const Page = lazy(() => load().then((Component) => ({ default: Component })));
  return { element: <Page /> };
};

const AwardPrintPage = lazy(() =>
  import('@/features/awards').then((m) => ({ default: m.AwardPrintPage })),
);

const createRouter = () =>
  createBrowserRouter([
    // the printable list stands alone, without the menus around it
    {
      path: '/khen-thuong/:id/in',
      element: (
        <Suspense fallback={<PageLoading />}>
          <AwardPrintPage />
        </Suspense>
      ),
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
            { index: true, ...page(() => import('./dashboard').then((m) => m.DashboardPage)) },
            {
              path: 'don-vi',
              ...page(() => import('./routes/UnitsRoute').then((m) => m.UnitsRoute)),
            },
            {
              path: 'mo-hinh',
              ...page(() => import('@/features/models').then((m) => m.ModelsPage)),
            },
            {
              path: 'mo-hinh/:id',
              ...page(() => import('./routes/ModelRoute').then((m) => m.ModelRoute)),
            },
            {
              path: 'su-kien',
              ...page(() => import('@/features/events').then((m) => m.EventsPage)),
            },
            {
              path: 'khen-thuong',
              ...page(() => import('@/features/awards').then((m) => m.AwardsPage)),
            },
            {
              path: 'khen-thuong/:id',
              ...page(() => import('@/features/awards').then((m) => m.AwardPage)),
            },
            {
              path: 'so-lieu',
              ...page(() => import('@/features/indicators/pages').then((m) => m.IndicatorsPage)),
            },
            {
              path: 'so-lieu/:id',
              ...page(() =>
                import('@/features/indicators/pages').then((m) => m.IndicatorReportPage),
              ),
            },
            {
              path: 'tinh-hinh-bao-cao',
              ...page(() => import('@/features/reporting/pages').then((m) => m.CompletenessPage)),
            },
            {
              path: 'an-toan',
              ...page(() => import('@/features/safety').then((m) => m.SafetyPage)),
            },
            {
              path: 'bao-cao',
              ...page(() => import('@/features/reports/pages').then((m) => m.ReportPage)),
            },
            {
              path: 'nhap-du-lieu',
              ...page(() => import('@/features/integration').then((m) => m.ImportPage)),
            },
            {
              path: 'thong-bao',
              ...page(() =>
                import('@/features/notifications/pages').then((m) => m.NotificationsPage),
              ),
            },
            {
              path: 'thong-bao/thiet-lap',
              ...page(() =>
                import('@/features/notifications/pages').then((m) => m.PreferencesPage),
              ),
            },
            {
              path: 'cho-gui',
              ...page(() => import('./routes/OutboxRoute').then((m) => m.OutboxRoute)),
            },
            {
              path: 'quan-tri',
              ...page(() => import('./routes/AdminRoute').then((m) => m.AdminRoute)),
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
