/** The tone of a status badge: waiting, confirming, short, done or closed. */
export type BadgeTone = 'wait' | 'progress' | 'warn' | 'ok' | 'off';

export type BadgeProps = { readonly text: string; readonly tone: BadgeTone };

/** The status line at the top of a view card. */
export function Badge({ text, tone }: BadgeProps) {
  return <p class={`badge ${tone}`}>{text}</p>;
}
