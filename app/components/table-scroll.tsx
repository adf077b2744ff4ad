import type { ReactNode } from "react";

/**
 * A wide table that scrolls sideways on a small screen. Keyboard users can
 * focus the scrolling box to scroll it (axe: scrollable-region-focusable), and
 * screen readers announce it as a group named `label`: a group, not a region,
 * because the section around it often carries the same name and landmarks
 * must be unique.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
