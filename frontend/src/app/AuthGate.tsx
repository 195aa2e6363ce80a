import { Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { LoginPage, ReauthModal } from '@/features/security';
import { session } from '@/lib/session';
import { useSession } from '@/lib/useSession';

/** Signed out: the sign-in page. Expired: the page stays, with a sign-in dialog over it. */
export function AuthGate({ children }: { children: ReactNode }) {
  const state = useSession();
  useEffect(() => {
    if (session.get().status === 'checking') void session.start();
  }, []);
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
      {state.status === 'expired' && <ReauthModal user={state.user} />}
    </>
  );
}
