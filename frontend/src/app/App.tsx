import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { RouterProvider } from 'react-router';
import { ApiError } from '@/lib/api/client';
import { AuthGate } from './AuthGate';
import { appRouter } from './router';
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

/** The router is made when first shown, that is after sign-in (see appRouter). */
function Routes() {
  return <RouterProvider router={appRouter()} />;
}

export function App() {
  return (
    <ConfigProvider locale={viVN} theme={{ token: { colorPrimary: '#b71c1c' } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthGate>
            <Routes />
          </AuthGate>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
