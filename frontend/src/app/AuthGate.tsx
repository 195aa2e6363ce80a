import { Spin } from 'antd';
import { lazy, Suspense, useEffect, useLayoutEffect, type ReactNode } from 'react';
import { LoginPage } from '@/features/security';

// only when a session expires: its dialog is not part of the first script
const ReauthModal = lazy(() =>
  import('@/features/security/pages').then((m) => ({ default: m.ReauthModal })),
);
import { dismissBootShell } from '@/lib/bootShell';
import { session } from '@/lib/session';
import { useSession } from '@/lib/useSession';

/** The session is started once per page (a repeat visit is already resuming at the first render). */
let started = false;

/** Signed out: the sign-in page. Expired: the page stays, with a sign-in dialog over it. */
export function AuthGate({ children }: { children: ReactNode }) {
  const state = useSession();
  useEffect(() => {
    if (started) return;
    started = true;
    void session.start();
  }, []);
  useLayoutEffect(() => {
    // the session is gone: the sign-in form replaces index.html's frame of the app
    if (state.status === 'signedOut') dismissBootShell();
  }, [state.status]);
  useEffect(() => {
    if (state.status !== 'signedOut') return;
    // the app behind the form and its first page are fetched while the form is filled in
    const t = setTimeout(() => {
      void import('./SignedInApp');
      void import('./dashboard');
    }, 300);
    return () => clearTimeout(t);
  }, [state.status]);
  if (state.status === 'checking') {
    return (
      <div className="login-page">
        <Spin size="large" description="Đang kiểm tra phiên làm việc…" />
      </div>
    );
  }
  if (state.status === 'signedOut') return <LoginPage reason={state.reason} />;
  return (
    <>
      {children}
      {state.status === 'expired' && (
        <Suspense fallback={null}>
          <ReauthModal user={state.user} />
        </Suspense>
      )}
    </>
  );
}
