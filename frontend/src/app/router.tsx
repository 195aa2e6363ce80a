import { ImportPage } from '@/features/imports';
import { createBrowserRouter } from 'react-router';
import { NotFound } from '@/components/NotFound';
import { AdminPage } from '@/features/admin';
import { AwardPage, AwardPrintPage, AwardsPage } from '@/features/awards';
import { DashboardPage } from '@/features/dashboard';
import { EventsPage } from '@/features/events';
import { IndicatorReportPage, IndicatorsPage } from '@/features/indicators';
import { ModelPage, ModelsPage } from '@/features/models';
import { ReportPage } from '@/features/reports';
import { SafetyPage } from '@/features/safety';
import { UnitsPage } from '@/features/units';
import { AppLayout } from './AppLayout';

const createRouter = () =>
  createBrowserRouter([
    // the printable list stands alone, without the menus around it
    { path: '/khen-thuong/:id/in', element: <AwardPrintPage /> },
    {
      path: '/',
      element: <AppLayout />,
      children: [
        { index: true, element: <DashboardPage /> },
        { path: 'don-vi', element: <UnitsPage /> },
        { path: 'mo-hinh', element: <ModelsPage /> },
        { path: 'mo-hinh/:id', element: <ModelPage /> },
        { path: 'su-kien', element: <EventsPage /> },
        { path: 'khen-thuong', element: <AwardsPage /> },
        { path: 'khen-thuong/:id', element: <AwardPage /> },
        { path: 'so-lieu', element: <IndicatorsPage /> },
        { path: 'so-lieu/:id', element: <IndicatorReportPage /> },
        { path: 'an-toan', element: <SafetyPage /> },
        { path: 'bao-cao', element: <ReportPage /> },
        { path: 'nhap-du-lieu', element: <ImportPage /> },
        { path: 'quan-tri', element: <AdminPage /> },
        { path: '*', element: <NotFound /> },
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
