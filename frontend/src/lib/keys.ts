import type { KeyboardEvent } from 'react';

/**
 * Opens a clickable row or card from the keyboard (Enter or Space), as a click would; keys typed
 * in a control inside it are left alone.
 */
export function openOnKey(e: KeyboardEvent, open: () => void) {
  if (e.target !== e.currentTarget) return;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    open();
  }
}
