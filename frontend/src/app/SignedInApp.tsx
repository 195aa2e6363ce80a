import { RouterProvider } from 'react-router';
import { appRouter } from './router';

/** The signed-in app: the router (made when first shown, that is after sign-in: see appRouter). */
export default function SignedInApp() {
  return <RouterProvider router={appRouter()} />;
}
