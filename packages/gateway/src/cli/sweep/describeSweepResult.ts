import { formatAmount } from '../../core/money/formatAmount.ts';
import type { ExecuteSweepResult } from './executeSweep.ts';

/** One line for the sandbox page: what reached the destination, in how many transactions. */
export function describeSweepResult({ plan, report }: ExecuteSweepResult): string {
  if (report === null) {
    const dust = plan.dust.length === 0 ? '' : ` (${plan.dust.length} balances too small to move)`;
    return `Nothing to sweep${dust}.`;
  }
  const moved = report.moved
    .filter((asset) => asset.amount > 0n)
    .map((asset) => `${formatAmount(asset.amount, asset.decimals)} ${asset.symbol}`);
  const addresses = new Set(plan.addresses.map((a) => a.address)).size - report.failed.length;
  const failed = report.failed.length === 0 ? '' : `; ${count(report.failed.length, 'address')} failed, sweep again`;
  return (
    `Swept ${moved.length === 0 ? 'nothing' : moved.join(', ')} from ${count(addresses, 'address')} to ${plan.destination} ` +
    `in ${count(report.transactions.length, 'transaction')} (${plan.strategy})${failed}.`
  );
}

function count(n: number, noun: string): string {
  if (n === 1) return `1 ${noun}`;
  return `${n} ${noun.endsWith('s') ? `${noun}es` : `${noun}s`}`;
}
