import type { FundsReportLine } from '../../../../app/buildFundsReport.ts';
import type { NetworkHeight } from '../../../../app/getNetworkHeights.ts';
import type { CoinActivity, DayActivity } from '../../../../core/console/summarizeConsoleActivity.ts';
import { formatAmount } from '../../../../core/money/formatAmount.ts';
import { ScrollingTable } from '../layout/ScrollingTable.tsx';
import { TokenAmount } from '../layout/TokenAmount.tsx';
import { formatUsdCents } from './formatUsdCents.ts';
import { formatDay } from './PaidVolumeChart.tsx';

/** Each coin's payments today and over the span, exact in the coin and valued in USD. */
export function CoinTable({ coins, spanDays }: { readonly coins: readonly CoinActivity[]; readonly spanDays: number }) {
  if (coins.length === 0) return <p class="muted">{`No confirmed payments in the last ${spanDays} days.`}</p>;
  return (
    <ScrollingTable label="Paid volume per coin">
      <thead>
        <tr>
          <th scope="col">Coin</th>
          <th scope="col" class="num">
            Today
          </th>
          <th scope="col" class="num">{`${spanDays} days`}</th>
          <th scope="col" class="num">{`USD, ${spanDays} days`}</th>
          <th scope="col" class="num">
            Payments
          </th>
        </tr>
      </thead>
      <tbody>
        {coins.map((c) => (
          <tr key={`${c.networkKey}:${c.symbol}:${c.decimals}`}>
            <td>
              <strong>{`${c.symbol} · ${c.networkKey}`}</strong>
            </td>
            <td class="num">{formatAmount(c.today.amount, c.decimals)}</td>
            <td class="num">{formatAmount(c.span.amount, c.decimals)}</td>
            <td class="num">{formatUsdCents(c.span.usdCents)}</td>
            <td class="num">{c.span.payments}</td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}

/** The chart's figures as a table: its text alternative. */
export function DailyTable({ days }: { readonly days: readonly DayActivity[] }) {
  return (
    <ScrollingTable label="Paid volume per day">
      <thead>
        <tr>
          <th scope="col">Day (UTC)</th>
          <th scope="col" class="num">
            Orders
          </th>
          <th scope="col" class="num">
            Paid (USD)
          </th>
        </tr>
      </thead>
      <tbody>
        {[...days].reverse().map((d) => (
          <tr key={d.day}>
            <td class="nowrap">{formatDay(d.day)}</td>
            <td class="num">{d.orders}</td>
            <td class="num">{formatUsdCents(d.paidUsdCents)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}

/** Each network's head (when this process knows it), how far the watcher has scanned, and the gap. */
export function NetworkTable(p: {
  readonly networks: readonly NetworkHeight[];
  readonly heads: ReadonlyMap<string, bigint>;
}) {
  if (p.networks.length === 0) return <p class="muted">No networks are configured.</p>;
  return (
    <ScrollingTable label="Networks">
      <thead>
        <tr>
          <th scope="col">Network</th>
          <th scope="col" class="num">
            Head
          </th>
          <th scope="col" class="num">
            Scanned to
          </th>
          <th scope="col" class="num">
            Behind
          </th>
          <th scope="col">Watcher</th>
        </tr>
      </thead>
      <tbody>
        {p.networks.map(({ network, height, isLagging }) => {
          const head = p.heads.get(network.key);
          const behind = head === undefined || height === null ? null : head > height ? head - height : 0n;
          return (
            <tr key={network.key}>
              <td>
                <strong>{network.key}</strong>
              </td>
              <td class="num">{head === undefined ? <span class="muted">unknown</span> : String(head)}</td>
              <td class="num">{height === null ? <span class="muted">never ran</span> : String(height)}</td>
              <td class="num">{behind === null ? '–' : `${behind} blocks`}</td>
              <td>{isLagging ? <span class="badge bad">lagging</span> : <span class="badge ok">following</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </ScrollingTable>
  );
}

/** What deposit addresses hold and no sweep has collected yet, per network and token. */
export function FundsAwaitingTable({ lines }: { readonly lines: readonly FundsReportLine[] }) {
  const awaiting = lines.filter((line) => line.awaiting > 0n);
  if (awaiting.length === 0) return <p class="muted">Nothing awaits collection.</p>;
  return (
    <ScrollingTable label="Awaiting collection">
      <thead>
        <tr>
          <th scope="col">Network</th>
          <th scope="col">Token</th>
          <th scope="col" class="num">
            Awaiting
          </th>
          <th scope="col" class="num">
            Addresses
          </th>
        </tr>
      </thead>
      <tbody>
        {awaiting.map((line) => (
          <tr key={`${line.networkKey}:${line.contract ?? ''}`}>
            <td>{line.networkKey}</td>
            <td>{line.token}</td>
            <td class="num">
              <TokenAmount value={line.awaiting} decimals={line.decimals} />
            </td>
            <td class="num">{line.awaitingAddresses}</td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}
