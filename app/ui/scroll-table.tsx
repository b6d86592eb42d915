type ScrollTableProps = { children: React.ReactNode } & ({ labelledBy: string; label?: never } | { label: string; labelledBy?: never });

/**
 * A box around a table that may be wider than a phone, so it scrolls sideways.
 * It takes focus so keyboard users can scroll it with the arrow keys (WCAG 2.1.1, axe
 * scrollable-region-focusable), and, being focusable, it is a region with a name.
 */
export function ScrollTable({ labelledBy, label, children }: ScrollTableProps) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={labelledBy} aria-label={label}>
      {children}
    </div>
  );
}
