import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { lazy, Suspense } from 'react';
import { ApiError } from '@/lib/api/client';
import { AuthGate } from './AuthGate';
import { UpdatePrompt } from './UpdatePrompt';
import { PageLoading } from '@/components/PageLoading';
import { session } from '@/lib/session';

dayjs.locale('vi');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // a 4xx will not get better by asking again
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

// what one user read is not shown to the next one on this browser
session.subscribe(() => {
  if (session.get().status === 'signedOut') queryClient.clear();
});

/**
 * Everything behind the sign-in form — the router, the shell, the pages — is loaded when first
 * shown (and fetched while the form is being filled in), so a phone opening the address loads
 * only what the form needs.
 */
const Routes = lazy(() => import('./SignedInApp'));

export function App() {
  return (
    <ConfigProvider locale={viVN} theme={{ token: { colorPrimary: '#b71c1c' } }}>
      <AntApp>
        <UpdatePrompt />
        <QueryClientProvider client={queryClient}>
          <AuthGate>
            <Suspense fallback={<PageLoading />}>
              <Routes />
            </Suspense>
          </AuthGate>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
