import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen: it scrolls sideways inside this region, which the keyboard can
 * reach (Tab, then the arrow keys) and a screen reader names; the page itself never scrolls
 * sideways.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // a scrollable region must be focusable to be scrolled without a pointer (WCAG 2.1.1)
    <div className="scroll-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
