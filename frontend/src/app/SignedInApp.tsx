import { useLayoutEffect } from 'react';
import { RouterProvider } from 'react-router';
import { dismissBootShell } from '@/lib/bootShell';
import { appRouter } from './router';

/** The signed-in app: the router (made when first shown, that is after sign-in: see appRouter). */
export default function SignedInApp() {
  // the shell (or a standalone page) is drawn in this commit: index.html's frame can go
  useLayoutEffect(dismissBootShell, []);
  return <RouterProvider router={appRouter()} />;
}
