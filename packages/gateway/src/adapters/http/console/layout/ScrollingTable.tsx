import type { ComponentChildren } from 'preact';

/**
 * A table that scrolls sideways inside its box on a narrow screen (the page itself never does). The
 * box is a named, focusable region so it can be scrolled from the keyboard too (axe:
 * scrollable-region-focusable).
 */
export function ScrollingTable(p: {
  readonly label: string;
  readonly class?: string;
  readonly children: ComponentChildren;
}) {
  return (
    <section
      class={p.class === undefined ? 'table-wrap' : `table-wrap ${p.class}`}
      aria-label={p.label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard.
      tabIndex={0}
    >
      <table>{p.children}</table>
    </section>
  );
}
