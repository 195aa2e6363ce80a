import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { lazy, Suspense, useState, type ComponentType } from 'react';
import { ApiError } from '@/lib/api/client';
import { connectivity } from '@/lib/connectivity';
import { AuthGate } from './AuthGate';
import { theme } from './theme';
import { UpdatePrompt } from './UpdatePrompt';
import { PageLoading } from '@/components/PageLoading';
import { OUTBOX_SENT } from '@/lib/outboxEvents';
import { session } from '@/lib/session';

dayjs.locale('vi');

const queryClient = new QueryClient({
  defaultOptions: {
    // asked even when the device says it is offline: the service worker answers from its cache
    // (the unit tree, catalogues) and a write goes to the queue instead of waiting forever
    queries: {
      networkMode: 'offlineFirst',
      staleTime: 30_000,
      // a 4xx will not get better by asking again
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
    mutations: { networkMode: 'always' },
  },
});

// a query that met no answer waits (showing what it had) until the server is within reach again,
// then asks again by itself; the device's own flag alone misses a network that reaches nothing
onlineManager.setEventListener((setOnline) =>
  connectivity.subscribe(() => setOnline(connectivity.online())),
);

// records sent from the queue in the background change what the lists show
window.addEventListener(OUTBOX_SENT, () => void queryClient.invalidateQueries());

// what one user read is not shown to the next one on this browser
session.subscribe(() => {
  if (session.get().status === 'signedOut') queryClient.clear();
});

/**
 * Everything behind the sign-in form — the router, the shell, the pages — is loaded when first
 * shown (and fetched while the form is being filled in), so a phone opening the address loads
 * only what the form needs.
 */
/** The signed-in app's component, once its script is here. */
let loaded: ComponentType | null = null;
const loadSignedInApp = () =>
  import('./SignedInApp').then((m) => {
    loaded = m.default;
    return m;
  });
const LazySignedInApp = lazy(loadSignedInApp);

/** Drawn without suspending when its script is already here (a repeat visit: see appReady). */
function Routes() {
  // chosen once per mount: switching type later would draw the whole app again
  const [SignedIn] = useState(() => loaded ?? LazySignedInApp);
  return <SignedIn />;
}

/**
 * Resolves when the first render can start. On a repeat visit by the officer last signed in here,
 * index.html's frame of the app stays on the screen while the shell's script comes (from the
 * service worker), so the shell is drawn in one go — not a spinner first, then the shell once
 * React's pause between revealing suspended content has passed.
 */
export function appReady(): Promise<unknown> {
  if (session.get().status !== 'resuming') return Promise.resolve();
  // not waited for beyond 3 s: a script that is slow to come is then awaited under a spinner
  return Promise.race([
    loadSignedInApp().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 3000)),
  ]);
}

export function App() {
  return (
    <ConfigProvider locale={viVN} theme={theme}>
      {/* messages and notices open below the 64 px header, never over its buttons */}
      <AntApp message={{ top: 72 }} notification={{ top: 72 }}>
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
