import type { DayActivity } from '../../../../core/console/summarizeConsoleActivity.ts';
import { formatUsdCents } from './formatUsdCents.ts';

const WIDTH = 720;
const HEIGHT = 150;
const TOP = 4;
const BOTTOM = 2;
const DAY_MS = 86_400_000;

/** `2026-11-20` for a UTC day number. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Daily paid volume in USD as bars, our own SVG (no script, no inline style, so the console's CSP
 * holds); its labels are the caption's HTML text, which stays legible where a phone shrinks the SVG.
 * The figure's text alternative is the table of days below it.
 */
export function PaidVolumeChart({ days }: { readonly days: readonly DayActivity[] }) {
  const max = days.reduce((m, d) => (d.paidUsdCents > m ? d.paidUsdCents : m), 0n);
  const slot = WIDTH / Math.max(days.length, 1);
  const plot = HEIGHT - TOP - BOTTOM;
  // Bar heights are geometry, not money: the bigint ratio is exact enough as a number of pixels.
  const heightOf = (cents: bigint) => (max === 0n ? 0 : Number((cents * BigInt(plot * 100)) / max) / 100);
  const first = days[0];
  const last = days.at(-1);
  return (
    <figure class="chart-figure">
      <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="chart-title">
        <title id="chart-title">{`Paid volume per day in USD, last ${days.length} days; the most on one day ${formatUsdCents(max)}`}</title>
        <line class="axis" x1={0} y1={HEIGHT - BOTTOM} x2={WIDTH} y2={HEIGHT - BOTTOM} />
        {days.map((d, i) => {
          const h = heightOf(d.paidUsdCents);
          return (
            <rect key={d.day} class="bar-paid" x={i * slot + 2} y={HEIGHT - BOTTOM - h} width={slot - 4} height={h}>
              <title>{`${formatDay(d.day)}: ${formatUsdCents(d.paidUsdCents)}, ${d.orders} orders`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption class="muted">
        {`Paid volume per day, ${first === undefined ? '' : formatDay(first.day)} (left) to ${last === undefined ? '' : formatDay(last.day)}; the highest bar ${formatUsdCents(max)}. USD at each quote's rate.`}
      </figcaption>
    </figure>
  );
}
