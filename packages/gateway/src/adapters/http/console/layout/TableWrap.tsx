import type { ComponentChildren } from 'preact';

/**
 * A table that scrolls sideways inside the page on a narrow screen. The scrolling box takes focus
 * and is a named region (a labelled section), so keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function TableWrap({ label, children }: { readonly label: string; readonly children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <section class="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
