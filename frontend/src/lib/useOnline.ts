import { useSyncExternalStore } from 'react';
import { connectivity } from './connectivity';

/**
 * Whether the server is within reach: the device has a network and requests are answered (a
 * phone on Wi-Fi without internet counts as offline once a request goes unanswered).
 */
export function useOnline(): boolean {
  return useSyncExternalStore(connectivity.subscribe, connectivity.online);
}
