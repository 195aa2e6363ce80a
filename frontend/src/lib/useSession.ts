import { useSyncExternalStore } from 'react';
import { rightsOf, session, type SessionState } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get);
}

/** The signed-in user's rights (none while signed out). */
export function useRights() {
  const s = useSession();
  return rightsOf(s.status !== 'checking' && s.status !== 'signedOut' ? s.user.role : undefined);
}

/** The signed-in user, or undefined. */
export function useCurrentUser() {
  const s = useSession();
  return s.status !== 'checking' && s.status !== 'signedOut' ? s.user : undefined;
}
